/**
 * The bundle check (deploy/checks/bundles.ts) on the functions built from the real sources into a
 * temporary folder (buildFunctions, as `npm run build:functions` does): they pass; copies with a
 * stray .ts file, a bundle without `main`, a bundle that does not load, a config.json edited by
 * hand, a missing package.json and a folder nobody declared each fail, naming what is wrong.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkBundles } from '../../../deploy/checks/bundles'
import { buildFunctions } from '../../../scripts/build-functions'

let tmp: string
let built: string
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-bundles-'))
  built = path.join(tmp, 'built')
  await buildFunctions({ out: built })
}, 120_000)
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const copy = (name: string, change: (dir: string) => void): string => {
  const dir = path.join(tmp, name)
  fs.cpSync(built, dir, { recursive: true })
  change(dir)
  return dir
}

describe('checkBundles', () => {
  it('passes the nine functions built from the sources', () => {
    expect(fs.readdirSync(built).sort()).toEqual([
      'discussion',
      'matters',
      'mediation',
      'notifications',
      'polls',
      'scheduler',
      'township',
      'village',
      'whistles',
    ])
    for (const name of fs.readdirSync(built)) {
      expect(fs.readdirSync(path.join(built, name)).sort()).toEqual([
        'config.json',
        'index.js',
        'package.json',
      ])
    }
    expect(checkBundles(built)).toEqual([])
  })

  it('names a stray .ts file and any other file in a bundle folder', () => {
    const dir = copy('stray', (d) => {
      fs.writeFileSync(path.join(d, 'polls/index.ts'), 'export const main = 1\n')
      fs.mkdirSync(path.join(d, 'village/handlers'))
      fs.writeFileSync(path.join(d, 'village/handlers/join.ts'), 'export {}\n')
      fs.writeFileSync(path.join(d, 'matters/index.js.map'), '{}')
    })
    expect(checkBundles(dir)).toEqual([
      'matters/index.js.map: not part of a bundle (only config.json, index.js, package.json)',
      'polls/index.ts: TypeScript source in a bundle folder',
      'village/handlers/join.ts: TypeScript source in a bundle folder',
    ])
  })

  it('names a bundle without main, one that does not load and one that is missing', () => {
    const dir = copy('main', (d) => {
      fs.writeFileSync(path.join(d, 'notifications/index.js'), 'exports.handler = async () => 1\n')
      fs.writeFileSync(path.join(d, 'scheduler/index.js'), 'throw new TypeError("boom")\n')
      fs.rmSync(path.join(d, 'discussion/index.js'))
    })
    expect(checkBundles(dir)).toEqual([
      'discussion/index.js: missing',
      'notifications/index.js: main is undefined, not a function',
      'scheduler/index.js: main is a load error (TypeError: boom), not a function',
    ])
  })

  it('names a config.json that differs from the declaration, a missing package.json and an undeclared folder', () => {
    const dir = copy('json', (d) => {
      fs.writeFileSync(
        path.join(d, 'scheduler/config.json'),
        JSON.stringify({ permissions: { openapi: ['subscribeMessage.send'] }, timeout: 60 }),
      )
      fs.rmSync(path.join(d, 'village/package.json'))
      fs.cpSync(path.join(d, 'notifications'), path.join(d, 'payments'), { recursive: true })
    })
    expect(checkBundles(dir)).toEqual([
      'payments/: a folder for a function deploy/declaration.ts does not declare',
      'scheduler/config.json: differs from what deploy/functionFiles.ts generates ' +
        '({"permissions":{"openapi":["subscribeMessage.send"]},"timeout":60} ≠ ' +
        '{"permissions":{"openapi":["subscribeMessage.send"]},"timeout":60,' +
        '"triggers":[{"name":"closePolls","type":"timer","config":"30 * * * * * *"}]})',
      'village/package.json: missing',
    ])
  })
})

/**
 * WeChat's own offline compile of the weapp build (scripts/compile-weapp.ts, `npm run check:weapp`):
 * on the dist/ that npm test leaves (it builds the weapp first), inside `unshare -n` so that
 * miniprogram-ci's calls to WeChat's servers find no network. It passes on the real build and fails,
 * with WeChat's message, on a copy whose app.json lists a page that is not there or does not parse.
 * Without a network namespace the script refuses to start.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../..')
const DIST = path.join(ROOT, 'dist')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const SCRIPT = path.join(ROOT, 'scripts/compile-weapp.ts')

/** The script as `npm run check:weapp` runs it: in a network namespace with no routes. */
const compileOffline = (dir: string) =>
  spawnSync('unshare', ['-n', TSX, SCRIPT, dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })

let tmp: string
beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/ has no app.json: run npm run build:weapp first (npm test does)')
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-compile-test-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** A copy of the build whose app.json is rewritten by `edit`. */
const brokenCopy = (name: string, edit: (appJson: string) => string): string => {
  const dir = path.join(tmp, name)
  fs.cpSync(DIST, dir, { recursive: true })
  const file = path.join(dir, 'app.json')
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')))
  return dir
}

describe('WeChat offline compile (miniprogram-ci getCompiledResult inside unshare -n)', () => {
  it('compiles the real build and says how many files, how big and how long', () => {
    const run = compileOffline(DIST)
    expect(run.stderr).not.toMatch(/refused|refusing/)
    expect(run.status).toBe(0)
    const line = run.stdout.match(
      /compiled (\d+) files \((\d+) JavaScript\) into (\d+) KB in (\d+\.\d) s/,
    )
    expect(line).not.toBeNull()
    // every page's four files (.js .json .wxml .wxss) at least: 3 main pages and 18 subpackage pages
    expect(Number(line![1])).toBeGreaterThanOrEqual(21 * 4)
    expect(Number(line![2])).toBeGreaterThanOrEqual(21)
    expect(Number(line![3])).toBeGreaterThan(0)
  }, 120_000)

  it('fails on app.json listing a page that is not built, naming it', () => {
    const dir = brokenCopy('missing-page', (text) => {
      const app = JSON.parse(text) as { pages: string[] }
      app.pages.push('pages/nowhere/index')
      return JSON.stringify(app)
    })
    const run = compileOffline(dir)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain("WeChat's compiler refused")
    expect(run.stderr).toContain('pages/nowhere/index')
  }, 120_000)

  it('fails on app.json that is not JSON', () => {
    const dir = brokenCopy('bad-json', (text) => text.replace(/^\{/, '{,'))
    const run = compileOffline(dir)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain("WeChat's compiler refused")
    expect(run.stderr).toMatch(/app\.json[\s\S]*Expecting/)
  }, 120_000)

  it('refuses to run outside a network namespace, before loading miniprogram-ci', () => {
    // An empty folder: were the guard missing, the script would stop at "no app.json", never
    // reaching miniprogram-ci, so this test sends nothing out either way.
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'))
    const run = spawnSync(TSX, [SCRIPT, empty], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('refusing to run with network interfaces')
    expect(run.stderr).toContain('unshare -n')
  })
})

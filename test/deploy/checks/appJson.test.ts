/**
 * The app.json check (deploy/checks/appJson.ts) on the weapp build npm test leaves in dist/: the
 * real build passes; copies of it with a page listed but not built, an app.json that does not
 * parse, a page listed twice, a tabBar page in a subpackage, a missing component and a page .json
 * that does not parse each fail, naming what is wrong.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkAppJson } from '../../../deploy/checks/appJson'

const DIST = path.resolve(__dirname, '../../../dist')

let tmp: string
beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/ has no app.json: run npm run build:weapp first (npm test does)')
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-appjson-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

type App = {
  pages: string[]
  subPackages: Array<{ root: string; pages: string[] }>
  tabBar?: unknown
}

/** A copy of the build; `change` edits its files. */
const copy = (name: string, change: (dir: string) => void): string => {
  const dir = path.join(tmp, name)
  fs.cpSync(DIST, dir, { recursive: true })
  change(dir)
  return dir
}
const editApp = (dir: string, edit: (app: App) => void) => {
  const file = path.join(dir, 'app.json')
  const app = JSON.parse(fs.readFileSync(file, 'utf8')) as App
  edit(app)
  fs.writeFileSync(file, JSON.stringify(app))
}

describe('checkAppJson', () => {
  it('passes the real build: 3 main pages, 7 subpackages', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as App
    expect(app.pages).toEqual(['pages/index/index', 'pages/matters/index', 'pages/me/index'])
    expect(app.subPackages.map((s) => s.root)).toEqual([
      'packages/matters',
      'packages/me',
      'packages/committee',
      'packages/moderator',
      'packages/mediation',
      'packages/township',
      'packages/notice',
    ])
    expect(checkAppJson(DIST)).toEqual([])
  })

  it('names a page listed but not built, and a subpackage page with a file missing', () => {
    const dir = copy('missing', (d) => {
      editApp(d, (app) => app.pages.push('pages/nowhere/index'))
      fs.rmSync(path.join(d, 'packages/notice/pages/index/index.wxml'))
    })
    expect(checkAppJson(dir)).toEqual([
      'app.json: pages page pages/nowhere/index is not built (no .js, .json, .wxml, .wxss)',
      'app.json: subPackages[6] page packages/notice/pages/index/index is not built (no .wxml)',
    ])
  })

  it('names an app.json that does not parse', () => {
    const dir = copy('syntax', (d) => {
      const file = path.join(d, 'app.json')
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^\{/, '{,'))
    })
    const problems = checkAppJson(dir)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^app\.json: not JSON \(.*position 1/)
  })

  it('names a page listed twice and a tabBar page that is in a subpackage', () => {
    const dir = copy('twice', (d) =>
      editApp(d, (app) => {
        app.subPackages[0].pages.push('pages/raise/index')
        app.tabBar = {
          list: [
            { pagePath: 'pages/index/index', text: '首页' },
            { pagePath: 'packages/me/pages/votes/index', text: '投票' },
          ],
        }
      }),
    )
    expect(checkAppJson(dir)).toEqual([
      'app.json: page packages/matters/pages/raise/index is listed twice',
      'app.json: tabBar.list[1] page packages/me/pages/votes/index is not a main-package page',
    ])
  })

  it('names a component a page uses that is not built, and a page .json that does not parse', () => {
    const dir = copy('components', (d) => {
      fs.rmSync(path.join(d, 'comp.wxml'))
      fs.writeFileSync(path.join(d, 'pages/me/index.json'), '{"usingComponents":')
    })
    const problems = checkAppJson(dir)
    expect(problems).toContain('pages/index/index.json: component comp (../../comp) has no .wxml')
    expect(problems.find((p) => p.startsWith('pages/me/index.json: not JSON'))).toBeDefined()
    // every other page reports the missing component too, and nothing else
    expect(problems.filter((p) => !/component comp \(.*\) has no \.wxml$/.test(p))).toHaveLength(1)
  })
})

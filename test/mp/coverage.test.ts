/**
 * Every page of app.config has its compiled-page test: a test file in the folder that mirrors the
 * page's (`/packages/committee/pages/members/index` → test/mp/packages/committee/pages/members/),
 * and every line of e2e/support/pages.ts is run by one of them (by its key, or by its route through
 * `showsRoute`). Reads files only: no build, no back end.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PAGES } from '../../e2e/support/pages'
import { ROUTES } from '../../src/routes'

const ROOT = path.resolve(__dirname, '..', '..')

function appRoutes(): string[] {
  const config = fs.readFileSync(path.join(ROOT, 'src', 'app.config.ts'), 'utf8')
  const top = config.match(/^ {2}pages: \[([^\]]*)\]/m)?.[1] ?? ''
  const main = [...top.matchAll(/'([\w/]+)'/g)].map((m) => `/${m[1]}`)
  const sub = [...config.matchAll(/root: '([\w/]+)',\s*pages: \[([^\]]*)\]/g)].flatMap((m) =>
    [...(m[2] as string).matchAll(/'([\w/]+)'/g)].map((p) => `/${m[1]}/${p[1]}`),
  )
  return [...main, ...sub]
}

const testDir = (route: string) => path.join(__dirname, path.dirname(route.replace(/^\//, '')))

function testsOf(route: string): string[] {
  const dir = testDir(route)
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
}

const routeName = (route: string) => Object.entries(ROUTES).find(([, r]) => r === route)?.[0] ?? '?'

describe('the compiled-page tests cover every page', () => {
  const routes = appRoutes()

  it('reads the 3 tab pages and the subpackages’ pages from app.config', () => {
    expect(routes.length).toBeGreaterThanOrEqual(21)
  })

  it('every page has a test file in its mirrored folder', () => {
    expect(routes.filter((r) => testsOf(r).length === 0)).toEqual([])
  })

  it('every line of e2e/support/pages.ts is run there, by its key or by its route', () => {
    const missed = PAGES.filter((p) => {
      const sources = testsOf(p.route).join('\n')
      return (
        !sources.includes(`'${p.key}'`) &&
        !sources.includes(`showsRoute(ROUTES.${routeName(p.route)})`)
      )
    }).map((p) => p.key)
    expect(missed).toEqual([])
  })
})

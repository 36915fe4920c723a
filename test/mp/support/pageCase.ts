/**
 * One compiled page's test, from its line in e2e/support/pages.ts (the same hand-written main
 * content the browser tests look for): signed in as that line's person against the real functions,
 * with the page's clock fixed at the demo's instant, the page shows its main content in normal and
 * in 大字模式 (the `fs-large` class on `#screen`).
 */
import { PAGES, type PageCase } from '../../../e2e/support/pages'
import { fixShanghaiClock } from '../../support/clock'
import {
  isLarge,
  largeText,
  renderPage,
  resetStorage,
  signIn,
  startBackend,
  stopBackend,
  text,
  waitFor,
  waitForWords,
} from './weapp'

/** The demo's instant in Shanghai (e2e/support/backend.ts DEMO_NOW). */
export const DEMO_LOCAL = '2026-11-21T09:00:00'

export function pageCase(key: string): PageCase {
  const found = PAGES.find((p) => p.key === key)
  if (!found) throw new Error(`no page ${key} in e2e/support/pages.ts`)
  return found
}

/** Starts the back end for the file and fixes the clock around each test. */
export function withBackend(): void {
  beforeAll(() => startBackend(), 120_000)
  afterAll(() => stopBackend())
  beforeEach(() => {
    resetStorage()
    fixShanghaiClock(DEMO_LOCAL)
  })
  afterEach(() => {
    jest.useRealTimers()
    jest.resetModules()
  })
}

/** Renders the page as its person, 大字模式 on or off, and waits for its main content. */
export async function openCase(p: PageCase, large: boolean) {
  await signIn(p.as)
  largeText(large)
  const page = renderPage(p.route, { ...p.query })
  const main = p.main.words
    ? await waitForWords(page, p.main.selector, p.main.words)
    : await waitFor(page, p.main.selector)
  return { page, main }
}

/** The two tests every page has: its main content, normal and 大字模式. */
export function showsMainContent(...keys: string[]): void {
  for (const key of keys) {
    const p = pageCase(key)
    const what = `${p.main.selector}${p.main.words ? ` “${p.main.words}”` : ''}`
    it.each([false, true])(`${p.name} shows ${what} (大字模式 %s)`, async (large) => {
      const { page, main } = await openCase(p, large)
      if (p.main.words) expect(text(main)).toContain(p.main.words)
      expect(isLarge(page)).toBe(large)
    })
  }
}

/**
 * Every line of e2e/support/pages.ts for `route` (a page may have several, in different states),
 * each with its two tests; a route without a line fails, so a new page is not silently untested.
 */
export function showsRoute(route: string): void {
  const keys = PAGES.filter((p) => p.route === route).map((p) => p.key)
  it(`${route} has a line in e2e/support/pages.ts`, () => {
    expect(keys.length).toBeGreaterThan(0)
  })
  if (keys.length > 0) showsMainContent(...keys)
}

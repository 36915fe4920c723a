/**
 * Opening the H5 build as a given person, in normal or 大字模式, the way a developer does it by hand:
 * `?dev=<member id>` (or `?dev=new`, a brand-new WeChat user) signs the tab in through the
 * emulator's `/dev/login` (src/services/devSignIn.ts keeps the token in sessionStorage), then the
 * page is opened afresh so its one function call already carries the sign-in.
 */
import type { Page } from 'playwright-core'
import type { Who } from './pages'
import { queryString } from './pages'

/** Generous: two cores are shared by five people while these run. */
export const APPEAR_MS = Number(process.env.FENGSI_APPEAR_MS) || 30_000

/** The H5 address of a route (Taro's hash router). */
export const pageUrl = (base: string, route: string, query?: Record<string, string>): string =>
  `${base}/#${route}${queryString(query)}`

/** Signs this tab in as `who` (keeps any 大字模式 choice given). */
export async function signIn(page: Page, base: string, who: Who): Promise<void> {
  await page.goto(`${base}/?dev=${encodeURIComponent(who === 'newcomer' ? 'new' : who)}`)
  await page.waitForFunction(
    () => Boolean(window.sessionStorage.getItem('fengsi.devToken')),
    null,
    {
      timeout: APPEAR_MS,
    },
  )
}

/** 大字模式 as the switch on 我的 stores it (Taro's H5 storage: `{data: …}` in localStorage). */
export async function setLargeText(page: Page, on: boolean): Promise<void> {
  await page.evaluate((value) => {
    window.localStorage.setItem('fengsi.largeText', JSON.stringify({ data: value }))
  }, on)
}

/** Signs in as `who`, sets 大字模式, and opens `route`; resolves once it has been navigated to. */
export async function openAs(
  page: Page,
  base: string,
  who: Who,
  route: string,
  options: { query?: Record<string, string>; large?: boolean } = {},
): Promise<void> {
  await signIn(page, base, who)
  await setLargeText(page, options.large ?? false)
  // A new document: the app launches again, reading the token and 大字模式 afresh.
  await page.goto('about:blank')
  await page.goto(pageUrl(base, route, options.query))
}

/** True when `#screen` carries 大字模式's class. */
export async function isLarge(page: Page): Promise<boolean> {
  return page
    .locator('#screen')
    .first()
    .evaluate((el) => el.classList.contains('fs-large'))
}

/** The words an element shows, spaces collapsed. */
export async function wordsOf(page: Page, selector: string): Promise<string> {
  const raw = await page.locator(selector).first().innerText()
  return raw.replace(/\s+/g, ' ').trim()
}

/** Types into the input or textarea at `selector` (the element itself or the one inside it). */
export async function fillIn(page: Page, selector: string, words: string): Promise<void> {
  const field = page
    .locator(`input${selector}, textarea${selector}, ${selector} input, ${selector} textarea`)
    .first()
  await field.waitFor({ timeout: APPEAR_MS })
  await field.fill(words)
}

/** Waits for `selector` and taps it. */
export async function tap(page: Page, selector: string): Promise<void> {
  const target = page.locator(selector).first()
  await target.waitFor({ timeout: APPEAR_MS })
  await target.click()
}

/** Waits until the element at `selector` shows `words`. */
export async function waitForWords(page: Page, selector: string, words: string): Promise<void> {
  await page.locator(selector).filter({ hasText: words }).first().waitFor({ timeout: APPEAR_MS })
}

/**
 * The function calls (`<function>.<action>`) a page makes when it is opened inside the app: 首页
 * is loaded first (signed in as `who`) and left to settle, then the page is opened by changing the
 * route (Taro's router takes the hash change as a navigation), and every `/fn/` request is counted
 * until its main content shows and the network is idle. 首页 itself is counted from its own load.
 */
export async function callsOnOpen(
  page: Page,
  base: string,
  who: Who,
  route: string,
  mainSelector: string,
  query?: Record<string, string>,
): Promise<string[]> {
  const home = '/pages/index/index'
  const calls: string[] = []
  let counting = false
  page.on('request', (req) => {
    const m = req.url().match(/\/fn\/([\w-]+)/)
    if (!m || !counting) return
    let action = '?'
    try {
      action = (JSON.parse(req.postData() ?? '{}') as { action?: string }).action ?? '?'
    } catch {
      // not JSON: counted as '?'
    }
    calls.push(`${m[1]}.${action}`)
  })
  await signIn(page, base, who)
  await setLargeText(page, false)
  await page.goto('about:blank')
  counting = route === home
  await page.goto(pageUrl(base, home))
  // 首页 has answered (its agenda, or the way to join) before anything else is counted.
  await page
    .locator('#home-agenda, #home-join, #home-member-status')
    .first()
    .waitFor({ timeout: APPEAR_MS })
  await page.waitForLoadState('networkidle', { timeout: APPEAR_MS })
  if (route !== home) {
    counting = true
    const target = pageUrl('', route, query)
    await page.evaluate((hash) => {
      window.location.hash = hash.slice(1)
    }, target)
  }
  await page.locator(mainSelector).first().waitFor({ timeout: APPEAR_MS })
  await page.waitForLoadState('networkidle', { timeout: APPEAR_MS })
  return calls
}

// The H5 part of `npm run bench` (`-- --h5` runs only it), in Debian's Chromium on loopback against
// the emulator as `npm start` serves it (bundled functions, the H5 build with the dev sign-in, the
// demo village seeded, the emulator's clock at DEMO_NOW):
// - first screen: 首页 opened by a signed-in resident in a fresh browser context (nothing cached),
//   from navigation start until the next 说事日's agenda (`#home-agenda`) or line
//   (`#home-next-talk-day`) has a box on screen, read by the page itself (performance.now() from
//   a MutationObserver and a per-frame check installed before the app's scripts); median, min and
//   max of 10 loads;
// - function calls each page makes on open: every page of e2e/support/pages.ts opened by its
//   person from inside the app (callsOnOpen in e2e/support/session.ts), the `/fn/` requests
//   counted until the page's main content shows and the network is idle (issue #11: one call per
//   screen open; the matter page may add getPoll).
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startBackend, devLogin } from '../e2e/support/backend'
import { launch, phonePage } from '../e2e/support/browser'
import { PAGES } from '../e2e/support/pages'
import { APPEAR_MS, callsOnOpen, pageUrl } from '../e2e/support/session'
import { H5_DIR } from './paths'

type Row = [string, string, string]

export const FIRST_SCREEN_LOADS = 10
const FIRST_SCREEN = '#home-agenda, #home-next-talk-day'

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

/** A fresh phone-sized context already holding `token` as its dev sign-in. */
async function signedInPage(browser: Browser, token: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  await context.addInitScript((t) => {
    window.sessionStorage.setItem('fengsi.devToken', t)
  }, token)
  return context.newPage()
}

async function firstScreen(browser: Browser, url: string, token: string): Promise<number> {
  const page = await signedInPage(browser, token)
  try {
    // A string, not a function: tsx's transform would name the inner functions with a helper
    // (`__name`) that does not exist in the page.
    await page.addInitScript(`(() => {
      const selector = ${JSON.stringify(FIRST_SCREEN)}
      const check = () => {
        if (window.__fsFirstScreen !== undefined) return
        const el = document.querySelector(selector)
        const r = el && el.getBoundingClientRect()
        if (r && r.width > 0 && r.height > 0) window.__fsFirstScreen = performance.now()
      }
      new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true })
      // Styles arriving later change boxes without a mutation: look again at every frame.
      const frame = () => {
        check()
        if (window.__fsFirstScreen === undefined) requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })()`)
    await page.goto(pageUrl(url, '/pages/index/index'))
    const handle = await page.waitForFunction(
      () => (window as unknown as { __fsFirstScreen?: number }).__fsFirstScreen,
      null,
      { timeout: APPEAR_MS },
    )
    return Number(await handle.jsonValue())
  } finally {
    await page.context().close()
  }
}

export async function h5Bench(rows: Row[]): Promise<void> {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    execSync('npm run -s build:h5', {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', TARO_APP_DEV_LOGIN: '1' },
    })
  }
  const app = await startBackend({ staticDir: H5_DIR })
  const browser = await launch()
  try {
    const tokens = new Map<string, string>()
    const tokenOf = async (who: string) => {
      const known = tokens.get(who)
      if (known) return known
      const t = await devLogin(app.url, who === 'newcomer' ? { newcomer: true } : { memberId: who })
      tokens.set(who, t)
      return t
    }
    const resident = await tokenOf('demo-resident-1')
    // One load to warm the emulator's function instances, not counted.
    await firstScreen(browser, app.url, resident)
    const times: number[] = []
    for (let i = 0; i < FIRST_SCREEN_LOADS; i += 1) {
      times.push(await firstScreen(browser, app.url, resident))
    }
    rows.push([
      `H5 first screen in Chromium, 首页 until the next 说事日 shows (median of ${FIRST_SCREEN_LOADS})`,
      '',
      `${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
    ])
    for (const p of PAGES) {
      const page = await phonePage(browser, '2026-11-21T09:00:00')
      let result: string
      try {
        const calls = await callsOnOpen(page, app.url, p.as, p.route, p.main.selector, {
          ...p.query,
        })
        result = `${calls.length} (${calls.join(', ')})`
      } catch (e) {
        // One page that does not open is reported, not the end of the bench.
        result = `not measured: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`
      } finally {
        await page.context().close()
      }
      rows.push([`function calls on open: ${p.name}`, '', result])
    }
  } finally {
    await browser.close()
    await app.close()
  }
}

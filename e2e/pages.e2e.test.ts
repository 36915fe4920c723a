/**
 * Every page of the H5 build in Chromium, against the emulator as `npm start` serves it (bundled
 * functions, the demo village seeded at DEMO_NOW, the emulator's clock and the page's clock both
 * fixed there): each shows its main content (e2e/support/pages.ts, written by hand), in normal
 * and in 大字模式 (the `fs-large` class on `#screen`, and larger text). Screenshots of each go to
 * test-results/page-<key>[-large].png. Opened from inside the app, each page makes the one
 * function call its line names.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import type { Emulator } from '../emulator/src'
import { H5_DIR } from '../scripts/paths'
import { startBackend } from './support/backend'
import { launch, phonePage, screenshot } from './support/browser'
import { PAGES } from './support/pages'
import { APPEAR_MS, callsOnOpen, isLarge, openAs, waitForWords, wordsOf } from './support/session'

let app: Emulator
let browser: Browser

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist-h5/index.html is missing: run `npm run build:h5` (test:e2e does)')
  }
  app = await startBackend({ staticDir: H5_DIR, district: true })
  browser = await launch()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('every page in Chromium (H5 build)', () => {
  it('the list of pages covers every page of app.config', () => {
    const config = fs.readFileSync(path.resolve(__dirname, '..', 'src', 'app.config.ts'), 'utf8')
    const top = config.match(/^ {2}pages: \[([^\]]*)\]/m)?.[1] ?? ''
    const main = [...top.matchAll(/'([\w/]+)'/g)].map((m) => `/${m[1]}`)
    const sub = [...config.matchAll(/root: '([\w/]+)',\s*pages: \[([^\]]*)\]/g)].flatMap((m) =>
      [...(m[2] as string).matchAll(/'([\w/]+)'/g)].map((p) => `/${m[1]}/${p[1]}`),
    )
    const routes = new Set(PAGES.map((p) => p.route))
    expect(main.length).toBe(3)
    expect(sub.length).toBeGreaterThanOrEqual(5)
    expect([...main, ...sub].filter((r) => !routes.has(r))).toEqual([])
  })

  for (const large of [false, true]) {
    describe(large ? '大字模式' : 'normal', () => {
      for (const p of PAGES) {
        it(`${p.name} shows ${p.main.selector}${p.main.words ? ` “${p.main.words}”` : ''}`, async () => {
          const page = await phonePage(browser, '2026-11-21T09:00:00')
          try {
            await openAs(page, app.url, p.as, p.route, { query: { ...p.query }, large })
            const main = page.locator(p.main.selector).first()
            await main.waitFor({ timeout: APPEAR_MS })
            if (p.main.words) {
              // A list shows 正在加载… first: wait for the words, then read them.
              await waitForWords(page, p.main.selector, p.main.words)
              expect(await wordsOf(page, p.main.selector)).toContain(p.main.words)
            }
            expect(await isLarge(page)).toBe(large)
            await screenshot(page, `page-${p.key}${large ? '-large' : ''}`)
          } finally {
            await page.context().close()
          }
        })
      }
    })
  }

  describe('one function call per screen open', () => {
    for (const p of PAGES) {
      it(`${p.name}: ${p.calls.length ? p.calls.join(', ') : 'no call'}`, async () => {
        const page = await phonePage(browser, '2026-11-21T09:00:00')
        try {
          const calls = await callsOnOpen(page, app.url, p.as, p.route, p.main.selector, {
            ...p.query,
          })
          expect(calls).toEqual(p.calls)
        } finally {
          await page.context().close()
        }
      })
    }
  })

  it('大字模式 makes the body text larger (首页, the agenda’s first item)', async () => {
    const sizes: number[] = []
    for (const large of [false, true]) {
      const page = await phonePage(browser, '2026-11-21T09:00:00')
      try {
        await openAs(page, app.url, 'demo-resident-1', '/pages/index/index', { large })
        const item = page.locator('#home-agenda .matter-item').first()
        await item.waitFor({ timeout: APPEAR_MS })
        sizes.push(await item.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)))
      } finally {
        await page.context().close()
      }
    }
    const [normal, big] = sizes as [number, number]
    expect(normal).toBeGreaterThanOrEqual(17)
    expect(big).toBeGreaterThan(normal)
  })
})

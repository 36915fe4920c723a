/**
 * Accessibility of every page of the H5 build in Chromium, in normal and in 大字模式, with the demo
 * village seeded (e2e/support/pages.ts says which page shows what):
 * - axe-core (WCAG 2.0–2.2, A and AA) finds no violation;
 * - what axe leaves "incomplete" about colour contrast (text over an image, a gradient, an
 *   overlap) is computed by us (e2e/support/a11y.ts) and must reach 4.5:1 (3:1 for large text);
 * - every interactive element's box is at least 44 × 44 CSS px (axe's target-size asks only 24),
 *   and, scrolled into view, is not covered by something else (the fixed tab bar).
 * The counts are printed at the end (`A11Y:` lines) for the lead to quote.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Emulator } from '../emulator/src'
import { H5_DIR } from '../scripts/paths'
import {
  contrastOf,
  MIN_TARGET,
  recordTapListeners,
  runAxe,
  tapTargets,
  type ContrastResult,
  type TapTarget,
} from './support/a11y'
import { startBackend } from './support/backend'
import { launch, phonePage } from './support/browser'
import { PAGES, type PageCase } from './support/pages'
import { APPEAR_MS, openAs } from './support/session'

let app: Emulator
let browser: Browser

const counts = {
  pages: 0,
  axeViolations: 0,
  incompleteContrast: 0,
  contrastBelow: 0,
  otherIncomplete: 0,
  targets: 0,
  targetsSmall: 0,
  targetsCovered: 0,
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist-h5/index.html is missing: run `npm run build:h5` (test:e2e does)')
  }
  app = await startBackend({ staticDir: H5_DIR, district: true })
  browser = await launch()
}, 180_000)

afterAll(async () => {
  process.stdout.write(
    `A11Y: ${counts.pages} page views (${PAGES.length} pages × normal and 大字模式); ` +
      `axe violations ${counts.axeViolations}; incomplete contrast nodes ${counts.incompleteContrast}, ` +
      `below the required ratio by our computation ${counts.contrastBelow}; other incomplete ${counts.otherIncomplete}; ` +
      `interactive elements measured ${counts.targets}, under ${MIN_TARGET}×${MIN_TARGET} px ${counts.targetsSmall}, ` +
      `covered by something else ${counts.targetsCovered}\n`,
  )
  await browser?.close()
  await app?.close()
})

async function open(p: PageCase, large: boolean): Promise<Page> {
  const page = await phonePage(browser, '2026-11-21T09:00:00')
  await recordTapListeners(page)
  await openAs(page, app.url, p.as, p.route, { query: { ...p.query }, large })
  await page.locator(p.main.selector).first().waitFor({ timeout: APPEAR_MS })
  // Everything the page asked for has answered and been drawn.
  await page.waitForLoadState('networkidle', { timeout: APPEAR_MS })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return page
}

describe('the tap-target measurement itself', () => {
  it('finds 首页’s 我要提事 (a listener), its three tab links (role=link) and no page container', async () => {
    const page = await open(PAGES.find((p) => p.key === 'home') as PageCase, false)
    try {
      const targets = await tapTargets(page)
      const named = (id: string) => targets.find((t) => t.what.includes(`#${id}`))
      expect(named('home-raise')).toEqual(expect.objectContaining({ kind: 'listener' }))
      for (const tab of ['tab-home', 'tab-matters', 'tab-me']) {
        expect(named(tab)).toEqual(expect.objectContaining({ kind: 'role=link' }))
      }
      expect(targets.filter((t) => /#app|taro_page|#screen/.test(t.what))).toEqual([])
    } finally {
      await page.context().close()
    }
  })
})

for (const large of [false, true]) {
  describe(`accessibility, ${large ? '大字模式' : 'normal'}`, () => {
    for (const p of PAGES) {
      it(`${p.name}: no axe violation, contrast of undecided text, targets ≥ ${MIN_TARGET} px`, async () => {
        const page = await open(p, large)
        try {
          counts.pages += 1
          const axe = await runAxe(page)
          const violations = axe.violations.map((v) => ({
            rule: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html}`),
          }))
          counts.axeViolations += axe.violations.reduce((n, v) => n + v.nodes.length, 0)

          const contrastNodes = axe.incomplete
            .filter((r) => r.id === 'color-contrast' || r.id === 'color-contrast-enhanced')
            .flatMap((r) => r.nodes.map((n) => n.target))
          counts.otherIncomplete += axe.incomplete
            .filter((r) => r.id !== 'color-contrast' && r.id !== 'color-contrast-enhanced')
            .reduce((n, r) => n + r.nodes.length, 0)
          const contrast: ContrastResult[] = await contrastOf(page, contrastNodes)
          counts.incompleteContrast += contrast.length
          const low = contrast.filter((c) => c.ratio === null || c.ratio < c.required)
          counts.contrastBelow += low.length

          const targets: TapTarget[] = await tapTargets(page)
          counts.targets += targets.length
          const small = targets.filter((t) => t.width < MIN_TARGET || t.height < MIN_TARGET)
          counts.targetsSmall += small.length
          const covered = targets.filter((t) => t.covered)
          counts.targetsCovered += covered.length

          expect({ violations, lowContrast: low, smallTargets: small, covered }).toEqual({
            violations: [],
            lowContrast: [],
            smallTargets: [],
            covered: [],
          })
        } finally {
          await page.context().close()
        }
      })
    }
  })
}

/**
 * 决议公告 in Chromium (the H5 build against the emulator with the demo village): a counted poll
 * is made through the real functions (the committee drafts and opens a 民意征询 on 停车位怎么分,
 * three residents cast — 2 赞成, 1 反对 — the emulator's clock passes the closing time and the
 * scheduler counts), then the committee opens the notice. Checked:
 * - the canvas's own pixels: its QR code decodes (jsQR) to the matter's link written by hand; the
 *   heading's box holds red ink; the page's margins are white;
 * - the print page under print media: alone on the paper, with the sentence, counts, turnout, date
 *   and the digest in groups of four;
 * - 打印 asks the browser to print; 分享给群 answers in words.
 * The canvas's PNG is saved as test-results/notice.png (docs/screenshots/notice.png with
 * FENGSI_SCREENSHOTS set). Expected words written by hand.
 */
import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { ROUTES } from '../src/routes'
import { callAs, devLogin, moveClock } from './support/backend'
import {
  DOCS_SCREENSHOTS,
  README_SCREENSHOTS,
  RESULTS_DIR,
  phonePage,
  screenshot,
} from './support/browser'
import { journeyRig } from './support/journey'
import { APPEAR_MS, openAs, tap, waitForWords, wordsOf } from './support/session'

const rig = journeyRig()

const MATTER = 'demo-matter-discussing'
const QUESTION = '停车位先给家里有老人看病的户，其余的抽签分，同意吗？'
const VOTERS: Array<[string, 'yes' | 'no']> = [
  ['demo-resident-1', 'yes'],
  ['demo-resident-2', 'yes'],
  ['demo-m09', 'no'],
]
/** The law's table for 3 taking part in a 民意征询, 2 赞成. */
/** Opened Saturday 21st: a 民意征询 closes the village's 3 notice days later, 21:00 on Tuesday the 24th. */
const DATE = '2026年11月24日'
const SENTENCE = '参加征询 3 人；赞成 2 票，超过参加人数的一半；民意征询只供参考，不作决定。'

/** The canvas as the page drew it: 1240 × 1754 (A4 at 150 dpi). */
const W = 1240
const H = 1754

interface Counted {
  pollId: string
  digest: string
  countedAt: string
}

async function countedPoll(url: string): Promise<Counted> {
  const committee = await devLogin(url, { memberId: 'demo-committee' })
  const { pollId } = await callAs<{ pollId: string }>(url, committee, 'polls', 'draftPoll', {
    matterId: MATTER,
    question: QUESTION,
    kind: 'yesNo',
    options: [],
    maxSelections: 1,
    body: 'consult',
    secret: true,
  })
  const opened = await callAs<{ closesAt: string }>(url, committee, 'polls', 'openPoll', { pollId })
  for (const [who, choice] of VOTERS) {
    const voter = await devLogin(url, { memberId: who })
    await callAs(url, voter, 'polls', 'castBallot', { pollId, choice })
  }
  // Past the closing time: the scheduler (every minute at :30) counts once 20 s have passed.
  const closes = new Date(opened.closesAt).getTime()
  await moveClock(url, { set: new Date(closes + 1000).toISOString(), advanceMs: 90_000 })
  for (let i = 0; i < 120; i++) {
    const poll = await callAs<{ phase: string; result?: { digest: string; countedAt: string } }>(
      url,
      committee,
      'polls',
      'getPoll',
      { pollId },
    )
    if (poll.phase === 'closed' && poll.result) {
      return { pollId, digest: poll.result.digest, countedAt: poll.result.countedAt }
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the poll was not counted')
}

/** Shanghai wall-clock time a little after `iso`, for the page's own clock. */
const shanghaiAfter = (iso: string, ms: number) =>
  new Date(new Date(iso).getTime() + ms + 8 * 3600_000).toISOString().slice(0, 19)

/** A string, not a function: the test's compiler would wrap a function with helpers the page lacks. */
const CANVAS = `document.querySelector('#notice-canvas canvas')`

async function pixels(page: Page, x: number, y: number, w: number, h: number) {
  const b64 = (await page.evaluate(`(() => {
    const c = ${CANVAS};
    const d = c.getContext('2d').getImageData(${x}, ${y}, ${w}, ${h}).data;
    let s = '';
    for (let i = 0; i < d.length; i += 8192) s += String.fromCharCode.apply(null, d.subarray(i, i + 8192));
    return btoa(s);
  })()`)) as string
  return new Uint8ClampedArray(Buffer.from(b64, 'base64'))
}

/** How many pixels of an RGBA block are not white, and how many are red ink. */
function ink(data: Uint8ClampedArray): { dark: number; red: number } {
  let dark = 0
  let red = 0
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number]
    if (r < 200 || g < 200 || b < 200) dark += 1
    if (r > 120 && g < 90 && b < 90) red += 1
  }
  return { dark, red }
}

describe('决议公告 in Chromium', () => {
  it('draws the notice on the canvas, and prints it on A4', async () => {
    const counted = await countedPoll(rig.app.url)
    const page = await phonePage(rig.browser, shanghaiAfter(counted.countedAt, 60_000))
    try {
      page.on('pageerror', (e) => console.log('PAGEERROR', e.message))
      await page.addInitScript(
        'window.__printed = 0; window.print = () => { window.__printed += 1 }',
      )
      await openAs(page, rig.app.url, 'demo-committee', ROUTES.notice, {
        query: { pollId: counted.pollId },
      })
      await page.locator('#notice-canvas').waitFor({ timeout: APPEAR_MS })
      // 保存图片 is enabled once the canvas has been drawn.
      await page.waitForFunction(
        `(() => { const b = document.querySelector('#notice-save'); return b && !b.disabled && !b.className.includes('disabled') })()`,
        null,
        { timeout: APPEAR_MS },
      )
      const size = (await page.evaluate(
        `(() => { const c = ${CANVAS}; return [c.width, c.height] })()`,
      )) as number[]
      expect(size).toEqual([W, H])

      // The QR code, somewhere in the bottom right quarter, reads as the matter's link.
      const qr = await pixels(page, W / 2, H / 2, W / 2, H / 2)
      const code = jsQR(qr, W / 2, H / 2)
      expect(code?.data).toBe(
        `${rig.app.url}/#/packages/matters/pages/detail/index?id=demo-matter-discussing`,
      )
      // The heading 决议公告, centred near the top: red ink in its box.
      const heading = ink(await pixels(page, 430, 99, 380, 93))
      expect(heading.red).toBeGreaterThan(380 * 93 * 0.1)
      // White margins: the left and right 90 px, the top 90 px, the bottom 90 px.
      for (const [x, y, w, h] of [
        [0, 0, 90, H],
        [W - 90, 0, 90, H],
        [0, 0, W, 90],
        [0, H - 90, W, 90],
      ] as const) {
        expect(ink(await pixels(page, x, y, w, h)).dark).toBe(0)
      }
      // The sentence's red bar at the left of the text, somewhere in the middle third.
      expect(ink(await pixels(page, 99, H / 3, 8, H / 3)).red).toBeGreaterThan(8 * 60)

      // The picture itself, for the README.
      const png = (await page.evaluate(`${CANVAS}.toDataURL('image/png')`)) as string
      fs.mkdirSync(RESULTS_DIR, { recursive: true })
      const file = path.join(RESULTS_DIR, 'notice.png')
      fs.writeFileSync(file, Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64'))
      const docs = README_SCREENSHOTS.notice
      if (docs && process.env.FENGSI_SCREENSHOTS) {
        fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true })
        fs.copyFileSync(file, path.join(DOCS_SCREENSHOTS, docs))
      }
      await screenshot(page, 'notice-page')

      await tap(page, '#notice-share')
      await page.locator('#notice-message').waitFor({ timeout: APPEAR_MS })
      expect(await wordsOf(page, '#notice-message')).toMatch(
        /^(这个浏览器不能直接分享图片：请先点“保存图片”，再在群里发这张图片。|已交给手机的分享菜单。)$/,
      )
      await tap(page, '#notice-print')
      await waitForWords(page, '#notice-message', '打印的是下面这张 A4 公告。')
      expect(await page.evaluate('window.__printed')).toBe(1)

      // The print page: on paper only, with the same content.
      expect(await page.locator('#notice-paper').isVisible()).toBe(false)
      await page.emulateMedia({ media: 'print' })
      expect(await page.locator('#notice-paper').isVisible()).toBe(true)
      const canvasShown = await page.evaluate(
        `getComputedStyle(document.querySelector('#notice-canvas')).visibility`,
      )
      expect(canvasShown).toBe('hidden')
      expect(await wordsOf(page, '#notice-paper-heading')).toBe('决议公告')
      expect(await wordsOf(page, '#notice-paper-matter')).toBe('事项：停车位怎么分')
      expect(await wordsOf(page, '#notice-paper-body')).toBe(
        '表决方式：民意征询（只供参考，不作决定）',
      )
      expect(await wordsOf(page, '#notice-paper-sentence')).toBe(SENTENCE)
      const counts = await page
        .locator('#notice-paper-counts .notice-paper__count')
        .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, '')))
      expect(counts).toEqual(['赞成2票', '反对1票', '弃权0票', '废票0票'])
      expect(await wordsOf(page, '#notice-paper-turnout')).toBe('投票 3 人，名单上共 26 人')
      expect(await wordsOf(page, '#notice-paper-date')).toBe(DATE)
      const digest = await page
        .locator('.notice-paper__digest-line')
        .evaluateAll((els) => els.map((e) => e.textContent ?? ''))
      expect(digest.join(' ').replace(/ /g, '')).toBe(counted.digest)
      expect(digest.every((l) => /^([0-9a-f]{4} ){3}[0-9a-f]{4}$/.test(l))).toBe(true)
      expect(digest).toHaveLength(4)
      await screenshot(page, 'notice-print')
    } finally {
      await page.context().close()
    }
  })
})

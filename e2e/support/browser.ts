import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export const RESULTS_DIR = path.resolve(__dirname, '..', '..', 'test-results')

/** Where the README's screenshots live (`FENGSI_SCREENSHOTS=1 npm run test:e2e` refreshes them). */
export const DOCS_SCREENSHOTS = path.resolve(__dirname, '..', '..', 'docs', 'screenshots')

/**
 * The screenshots the README shows, by the name a test saves them under: with FENGSI_SCREENSHOTS
 * set, each is also copied to docs/screenshots/<file> as it is taken.
 */
export const README_SCREENSHOTS: Readonly<Record<string, string>> = {
  'page-home': 'home.png',
  'page-home-large': 'home-large.png',
  'page-matters': 'matters.png',
  'journey-b-2-matter-discussion': 'matter-discussion.png',
  'page-matter-handling': 'matter-handling.png',
  'journey-c-1-vote-card': 'vote-card.png',
  'journey-c-3-result': 'vote-result.png',
  'journey-d-1-rating-card': 'rating.png',
  'journey-a-5-raise-with-photo': 'raise.png',
  'journey-a-2-join-by-code': 'join.png',
  'page-me': 'me.png',
  // The committee's console and the moderator (issue #12), from the committee journeys
  'journey-committee-a-1-console': 'console.png',
  'journey-committee-a-2-members': 'console-members.png',
  'journey-committee-b-1-matter': 'console-matter.png',
  'journey-committee-c-3-meeting': 'console-meeting.png',
  'journey-committee-c-1-runsheet': 'runsheet.png',
  // 调解 (#14): the agreed case, and a party's confirmation (e2e/journeys/mediation.e2e.test.ts)
  'journey-mediation-5-agreed': 'mediation-case.png',
  'journey-mediation-3-confirm': 'mediation-confirm.png',
  // The township's two lists and ledger (#14), from e2e/journeys/township.e2e.test.ts
  'journey-township-2-match': 'township-lists.png',
  'journey-township-4-ledger': 'township-ledger.png',
  // 决议公告: e2e/notice.e2e.test.ts writes it from the H5 canvas's own PNG
  notice: 'notice.png',
}

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** A phone-sized page (a common cheap Android screen) whose clock reads `local` in Shanghai. */
export async function phonePage(browser: Browser, local: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const page = await context.newPage()
  await page.clock.setFixedTime(new Date(`${local}+08:00`))
  return page
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, `${name}.png`)
  // The viewport, not `fullPage`: Taro's H5 page scrolls inside its own container, so a full-page
  // shot shows no more, and its passing resize left the page's taps landing beside their targets.
  await page.screenshot({ path: file })
  const docs = README_SCREENSHOTS[name]
  if (docs && process.env.FENGSI_SCREENSHOTS) {
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true })
    fs.copyFileSync(file, path.join(DOCS_SCREENSHOTS, docs))
  }
  return file
}

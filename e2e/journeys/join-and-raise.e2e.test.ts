/**
 * Journey (a): a brand-new WeChat user (`?dev=new`: no membership anywhere) finds 示范村 by its
 * name and, in a second tab, by its invite code 4XQ9TR; asks to join with name and household
 * number; the committee approves the request (a call in the test, as the committee would from its
 * own screen); the new villager raises a matter with a photo — the privacy consent asked before the
 * first photo — and sees it on 我的. Against the emulator as `npm start` serves it, the demo
 * village seeded, both clocks fixed at Saturday 2026-11-21 09:00 Shanghai. Screenshots:
 * test-results/journey-a-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FileChooser, Page } from 'playwright-core'
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import { sdkFor } from '../../scripts/seed'
import { ROUTES } from '../../src/routes'
import { callAs, devLogin } from '../support/backend'
import { phonePage, RESULTS_DIR, screenshot } from '../support/browser'
import { journeyRig } from '../support/journey'
import { APPEAR_MS, fillIn, openAs, pageUrl, tap, waitForWords, wordsOf } from '../support/session'

const rig = journeyRig()

const NAME = '王小明'
const HOUSEHOLD = '003'
const TITLE = '村西头的水沟堵了'

async function joinRequest(page: Page): Promise<void> {
  await fillIn(page, '#join-name', NAME)
  await fillIn(page, '#join-household', HOUSEHOLD)
  await tap(page, '#join-submit')
  // The privacy consent (隐私保护指引) comes before any personal data is sent.
  await page.locator('#privacy-consent, #join-done').first().waitFor({ timeout: APPEAR_MS })
  if (await page.locator('#privacy-consent').isVisible()) {
    await screenshot(page, 'journey-a-3-privacy-consent')
    await tap(page, '#privacy-agree')
  }
  await page.locator('#join-done').waitFor({ timeout: APPEAR_MS })
}

/** Chooses a photo for the raise form: the privacy consent first, then the file chooser. */
async function choosePhoto(page: Page, file: string): Promise<void> {
  const choosers: FileChooser[] = []
  page.on('filechooser', (c) => choosers.push(c))
  await tap(page, '#raise-photos')
  const consent = page.locator('#privacy-consent')
  // Either the consent shows, or (already agreed) the chooser opens.
  for (let i = 0; i < 300 && choosers.length === 0 && !(await consent.isVisible()); i += 1) {
    await page.waitForTimeout(100)
  }
  if (choosers.length === 0) {
    await screenshot(page, 'journey-a-5-privacy-consent')
    await tap(page, '#privacy-agree')
    await consent.waitFor({ state: 'hidden', timeout: APPEAR_MS })
    // The chosen photo may follow the agreement by itself; otherwise tap 添加照片 again.
    for (let i = 0; i < 30 && choosers.length === 0; i += 1) await page.waitForTimeout(100)
    if (choosers.length === 0) await tap(page, '#raise-photos')
  }
  for (let i = 0; i < 300 && choosers.length === 0; i += 1) await page.waitForTimeout(100)
  const chooser = choosers[0]
  if (!chooser) throw new Error('no file chooser opened for 添加照片')
  await chooser.setFiles(file)
}

describe('journey (a): a newcomer joins, is approved, raises a matter with a photo', () => {
  it('finds the village by its invite code too', async () => {
    const page = await phonePage(rig.browser, '2026-11-21T09:00:00')
    try {
      await openAs(page, rig.app.url, 'newcomer', ROUTES.join)
      await fillIn(page, '#join-code', '4XQ9TR')
      await waitForWords(page, '.join-village', '示范村')
      await screenshot(page, 'journey-a-2-join-by-code')
    } finally {
      await page.context().close()
    }
  })

  it('from 去加入村子 to the raised matter on 我的', async () => {
    const page = await phonePage(rig.browser, '2026-11-21T09:00:00')
    try {
      // A brand-new user opens the app: not of any village, the one way on is 去加入村子.
      await openAs(page, rig.app.url, 'newcomer', ROUTES.home)
      await tap(page, '#home-join')
      await screenshot(page, 'journey-a-1-join')
      await fillIn(page, '#join-search', '示范')
      await waitForWords(page, '.join-village', '示范村')
      // The list settles (the search's answer replaces the villages listed on opening).
      await page.waitForLoadState('networkidle', { timeout: APPEAR_MS })
      await tap(page, '#village-demo-village')
      await joinRequest(page)
      await screenshot(page, 'journey-a-4-join-sent')

      // The committee approves the request (as it would on its own screen).
      const committee = await devLogin(rig.app.url, { memberId: 'demo-committee' })
      const pending = await callAs<{ members: Array<{ id: string; name: string }> }>(
        rig.app.url,
        committee,
        'village',
        'listMembers',
        { status: 'pending', limit: 50 },
      )
      const me = pending.members.find((m) => m.name === NAME)
      if (!me) throw new Error(`${NAME} is not among the pending: ${JSON.stringify(pending)}`)
      await callAs(rig.app.url, committee, 'village', 'approveMember', { memberId: me.id })

      // The app opened again later (the same sign-in): now a member, 我要提事 with a photo.
      await page.goto('about:blank')
      await page.goto(pageUrl(rig.app.url, ROUTES.home))
      await tap(page, '#home-raise')
      await fillIn(page, '#raise-title', TITLE)
      await fillIn(page, '#raise-body', '下雨天水漫到路上，老人走路容易滑倒。')
      fs.mkdirSync(RESULTS_DIR, { recursive: true })
      const photo = path.join(RESULTS_DIR, 'journey-a-photo.png')
      // A real PNG: a picture of the form itself.
      fs.writeFileSync(photo, await page.screenshot())
      await choosePhoto(page, photo)
      await page.waitForLoadState('networkidle', { timeout: APPEAR_MS })
      await screenshot(page, 'journey-a-5-raise-with-photo')
      await tap(page, '#raise-submit')
      await page.locator('#raise-done').waitFor({ timeout: APPEAR_MS })
      await screenshot(page, 'journey-a-6-raise-done')

      await page.goto('about:blank')
      await page.goto(pageUrl(rig.app.url, ROUTES.me))
      await waitForWords(page, '#me-mine', TITLE)
      expect(await wordsOf(page, '#me-name')).toContain(NAME)
      await screenshot(page, 'journey-a-7-me')

      // In the database: the matter, raised by the new member, waiting for the committee, with
      // its one photo stored under the function's environment.
      const db = sdkFor(rig.app.serviceUrl, rig.app.credentials).database()
      const { data } = await db.collection(COLLECTION.matters).where({ title: TITLE }).get()
      expect(data).toEqual([
        expect.objectContaining({ status: 'raised', raisedBy: me.id, raisedByName: NAME }),
      ])
      expect((data[0] as { photos: string[] }).photos).toHaveLength(1)
    } finally {
      await page.context().close()
    }
  })
})

/**
 * Journey (b): 陈大山 (demo-resident-1) follows 停车位怎么分 from 议事 to its page: its story on the
 * timeline (raised, accepted, discussed), the last 说事日's minutes, the discussion; posts a
 * statement, replies to 刘玉兰's, and reports an uncivil one — each checked in the database
 * through the real SDK. Screenshots: test-results/journey-b-*.png.
 */
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import { sdkFor } from '../../scripts/seed'
import { ROUTES } from '../../src/routes'
import { phonePage, screenshot } from '../support/browser'
import { journeyRig } from '../support/journey'
import { APPEAR_MS, fillIn, openAs, tap, waitForWords, wordsOf } from '../support/session'

const rig = journeyRig()

const POST = '可以在停车场门口装个牌子，写清楚哪些车位是给老人的。'
const REPLY = '老人看病的车位我赞成，再加上残疾人家庭。'

describe('journey (b): following a matter and speaking in its discussion', () => {
  it('timeline, minutes, discussion; post, reply and report', async () => {
    const page = await phonePage(rig.browser, '2026-11-21T09:00:00')
    try {
      await openAs(page, rig.app.url, 'demo-resident-1', ROUTES.matters)
      await tap(page, '#matters-status-discussing')
      await waitForWords(page, '#matters-list .matter-item', '停车位怎么分')
      await screenshot(page, 'journey-b-1-matters-discussing')
      await tap(page, '#matter-demo-matter-discussing')

      expect(await wordsOf(page, '#matter-title')).toBe('停车位怎么分')
      await page.locator('#matter-timeline .timeline-item').first().waitFor({ timeout: APPEAR_MS })
      // raised by 陈晓东, accepted by the committee, discussion started by 李明
      expect(await page.locator('#matter-timeline .timeline-item').count()).toBeGreaterThanOrEqual(
        3,
      )
      expect(await wordsOf(page, '#matter-minutes')).toContain(
        '第一次商量停车位：先登记全村有车的户，下个说事日定分配办法，再表决。',
      )
      await waitForWords(
        page,
        '#statement-demo-statement-1',
        '我建议按户分，一户最多一个车位，多的车停到村委会后面的空地。',
      )
      // 周海's statement, hidden by the moderator, reads as hidden to everyone else
      expect(await wordsOf(page, '#statement-demo-statement-5')).toContain('该发言已被隐藏')
      expect(await wordsOf(page, '#matter-discussion')).not.toContain('别占大家的地方')
      await screenshot(page, 'journey-b-2-matter-discussion')

      // Post.
      await fillIn(page, '#statement-input', POST)
      await tap(page, '#statement-post')
      await waitForWords(page, '#matter-discussion .statement', POST)

      // Reply to 刘玉兰 (demo-statement-2).
      await tap(page, '#statement-demo-statement-2 .statement-reply')
      await fillIn(page, '#statement-input', REPLY)
      await tap(page, '#statement-post')
      await waitForWords(page, '#matter-discussion .statement', REPLY)
      await screenshot(page, 'journey-b-3-posted-and-replied')

      // Report 黄志强's statement (demo-statement-3): the first reason offered, then confirm.
      await tap(page, '#statement-demo-statement-3 .statement-report')
      await tap(page, '[id^="report-reason-"]')
      await screenshot(page, 'journey-b-4-report')
      await tap(page, '#report-confirm')
      await page.locator('#report-confirm').waitFor({ state: 'hidden', timeout: APPEAR_MS })

      const db = sdkFor(rig.app.serviceUrl, rig.app.credentials).database()
      for (let i = 0; i < 100; i += 1) {
        const { data } = await db
          .collection(COLLECTION.statementReports)
          .doc('demo-statement-3_demo-resident-1')
          .get()
        if (data.length > 0) break
        await page.waitForTimeout(100)
      }
      const reports = await db
        .collection(COLLECTION.statementReports)
        .where({ memberId: 'demo-resident-1' })
        .get()
      expect(reports.data).toEqual([
        expect.objectContaining({
          _id: 'demo-statement-3_demo-resident-1',
          statementId: 'demo-statement-3',
        }),
      ])
      const mine = await db
        .collection(COLLECTION.statements)
        .where({ matterId: 'demo-matter-discussing', authorId: 'demo-resident-1' })
        .get()
      const byText = new Map(
        (mine.data as Array<{ text: string; replyTo?: string }>).map((s) => [s.text, s]),
      )
      expect(byText.get(POST)).toEqual(expect.objectContaining({ hidden: false }))
      expect(byText.get(POST)?.replyTo).toBeUndefined()
      expect(byText.get(REPLY)).toEqual(expect.objectContaining({ replyTo: 'demo-statement-2' }))
    } finally {
      await page.context().close()
    }
  })
})

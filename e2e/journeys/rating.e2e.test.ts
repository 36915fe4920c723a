/**
 * Journey (d): 陈大山 (demo-resident-1) opens 自来水水压太低, resolved two days ago and in its
 * rating window (five days left), gives it 4 stars with a comment, and sees it taken; the rating is
 * in the database, and the matter's tally now holds two ratings (孙德顺's 5 from the demo, and 4).
 * Screenshots: test-results/journey-d-*.png.
 */
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import { sdkFor } from '../../scripts/seed'
import { ROUTES } from '../../src/routes'
import { phonePage, screenshot } from '../support/browser'
import { journeyRig } from '../support/journey'
import { APPEAR_MS, fillIn, openAs, tap, wordsOf } from '../support/session'

const rig = journeyRig()

const COMMENT = '水压好了，就是施工那几天没提前通知。'

describe('journey (d): rating a resolved matter', () => {
  it('4 stars with a comment, in the window', async () => {
    const page = await phonePage(rig.browser, '2026-11-21T09:00:00')
    try {
      await openAs(page, rig.app.url, 'demo-resident-1', ROUTES.matter, {
        query: { id: 'demo-matter-resolved' },
      })
      expect(await wordsOf(page, '#matter-title')).toBe('自来水水压太低')
      await page.locator('#rating-card').waitFor({ timeout: APPEAR_MS })
      await screenshot(page, 'journey-d-1-rating-card')
      await tap(page, '#rating-star-4')
      await fillIn(page, '#rating-comment', COMMENT)
      await tap(page, '#rating-submit')
      await page.locator('#rating-done').waitFor({ timeout: APPEAR_MS })
      await screenshot(page, 'journey-d-2-rated')

      const db = sdkFor(rig.app.serviceUrl, rig.app.credentials).database()
      const rating = await db
        .collection(COLLECTION.ratings)
        .doc('demo-matter-resolved_demo-resident-1')
        .get()
      expect(rating.data).toEqual([
        expect.objectContaining({ score: 4, comment: COMMENT, memberId: 'demo-resident-1' }),
      ])
      const matter = await db.collection(COLLECTION.matters).doc('demo-matter-resolved').get()
      expect((matter.data[0] as { rating: { count: number; sum: number } }).rating).toEqual(
        expect.objectContaining({ count: 2, sum: 9 }),
      )
    } finally {
      await page.context().close()
    }
  })
})

/**
 * Committee journey (d), issue #12: 村里办老年食堂 (demo-matter-decided), decided a fortnight ago,
 * is carried out to the end.
 * 1. Saturday 21 November 09:00: 张建国 (demo-committee) opens it from 村务's matters being carried
 *    out and assigns the handling to 吴建华 (demo-m20) by 10 December;
 * 2. 10:00: 吴建华, on his own phone, posts progress with a photo, then resolves it with the outcome;
 * 3. 11:00: 陈大山 (demo-resident-1) rates it 5 stars on the matter page;
 * 4. Sunday the 29th, the 7-day rating window over (the emulator's clock moved): 李明
 *    (demo-moderator) closes it from 主持说事's matters to close.
 * Everything by tapping; the stored matter, its rating and its audit trail checked after.
 * Screenshots: test-results/journey-committee-d-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ROUTES } from '../../src/routes'
import { RESULTS_DIR, screenshot } from '../support/browser'
import {
  auditOf,
  choosePhoto,
  doc,
  phoneOf,
  setClock,
  tapConfirmed,
  tapRow,
  waitGone,
} from '../support/committee'
import { journeyRig } from '../support/journey'
import { APPEAR_MS, fillIn, tap, waitForWords } from '../support/session'

const rig = journeyRig()

const MATTER = 'demo-matter-decided'
const TITLE = '村里办老年食堂'
const PROGRESS = '旧办公室已经打扫干净，灶台下周装好。'
const OUTCOME = '老年食堂 12 月 1 日开张，每餐 5 元，八十岁以上免费。'

describe('committee journey (d): handling assigned, progress posted, resolved, rated and closed', () => {
  it('村里办老年食堂 from 已决定 to 已结案', async () => {
    // 1. The committee assigns the handling.
    const page = await phoneOf(rig, 'demo-committee', '2026-11-21T09:00:00', ROUTES.console)
    try {
      await tapRow(page, '#console-handling', TITLE)
      await waitForWords(page, '#cmatter-title', TITLE)
      await tap(page, '#cmatter-handler-choose')
      await tap(page, '#cmatter-handler-demo-m20')
      await fillIn(page, '#cmatter-deadline', '2026-12-10')
      await screenshot(page, 'journey-committee-d-1-assign')
      await tapConfirmed(page, '#cmatter-assign')
      await waitForWords(page, '#cmatter-status', '办理中')
      await waitForWords(page, '#cmatter-handling', '办理人：吴建华，期限：12月10日')
    } finally {
      await page.context().close()
    }
    expect(await doc(rig, 'matters', MATTER)).toEqual(
      expect.objectContaining({
        status: 'handling',
        handling: expect.objectContaining({ handlerId: 'demo-m20', handlerName: '吴建华' }),
      }),
    )

    // 2. The handler posts progress with a photo, then resolves it.
    await setClock(rig, '2026-11-21T10:00:00')
    const handler = await phoneOf(rig, 'demo-m20', '2026-11-21T10:00:00', ROUTES.committeeMatter, {
      id: MATTER,
    })
    try {
      await waitForWords(handler, '#cmatter-status', '办理中')
      await fillIn(handler, '#cmatter-progress-text', PROGRESS)
      fs.mkdirSync(RESULTS_DIR, { recursive: true })
      const photo = path.join(RESULTS_DIR, 'journey-committee-d-photo.png')
      fs.writeFileSync(photo, await handler.screenshot())
      await choosePhoto(handler, '#cmatter-progress-photos', photo)
      await handler.waitForLoadState('networkidle', { timeout: APPEAR_MS })
      await tapConfirmed(handler, '#cmatter-progress-send')
      await waitForWords(handler, '#cmatter-handling', PROGRESS)
      await screenshot(handler, 'journey-committee-d-2-progress')
      await fillIn(handler, '#cmatter-outcome-text', OUTCOME)
      await tapConfirmed(handler, '#cmatter-resolve')
      await waitForWords(handler, '#cmatter-status', '已办结')
      await screenshot(handler, 'journey-committee-d-3-resolved')
    } finally {
      await handler.context().close()
    }

    // 3. A resident rates it.
    await setClock(rig, '2026-11-21T11:00:00')
    const resident = await phoneOf(rig, 'demo-resident-1', '2026-11-21T11:00:00', ROUTES.matter, {
      id: MATTER,
    })
    try {
      await waitForWords(resident, '#matter-outcome', OUTCOME)
      await tap(resident, '#rating-star-5')
      await tap(resident, '#rating-submit')
      await resident.locator('#rating-done').waitFor({ timeout: APPEAR_MS })
      await screenshot(resident, 'journey-committee-d-4-rated')
    } finally {
      await resident.context().close()
    }

    // 4. After the rating window (7 days from 10:00 on the 21st), the moderator closes it.
    await setClock(rig, '2026-11-29T10:00:00')
    const moderator = await phoneOf(rig, 'demo-moderator', '2026-11-29T10:00:00', ROUTES.runSheet)
    try {
      await waitForWords(moderator, '#runsheet-to-close', TITLE)
      await screenshot(moderator, 'journey-committee-d-5-to-close')
      await tapConfirmed(moderator, `#close-${MATTER}`)
      await waitGone(moderator, '#runsheet-to-close', TITLE)
      await screenshot(moderator, 'journey-committee-d-6-closed')
    } finally {
      await moderator.context().close()
    }

    const matter = await doc<Record<string, unknown>>(rig, 'matters', MATTER)
    expect(matter).toEqual(
      expect.objectContaining({
        status: 'closed',
        outcome: OUTCOME,
        rating: expect.objectContaining({ count: 1, sum: 5, raters: ['demo-resident-1'] }),
      }),
    )
    const reports = (matter?.handling as { reports: Array<{ text: string; photos: string[] }> })
      .reports
    expect(reports.map((r) => r.text)).toEqual([PROGRESS])
    expect(reports[0]?.photos).toHaveLength(1)
    expect(await doc(rig, 'ratings', `${MATTER}_demo-resident-1`)).toEqual(
      expect.objectContaining({ score: 5, memberId: 'demo-resident-1' }),
    )
    const trail = (await auditOf(rig, MATTER)).map((a) => `${a.action}:${a.actorId}`)
    expect(trail.slice(-5)).toEqual([
      'assignHandling:demo-committee',
      'reportProgress:demo-m20',
      'resolveMatter:demo-m20',
      'rateMatter:demo-resident-1',
      'closeMatter:demo-moderator',
    ])
  })
})

/**
 * A weak signal does not lose work (#12, point 5), in Chromium against the emulator: the committee
 * opens a secret poll on 停车位怎么分 and ticks off two persons voting on paper, through the real
 * functions. Then
 * 1. 张建国 enters the box's counts on the meeting screen with the network cut (Playwright's
 *    `setOffline`): the screen shows them 待发送 and nothing reaches the emulator; the network
 *    comes back and they are sent exactly once (the emulator's recent invocations), 已送达;
 * 2. 刘秀英, the second committee member, enters the same counts on her own phone to confirm them,
 *    offline; the emulator's clock is moved past the closing time; she reconnects and the
 *    confirmation is refused with the function's words, shown on her screen, and stays there.
 * Screenshots: test-results/offline-*.png.
 */
import type { Page } from 'playwright-core'
import { ROUTES } from '../src/routes'
import { callAs, devLogin, moveClock } from './support/backend'
import { phonePage, screenshot } from './support/browser'
import { journeyRig } from './support/journey'
import { APPEAR_MS, fillIn, openAs, tap, waitForWords, wordsOf } from './support/session'

const rig = journeyRig()

const MATTER = 'demo-matter-discussing'
const QUESTION = '停车位先给家里有老人看病的户，其余的抽签分，同意吗？'
const CLOSED = '这次表决已经截止了，不能再录入纸质票。'

/** How many times `polls.<action>` has run on the emulator (its recent invocations). */
const ran = (action: string): number =>
  rig.app.invocations().filter((r) => r.name === 'polls' && r.action === action).length

async function meetingAs(who: string, pollId: string): Promise<Page> {
  const page = await phonePage(rig.browser, '2026-11-21T09:30:00')
  await openAs(page, rig.app.url, who, ROUTES.meeting, { query: { pollId } })
  await page.locator('#meeting-counts').waitFor({ timeout: APPEAR_MS })
  return page
}

/** Types the box's counts, checks the live sum, and confirms in the dialog. */
async function enterCounts(page: Page, yes: number, no: number): Promise<void> {
  await fillIn(page, '#count-yes', String(yes))
  await fillIn(page, '#count-no', String(no))
  await waitForWords(page, '#meeting-counts-sum', `合计 ${yes + no} 张，登记了 2 人，对上了`)
  await tap(page, '#meeting-counts-submit')
  await tap(page, '.taro-model__confirm')
}

describe('offline: paper counts on a weak signal', () => {
  let pollId: string
  let closesAt: string

  beforeAll(async () => {
    const committee = await devLogin(rig.app.url, { memberId: 'demo-committee' })
    const call = <T>(action: string, payload: Record<string, unknown>) =>
      callAs<T>(rig.app.url, committee, 'polls', action, payload)
    ;({ pollId } = await call<{ pollId: string }>('draftPoll', {
      matterId: MATTER,
      question: QUESTION,
      kind: 'yesNo',
      options: [],
      maxSelections: 1,
      body: 'consult',
      secret: true,
    }))
    ;({ closesAt } = await call<{ closesAt: string }>('openPoll', { pollId }))
    const { items } = await call<{ items: Array<{ personId: string; name: string }> }>(
      'listVoters',
      { pollId },
    )
    // Two persons vote on paper at the meeting.
    for (const voter of items.slice(0, 2)) {
      await call('markPaperVoter', { pollId, personId: voter.personId })
    }
  })

  it('counts entered with the network cut wait on the phone and are sent exactly once', async () => {
    const page = await meetingAs('demo-committee', pollId)
    try {
      expect(await wordsOf(page, '#meeting-question')).toBe(QUESTION)
      expect(await wordsOf(page, '#meeting-step')).toContain('第 2 步')
      const before = ran('enterPaperCounts')
      expect(before).toBe(0)

      await page.context().setOffline(true)
      await enterCounts(page, 1, 1)
      await waitForWords(page, '#meeting-pending', '录入票箱票数：赞成 1，反对 1')
      await waitForWords(page, '#meeting-pending .pending-item', '待发送')
      await page.locator('#meeting-pending').scrollIntoViewIfNeeded()
      await screenshot(page, 'offline-1-waiting')
      // Nothing reached the emulator while the network was cut.
      await page.waitForTimeout(1500)
      expect(ran('enterPaperCounts')).toBe(0)

      await page.context().setOffline(false)
      await waitForWords(page, '#meeting-pending .pending-item', '已送达')
      expect(ran('enterPaperCounts')).toBe(1)
      expect(await wordsOf(page, '#meeting-step')).toContain('第 3 步')
      await page.locator('#meeting-pending').scrollIntoViewIfNeeded()
      await screenshot(page, 'offline-2-sent')

      // Shown again and the network cut and restored: nothing is sent twice.
      await page.context().setOffline(true)
      await page.context().setOffline(false)
      await page.waitForTimeout(1500)
      expect(ran('enterPaperCounts')).toBe(1)
      const entered = rig.app
        .invocations()
        .filter((r) => r.name === 'polls' && r.action === 'enterPaperCounts')
      expect(entered.map((r) => r.code)).toEqual(['OK'])
    } finally {
      await page.context().close()
    }
  })

  it('a confirmation that arrives after the close is refused with a clear message and shown', async () => {
    const page = await meetingAs('demo-m07', pollId)
    try {
      await tap(page, '#meeting-counts-confirm')
      await page.context().setOffline(true)
      await enterCounts(page, 1, 1)
      await waitForWords(page, '#meeting-pending .pending-item', '待发送')
      expect(ran('confirmPaperCounts')).toBe(0)

      // While she is out of signal, the poll's closing time passes.
      await moveClock(rig.app.url, {
        set: new Date(new Date(closesAt).getTime() + 1000).toISOString(),
      })
      await page.context().setOffline(false)
      await waitForWords(page, '#meeting-pending .pending-item', `被拒绝：${CLOSED}`)
      expect(ran('confirmPaperCounts')).toBe(1)
      await page.locator('#meeting-pending').scrollIntoViewIfNeeded()
      await screenshot(page, 'offline-3-refused')

      // Kept on the phone: the screen opened again still shows it, and it is not sent again.
      await page.reload()
      await waitForWords(page, '#meeting-pending .pending-item', `被拒绝：${CLOSED}`)
      expect(ran('confirmPaperCounts')).toBe(1)
    } finally {
      await page.context().close()
    }
  })
})

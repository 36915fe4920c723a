/**
 * Committee journey (c), issue #12: the talk day, Tuesday 24 November 2026, in the village hall.
 * Set-up that is not this journey (calls, on Saturday the 21st): the committee opened a secret
 * 村民代表会议 poll on 停车位怎么分; with 3 days' notice it closes on the 24th at 21:00.
 * 1. 19:00 李明 (demo-moderator) walks 主持说事: 文化广场晚上跳舞声音太大 — 开始议事, the timer runs,
 *    minutes typed and kept — then 下一项, 明年先修哪一段村道, the same;
 * 2. 19:30 张建国 (demo-committee) opens 现场投票 from 村务, ticks off the four representatives who
 *    vote on paper (赵红、王芳、杨树林、黄志强) and enters the box's counts after counting (赞成 3,
 *    反对 1); 刘秀英 (demo-m07), on her own phone, enters the same counts and so confirms them;
 *    张建国 records 周永福's ballot by 代投 (he said 赞成 on the phone) and sees who is not reached;
 * 3. the emulator's clock passes 21:00 and the scheduler counts: 5 of the 7 representatives took
 *    part, 4 赞成 — the sentence written by hand from the law's table; and 决议公告 is drawn.
 * Screenshots: test-results/journey-committee-c-*.png.
 */
import type { Page } from 'playwright-core'
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import { personId } from '../../cloudfunctions/_shared/persons'
import { ROUTES } from '../../src/routes'
import { callAs, devLogin } from '../support/backend'
import { screenshot } from '../support/browser'
import {
  confirmIfAsked,
  database,
  doc,
  goTo,
  phoneOf,
  setClock,
  tapConfirmed,
  tapRow,
} from '../support/committee'
import { journeyRig } from '../support/journey'
import { APPEAR_MS, fillIn, tap, waitForWords, wordsOf } from '../support/session'

const rig = journeyRig()

const V = 'demo-village'
const MATTER = 'demo-matter-discussing'
const QUESTION = '停车位先给家里有老人看病的户，其余的抽签分，同意吗？'
const PAPER: Array<[string, string]> = [
  ['004', '赵红'],
  ['002', '王芳'],
  ['007', '杨树林'],
  ['008', '黄志强'],
]
const PROXY: [string, string] = ['009', '周永福']
const COUNTS = { yes: '3', no: '1', abstain: '0', spoiled: '0' }
const SENTENCE =
  '到会代表 5 人，达到全体村民代表 7 人的三分之二，会议有效；赞成 4 票，超过到会人数的一半，决议通过。'

const MINUTES: Array<[string, string, string]> = [
  [
    'demo-matter-accepted',
    '文化广场晚上跳舞声音太大',
    '晚上九点半以后不放音乐，音量调小，下个说事日再听大家意见。',
  ],
  [
    'demo-matter-topic',
    '明年先修哪一段村道',
    '大家倾向先修小学门口那一段，村委会下次拿出预算再定。',
  ],
]

async function enterCounts(page: Page): Promise<void> {
  for (const [choice, n] of Object.entries(COUNTS)) await fillIn(page, `#count-${choice}`, n)
}

describe('committee journey (c): the talk day — run sheet, paper ballots, 代投, the count and the notice', () => {
  it('from 主持说事 to 决议公告', async () => {
    const committee = await devLogin(rig.app.url, { memberId: 'demo-committee' })
    const { pollId } = await callAs<{ pollId: string }>(
      rig.app.url,
      committee,
      'polls',
      'draftPoll',
      {
        matterId: MATTER,
        question: QUESTION,
        kind: 'yesNo',
        options: [],
        maxSelections: 1,
        body: 'representatives',
        secret: true,
      },
    )
    const opened = await callAs<{ closesAt: string; electorateSize: number }>(
      rig.app.url,
      committee,
      'polls',
      'openPoll',
      { pollId },
    )
    expect(opened.electorateSize).toBe(7)
    expect(new Date(opened.closesAt).toISOString()).toBe(
      new Date('2026-11-24T21:00:00+08:00').toISOString(),
    )

    // The talk day, the evening meeting.
    await setClock(rig, '2026-11-24T19:00:00')

    // 1. 主持说事: two items, one at a time.
    const moderator = await phoneOf(rig, 'demo-moderator', '2026-11-24T19:00:00', ROUTES.runSheet)
    try {
      for (const [i, [matterId, title, minutes]] of MINUTES.entries()) {
        await waitForWords(moderator, '#runsheet-title', title)
        if (i === 0) await screenshot(moderator, 'journey-committee-c-1-runsheet')
        await tapConfirmed(moderator, '#runsheet-start')
        await moderator.locator('#runsheet-timer').waitFor({ timeout: APPEAR_MS })
        await fillIn(moderator, '#runsheet-minutes', minutes)
        await tap(moderator, '#runsheet-minutes-save')
        await moderator.waitForLoadState('networkidle', { timeout: APPEAR_MS })
        if (i === 0) await screenshot(moderator, 'journey-committee-c-2-runsheet-minutes')
        expect(await doc(rig, 'matters', matterId)).toEqual(
          expect.objectContaining({ status: 'discussing' }),
        )
        if (i < MINUTES.length - 1) await tap(moderator, '#runsheet-next')
      }
    } finally {
      await moderator.context().close()
    }
    const resident = await devLogin(rig.app.url, { memberId: 'demo-resident-1' })
    for (const [matterId, , minutes] of MINUTES) {
      const detail = await callAs<{ minutes: Array<{ talkDay: string; text: string }> }>(
        rig.app.url,
        resident,
        'matters',
        'getMatter',
        { matterId },
      )
      expect(detail.minutes).toEqual([
        { talkDay: '2026-11-24', text: minutes, at: expect.any(String) },
      ])
    }

    // 2. 现场投票: paper voters ticked off, the box's counts entered.
    await setClock(rig, '2026-11-24T19:30:00')
    const page = await phoneOf(rig, 'demo-committee', '2026-11-24T19:30:00', ROUTES.console)
    try {
      await tapRow(page, '#console-open-polls', '停车位怎么分')
      await waitForWords(page, '#meeting-voters', '赵红')
      for (const [household, name] of PAPER) {
        const tick = page.locator(`#paper-${personId(V, household, name)}`)
        if (await tick.count()) await tick.first().click()
        else await tapRow(page, '#meeting-voters', name)
        await confirmIfAsked(page, 1_000)
        await page.waitForLoadState('networkidle', { timeout: APPEAR_MS })
      }
      await screenshot(page, 'journey-committee-c-3-meeting')
      await enterCounts(page)
      await tapConfirmed(page, '#counts-submit')
      await page.locator('#counts-pending').waitFor({ timeout: APPEAR_MS })
      await screenshot(page, 'journey-committee-c-4-counts-entered')

      // 刘秀英, on her own phone, counts the tally sheet again.
      const second = await phoneOf(rig, 'demo-m07', '2026-11-24T19:40:00', ROUTES.meeting, {
        pollId,
      })
      try {
        await second.locator('#counts-pending').waitFor({ timeout: APPEAR_MS })
        await enterCounts(second)
        await tapConfirmed(second, '#counts-confirm')
        await second.locator('#counts-confirmed').waitFor({ timeout: APPEAR_MS })
        await screenshot(second, 'journey-committee-c-5-counts-confirmed')
      } finally {
        await second.context().close()
      }

      // 代投: 周永福 said 赞成 on the phone.
      await goTo(page, rig, ROUTES.meeting, { pollId })
      await page.locator('#counts-confirmed').waitFor({ timeout: APPEAR_MS })
      await tapRow(page, '#proxy-person', PROXY[1])
      await tap(page, '#proxy-choice-yes')
      await tap(page, '#proxy-consent-phone')
      await tapConfirmed(page, '#proxy-submit')
      await page.locator('#proxy-done').waitFor({ timeout: APPEAR_MS })
      // Who has not been reached yet: the two representatives who did not come.
      const reach = await wordsOf(page, '#meeting-reach')
      expect(reach).toContain('陈桂兰')
      expect(reach).toContain('徐卫东')
      expect(reach).not.toContain('周永福')
      await screenshot(page, 'journey-committee-c-6-proxy')
    } finally {
      await page.context().close()
    }

    const voters = await callAs<{
      items: Array<{ name: string; voted: boolean; channel?: string }>
    }>(rig.app.url, committee, 'polls', 'listVoters', { pollId })
    const channels = Object.fromEntries(voters.items.map((v) => [v.name, v.channel ?? '-']))
    expect(channels).toEqual({
      赵红: 'paper',
      王芳: 'paper',
      杨树林: 'paper',
      黄志强: 'paper',
      周永福: 'proxy',
      陈桂兰: '-',
      徐卫东: '-',
    })

    // 3. Past 21:00 the scheduler (every minute at :30) counts once 20 s have passed.
    await setClock(rig, '2026-11-24T21:00:01', 90_000)
    const poll = await doc<{ status: string; result?: { sentence: string; passed: boolean } }>(
      rig,
      'polls',
      pollId,
    )
    expect(poll?.status).toBe('closed')
    expect(poll?.result).toEqual(expect.objectContaining({ sentence: SENTENCE, passed: true }))

    // 决议公告, from the counted poll.
    const notice = await phoneOf(rig, 'demo-committee', '2026-11-24T21:05:00', ROUTES.meeting, {
      pollId,
    })
    try {
      const link = notice.getByText('决议公告').first()
      await link.waitFor({ timeout: APPEAR_MS }).catch(() => undefined)
      if (await link.isVisible()) await link.click()
      else await goTo(notice, rig, ROUTES.notice, { pollId })
      await notice.locator('#notice-canvas').waitFor({ timeout: APPEAR_MS })
      await waitForWords(notice, '#notice-print', SENTENCE)
      expect(await wordsOf(notice, '#notice-print')).toContain('停车位怎么分')
      await notice.waitForLoadState('networkidle', { timeout: APPEAR_MS })
      await screenshot(notice, 'journey-committee-c-7-notice')
    } finally {
      await notice.context().close()
    }

    const { data: audits } = await database(rig)
      .collection(COLLECTION.auditLogs)
      .where({ subjectId: pollId })
      .limit(100)
      .get()
    expect((audits as Array<{ action: string }>).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'markPaperVoter',
        'enterPaperCounts',
        'confirmPaperCounts',
        'castProxyBallot',
      ]),
    )
  })
})

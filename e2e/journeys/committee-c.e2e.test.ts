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
import { database, doc, goTo, phoneOf, setClock, tapConfirmed } from '../support/committee'
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

/** What the minutes of a matter say for the 24th, as a resident's matter page gets them. */
async function minutesOf(matterId: string): Promise<Array<{ talkDay: string; text: string }>> {
  const resident = await devLogin(rig.app.url, { memberId: 'demo-resident-1' })
  const detail = await callAs<{ minutes: Array<{ talkDay: string; text: string }> }>(
    rig.app.url,
    resident,
    'matters',
    'getMatter',
    { matterId },
  )
  return detail.minutes.filter((m) => m.talkDay === '2026-11-24')
}

/** How many of the electorate are stored as paper voters. */
async function paperVoters(pollId: string): Promise<number> {
  const { data } = await database(rig)
    .collection(COLLECTION.pollVoters)
    .where({ pollId, channel: 'paper' })
    .limit(100)
    .get()
  return data.length
}

/** The audited actions on a subject. */
async function auditActions(subjectId: string): Promise<string[]> {
  const { data } = await database(rig)
    .collection(COLLECTION.auditLogs)
    .where({ subjectId })
    .limit(100)
    .get()
  return (data as Array<{ action: string }>).map((a) => a.action)
}

/** Waits until `ok` holds (the phone's queue sends in the background). */
async function until(ok: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < APPEAR_MS; waited += 250) {
    if (await ok()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`still not so after ${APPEAR_MS} ms`)
}

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
      await waitForWords(moderator, '#runsheet-day', '11月24日')
      for (const [i, [matterId, title, minutes]] of MINUTES.entries()) {
        await waitForWords(moderator, '#runsheet-item-title', title)
        if (i === 0) await screenshot(moderator, 'journey-committee-c-1-runsheet')
        await tapConfirmed(moderator, '#runsheet-start-discussion')
        await waitForWords(moderator, '#runsheet-item-status', '议事中')
        await tap(moderator, '#runsheet-timer-start')
        await moderator.locator('#runsheet-timer-stop').waitFor({ timeout: APPEAR_MS })
        await fillIn(moderator, '#runsheet-minutes-text', minutes)
        await tap(moderator, '#runsheet-minutes-save')
        // The minutes go through the phone's queue: sent once the network answers.
        await until(async () => (await minutesOf(matterId)).length > 0)
        if (i === 0) await screenshot(moderator, 'journey-committee-c-2-runsheet-minutes')
        expect(await doc(rig, 'matters', matterId)).toEqual(
          expect.objectContaining({ status: 'discussing' }),
        )
        if (i < MINUTES.length - 1) await tap(moderator, '#runsheet-next')
      }
    } finally {
      await moderator.context().close()
    }
    for (const [matterId, , minutes] of MINUTES) {
      expect(await minutesOf(matterId)).toEqual([
        { talkDay: '2026-11-24', text: minutes, at: expect.any(String) },
      ])
    }

    // 2. 现场投票: paper voters ticked off, the box's counts entered.
    await setClock(rig, '2026-11-24T19:30:00')
    const page = await phoneOf(rig, 'demo-committee', '2026-11-24T19:30:00', ROUTES.console)
    try {
      await tap(page, `#console-poll-${pollId}`)
      await waitForWords(page, '#meeting-question', QUESTION)
      await waitForWords(page, '#meeting-tickoff', '赵红')
      for (const [household, name] of PAPER) {
        const tick = `#tick-${personId(V, household, name)}`
        await tapConfirmed(page, tick)
        await waitForWords(page, tick, '已登记')
      }
      await waitForWords(page, '#meeting-step', '第 2 步')
      await page.locator('#meeting-poll').scrollIntoViewIfNeeded()
      await screenshot(page, 'journey-committee-c-3-meeting')
      // The four ticks have gone out through the phone's queue.
      await until(async () => (await paperVoters(pollId)) === 4)
      await enterCounts(page)
      await waitForWords(page, '#meeting-counts-sum', '对上了')
      await tapConfirmed(page, '#meeting-counts-submit')
      await waitForWords(page, '#meeting-step', '第 3 步')
      await screenshot(page, 'journey-committee-c-4-counts-entered')
      await until(async () => (await auditActions(pollId)).includes('enterPaperCounts'))

      // 刘秀英, on her own phone, counts the tally sheet again.
      const second = await phoneOf(rig, 'demo-m07', '2026-11-24T19:40:00', ROUTES.meeting, {
        pollId,
      })
      try {
        await waitForWords(second, '#meeting-step', '第 2 步')
        await tap(second, '#meeting-counts-confirm')
        await enterCounts(second)
        await waitForWords(second, '#meeting-counts-sum', '对上了')
        await tapConfirmed(second, '#meeting-counts-submit')
        await waitForWords(second, '#meeting-step', '票箱的票数已经确认')
        await until(async () => (await auditActions(pollId)).includes('confirmPaperCounts'))
        await screenshot(second, 'journey-committee-c-5-counts-confirmed')
      } finally {
        await second.context().close()
      }

      // 代投: 周永福 said 赞成 on the phone.
      await goTo(page, rig, ROUTES.meeting, { pollId })
      await tap(page, `#proxy-person-${personId(V, PROXY[0], PROXY[1])}`)
      await tap(page, '#proxy-choice-yes')
      await tap(page, '#proxy-consent-phone')
      await tapConfirmed(page, '#meeting-proxy-submit')
      await waitForWords(page, '#meeting-proxy-done', `已替 ${PROXY[1]} 代投`)
      await screenshot(page, 'journey-committee-c-6-proxy')
      // Who has not been reached yet: the two representatives who did not come.
      await goTo(page, rig, ROUTES.meeting, { pollId })
      await waitForWords(page, '#meeting-turnout', '已投票 5 人，共 7 人')
      const reach = await wordsOf(page, '#meeting-not-reached')
      expect(reach).toContain('陈桂兰')
      expect(reach).toContain('徐卫东')
      expect(reach).not.toContain('周永福')
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
      await waitForWords(notice, '#meeting-result', SENTENCE)
      await screenshot(notice, 'journey-committee-c-7-meeting-result')
      // To 决议公告: the meeting screen's link once counted, if it has one; else its address.
      const link = notice.locator('#meeting-notice')
      if (await link.count()) await link.first().click()
      else await goTo(notice, rig, ROUTES.notice, { pollId })
      await notice.locator('#notice-canvas').waitFor({ timeout: APPEAR_MS })
      // Drawn: the canvas holds dark ink (the notice's text and QR code), not a blank sheet.
      await notice.waitForFunction(
        () => {
          const c = document.querySelector('#notice-canvas canvas, canvas#notice-canvas')
          if (!(c instanceof HTMLCanvasElement) || c.width === 0) return false
          const { data } = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(
            0,
            0,
            c.width,
            c.height,
          )
          let dark = 0
          for (let i = 0; i < data.length; i += 4 * 7) {
            if ((data[i] as number) + (data[i + 1] as number) + (data[i + 2] as number) < 200) {
              dark += 1
            }
          }
          return dark > 1000
        },
        null,
        { timeout: APPEAR_MS },
      )
      await notice.waitForLoadState('networkidle', { timeout: APPEAR_MS })
      await screenshot(notice, 'journey-committee-c-8-notice')
      // The print page (A4, for the notice board): the matter and the sentence of the tally.
      await notice.emulateMedia({ media: 'print' })
      await waitForWords(notice, '#notice-paper-sentence', SENTENCE)
      expect(await wordsOf(notice, '#notice-paper-matter')).toContain('停车位怎么分')
      await notice.emulateMedia({ media: 'screen' })
    } finally {
      await notice.context().close()
    }

    expect(await auditActions(pollId)).toEqual(
      expect.arrayContaining([
        'markPaperVoter',
        'enterPaperCounts',
        'confirmPaperCounts',
        'castProxyBallot',
      ]),
    )
  })
})

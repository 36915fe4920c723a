/**
 * Committee journey (b), issue #12, on Saturday 21 November 2026 at 09:00 (Shanghai):
 * 1. 张建国 (demo-committee) opens 村务, taps 村口路灯坏了 among the incoming matters (raised a day
 *    ago: its 接诉即办 clock runs), files it under 道路水电 and accepts it onto the next 说事日,
 *    Tuesday the 24th, where it comes third;
 * 2. on 说事日议程 moves it up to first: the residents' 首页 then lists the 24th in that order;
 * 3. drafts a poll on an Art. 24 matter (土地承包经营方案, its 四议 recorded) and sees the design
 *    check refuse a 民意征询 in words, then chooses 村民会议 and opens it: it closes on the first
 *    talk day ten days on (Art. 21), Friday 4 December at 21:00.
 * Set-up that is not this journey (calls): the Art. 24 matter — opened as an urgent topic, its
 * discussion started by the moderator, the three steps of 四议 recorded the days before.
 * Screenshots: test-results/journey-committee-b-*.png.
 */
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import { ROUTES } from '../../src/routes'
import { callAs, devLogin } from '../support/backend'
import { screenshot } from '../support/browser'
import { auditOf, database, doc, goTo, phoneOf, tapConfirmed, tapRow } from '../support/committee'
import { journeyRig } from '../support/journey'
import { APPEAR_MS, fillIn, tap, waitForWords, wordsOf } from '../support/session'

const rig = journeyRig()

const NOW = '2026-11-21T09:00:00'
const RAISED = 'demo-matter-raised'
const TALK_DAY = '2026-11-24'
const QUESTION = '村东头那块地承包给王德福家，同意吗？'

interface HomeAgenda {
  nextTalkDay: { date: string; items: Array<{ id: string; title: string }> } | null
}

/** The 24th's agenda as a resident's 首页 gets it (its titles, in order). */
async function agendaTitles(resident: string): Promise<string[]> {
  const home = await callAs<HomeAgenda>(rig.app.url, resident, 'matters', 'getHome', {})
  expect(home.nextTalkDay?.date).toBe(TALK_DAY)
  return home.nextTalkDay?.items.map((m) => m.title) ?? []
}

/** An Art. 24 matter in discussion with its 四议 recorded (set-up, by calls). */
async function art24Matter(committee: string, moderator: string): Promise<string> {
  const { matterId } = await callAs<{ matterId: string }>(
    rig.app.url,
    committee,
    'matters',
    'openTopic',
    {
      title: '村东头那块地重新承包',
      body: '村东头 30 亩地的承包明年到期，王德福家想续包，请大家定。',
      photos: [],
      urgent: true,
      category: 'landContracting',
    },
  )
  await callAs(rig.app.url, moderator, 'matters', 'startDiscussion', { matterId })
  const steps: Array<[string, string, number, number, string]> = [
    ['proposal', '2026-11-19', 5, 5, '同意提交两委会商议'],
    ['consultation', '2026-11-20', 9, 9, '同意，形成承包方案'],
    ['review', '2026-11-21', 32, 28, '审议通过，提交村民会议表决'],
  ]
  for (const [step, date, expected, present, result] of steps) {
    await callAs(rig.app.url, committee, 'matters', 'recordProcedureStep', {
      matterId,
      step,
      date,
      expected,
      present,
      result,
      note: '',
    })
  }
  return matterId
}

describe('committee journey (b): accept, order the agenda, a poll the design check refuses, then a lawful one', () => {
  it('村口路灯坏了 accepted onto the 24th and moved up to first', async () => {
    const resident = await devLogin(rig.app.url, { memberId: 'demo-resident-1' })
    expect(await agendaTitles(resident)).toEqual(['文化广场晚上跳舞声音太大', '明年先修哪一段村道'])

    const page = await phoneOf(rig, 'demo-committee', NOW, ROUTES.console)
    try {
      // 村务: the incoming matter, with its 接诉即办 clock (raised yesterday at 09:00, 3 days to answer).
      await waitForWords(page, '#console-incoming', '村口路灯坏了')
      expect(await wordsOf(page, '#console-incoming')).toContain(
        '村口路灯坏了 待受理 陈大山 11月20日提出 还剩 2 天',
      )
      await tapRow(page, '#console-incoming', '村口路灯坏了')

      await waitForWords(page, '#cmatter-title', '村口路灯坏了')
      await page.locator('#cmatter-clock').waitFor({ timeout: APPEAR_MS })
      await screenshot(page, 'journey-committee-b-1-matter')
      await tap(page, '#cmatter-accept-category-roadsUtilities')
      await tap(page, '#cmatter-when-next')
      await tapConfirmed(page, '#cmatter-accept')
      await waitForWords(page, '#cmatter-status', '已受理')
      await waitForWords(page, '#cmatter-talkday', '11月24日')
      await screenshot(page, 'journey-committee-b-2-accepted')

      const matter = await doc<{ status: string; talkDay: string; category: string }>(
        rig,
        'matters',
        RAISED,
      )
      expect(matter).toEqual(
        expect.objectContaining({
          status: 'accepted',
          talkDay: TALK_DAY,
          category: 'roadsUtilities',
        }),
      )
      expect(await agendaTitles(resident)).toEqual([
        '文化广场晚上跳舞声音太大',
        '明年先修哪一段村道',
        '村口路灯坏了',
      ])

      // 说事日议程: up twice, and it leads the 24th.
      await goTo(page, rig, ROUTES.console)
      await tap(page, `#console-agenda-${TALK_DAY}`)
      await waitForWords(page, `#agenda-day-${TALK_DAY}`, '村口路灯坏了')
      await screenshot(page, 'journey-committee-b-3-agenda')
      await tap(page, `#agenda-up-${RAISED}`)
      await page.waitForLoadState('networkidle', { timeout: APPEAR_MS })
      await tap(page, `#agenda-up-${RAISED}`)
      await page.waitForLoadState('networkidle', { timeout: APPEAR_MS })
      const wanted = ['村口路灯坏了', '文化广场晚上跳舞声音太大', '明年先修哪一段村道']
      for (let i = 0; i < 50; i += 1) {
        if (JSON.stringify(await agendaTitles(resident)) === JSON.stringify(wanted)) break
        await page.waitForTimeout(200)
      }
      expect(await agendaTitles(resident)).toEqual(wanted)
      const shown = await wordsOf(page, `#agenda-day-${TALK_DAY}`)
      expect(shown.indexOf('村口路灯坏了')).toBeLessThan(shown.indexOf('文化广场晚上跳舞声音太大'))
      await screenshot(page, 'journey-committee-b-4-agenda-reordered')
    } finally {
      await page.context().close()
    }

    expect((await auditOf(rig, RAISED)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['raiseMatter', 'acceptMatter']),
    )
  })

  it('a 民意征询 on 土地承包经营方案 refused in words; a 村民会议 opened', async () => {
    const committee = await devLogin(rig.app.url, { memberId: 'demo-committee' })
    const moderator = await devLogin(rig.app.url, { memberId: 'demo-moderator' })
    const matterId = await art24Matter(committee, moderator)

    const page = await phoneOf(
      rig,
      'demo-committee',
      '2026-11-21T09:30:00',
      ROUTES.committeeMatter,
      {
        id: matterId,
      },
    )
    try {
      await waitForWords(page, '#cmatter-title', '村东头那块地重新承包')
      // 四议 recorded: the three steps are shown.
      await waitForWords(page, '#cmatter-procedure', '党员大会审议')
      await tap(page, '#cmatter-poll')
      await fillIn(page, '#poll-question', QUESTION)
      await tap(page, '#poll-kind-yesNo')
      await tap(page, '#poll-secret-yes')
      await tap(page, '#poll-body-consult')
      await waitForWords(
        page,
        '#poll-design-refusal',
        '「土地承包经营方案」是村民委员会组织法第二十四条第四项规定的事项，要由村民会议或经授权的村民代表会议投票决定，不能用民意征询决定。',
      )
      await page.locator('#poll-design').scrollIntoViewIfNeeded()
      await screenshot(page, 'journey-committee-b-5-poll-refused')
      const { data: none } = await database(rig)
        .collection(COLLECTION.polls)
        .where({ matterId, status: 'open' })
        .get()
      expect(none).toEqual([])

      await tap(page, '#poll-body-assembly')
      await waitForWords(page, '#poll-design-ok', '检查通过')
      // 村民会议: ten days' notice (Art. 21), the first talk day after — Friday 4 December.
      await waitForWords(page, '#poll-closes-words', '12月4日')
      await page.locator('#poll-design').scrollIntoViewIfNeeded()
      await screenshot(page, 'journey-committee-b-6-poll-lawful')
      await tapConfirmed(page, '#poll-open')
      // Opened: on to 现场投票 of the new poll.
      await waitForWords(page, '#meeting-question', QUESTION)
      await screenshot(page, 'journey-committee-b-7-poll-opened')
    } finally {
      await page.context().close()
    }

    const { data } = await database(rig)
      .collection(COLLECTION.polls)
      .where({ matterId, status: 'open' })
      .get()
    expect(data).toEqual([
      expect.objectContaining({ question: QUESTION, body: 'assembly', kind: 'yesNo' }),
    ])
    const closesAt = new Date((data[0] as { closesAt: string | Date }).closesAt).toISOString()
    expect(closesAt).toBe(new Date('2026-12-04T21:00:00+08:00').toISOString())
    expect(await doc(rig, 'matters', matterId)).toEqual(
      expect.objectContaining({ status: 'deciding' }),
    )
  })
})

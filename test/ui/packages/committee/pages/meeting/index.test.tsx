/**
 * 现场投票 (the meeting screen): `fetch` is the boundary (the emulator's /fn/<name>), the browser's
 * `online` event the network coming back, the Taro stand-in's storage the phone. Expected words
 * written by hand.
 */
import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { MeetingScreen } from '../../../../../../src/packages/committee/pages/meeting'
import { resetPendingForTests } from '../../../../../../src/services/pending'
import type { PollView, VoterView } from '../../../../../../types/api/polls'
import { fixShanghaiClock } from '../../../../../support/clock'
import { storage } from '../../../../support/taro'
import {
  fakeTaro,
  ok,
  refuse,
  serve,
  textOf,
  type Call,
  type TaroFakes,
} from '../../../../pages/fakes'

configure({ asyncUtilTimeout: 5000 })

const poll = (more: Partial<PollView> = {}): PollView => ({
  id: 'p1',
  matterId: 'm1',
  question: '同意把集体果园承包给王大户吗？',
  kind: 'yesNo',
  options: [],
  maxSelections: 1,
  body: 'assembly',
  secret: true,
  status: 'open',
  phase: 'open',
  // 21:00 in Shanghai on 24 November.
  closesAt: '2026-11-24T13:00:00.000Z',
  openedAt: '2026-11-21T01:00:00.000Z',
  electorateSize: 3,
  turnout: 1,
  eligible: false,
  myChoice: null,
  can: ['closePoll'],
  ...more,
})

const VOTERS: VoterView[] = [
  { personId: 'x1', name: '陈大山', voted: false },
  { personId: 'x2', name: '李秀英', voted: true, channel: 'online' },
  { personId: 'x3', name: '王小二', voted: false },
]

let calls: Call[]
let taro: TaroFakes
let up: boolean
/** What reached the functions (calls also records the attempts that the network lost). */
let delivered: Call[]
let answers: Record<string, unknown>

function backend() {
  const when = (action: string, fallback: unknown) => (payload: never) => {
    if (!up) throw new TypeError('Failed to fetch')
    delivered.push({ fn: 'polls', action, payload })
    const a = answers[action] ?? fallback
    return typeof a === 'function' ? (a as (p: never) => unknown)(payload) : a
  }
  calls = serve({
    getPoll: when('getPoll', ok(poll())),
    listVoters: when('listVoters', ok({ items: VOTERS })),
    reachReport: when(
      'reachReport',
      ok({ electorateSize: 3, reached: 1, notReached: [{ personId: 'x3', name: '王小二' }] }),
    ),
    markPaperVoter: when('markPaperVoter', ok({ paperVoters: 1 })),
    enterPaperCounts: when('enterPaperCounts', ok({ total: 1 })),
    confirmPaperCounts: when('confirmPaperCounts', ok({ total: 1 })),
    castProxyBallot: when('castProxyBallot', ok({ remaining: 2 })),
    closePoll: when('closePoll', ok({ phase: 'counting', closesAt: '2026-11-24T02:00:00.000Z' })),
  })
}

beforeEach(() => {
  fixShanghaiClock('2026-11-24T10:00:00')
  taro = fakeTaro()
  resetPendingForTests()
  up = true
  answers = {}
  delivered = []
  backend()
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

/** NutUI's Button says it with a class (the DOM button keeps taking taps). */
const disabled = (el: Element) => el.classList.contains('nut-button-disabled')
const actions = () => calls.map((c) => c.action)
const sent = (action: string) => delivered.filter((c) => c.action === action)
const online = async () => {
  up = true
  await act(async () => {
    window.dispatchEvent(new Event('online'))
  })
}
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

async function opened() {
  render(<MeetingScreen pollId="p1" />)
  await screen.findByText('同意把集体果园承包给王大户吗？')
}

describe('现场投票: what the committee sees on opening', () => {
  it('the poll, its turnout, the step, everyone by name and who is not reached: three calls', async () => {
    await opened()
    expect(textOf(document.getElementById('meeting-turnout'))).toBe('已投票1人，共3人')
    expect(textOf(document.getElementById('meeting-step'))).toBe(
      '第1步：逐个登记在会上投纸质票的人',
    )
    expect(textOf(document.getElementById('tick-x1'))).toBe('陈大山还没投票·点这里登记')
    expect(textOf(document.getElementById('tick-x2'))).toBe('李秀英已在手机上投票·点这里登记')
    expect(textOf(document.getElementById('meeting-not-reached'))).toBe('王小二')
    expect(textOf(document.getElementById('meeting-close'))).toContain('还有2人没投票')
    expect(actions().sort()).toEqual(['getPoll', 'listVoters', 'reachReport'])
    expect(calls[0].payload).toEqual({ pollId: 'p1' })
  })

  it('what this phone sent before does not make the screen load twice', async () => {
    storage.set('fengsi.pending', [
      {
        id: 'old-1',
        fn: 'polls',
        action: 'markPaperVoter',
        payload: { pollId: 'p1', personId: 'x2' },
        label: '登记 李秀英 投纸质票',
        scope: 'poll:p1',
        key: 'tick:p1:x2',
        state: 'sent',
        addedAt: '2026-11-24T01:00:00.000Z',
      },
    ])
    await opened()
    await new Promise((r) => setTimeout(r, 50))
    expect(actions().sort()).toEqual(['getPoll', 'listVoters', 'reachReport'])
    expect(textOf(document.getElementById('meeting-pending'))).toContain('登记李秀英投纸质票已送达')
  })

  it('the search by name narrows the rows', async () => {
    await opened()
    type('meeting-search', '秀')
    expect(document.getElementById('tick-x1')).toBeNull()
    expect(document.getElementById('tick-x2')).toBeTruthy()
  })
})

describe('现场投票: paper on a weak signal', () => {
  it('a tick-off and the counts entered offline wait on the phone, then go once, in order', async () => {
    await opened()
    up = false
    fireEvent.click(document.getElementById('tick-x1') as HTMLElement)
    await waitFor(() =>
      expect(textOf(document.getElementById('meeting-pending'))).toContain(
        '登记陈大山投纸质票待发送',
      ),
    )
    expect(taro.showModal.mock.calls[0][0]).toMatchObject({ title: '登记 陈大山 投纸质票？' })
    expect(textOf(document.getElementById('tick-x1'))).toBe('陈大山已登记，等网络发送')
    expect(textOf(document.getElementById('meeting-step'))).toContain('第2步')

    // The box: the sum is shown as it is typed, and must be the one ticked off.
    const submit = document.getElementById('meeting-counts-submit') as HTMLButtonElement
    type('count-yes', '2')
    expect(textOf(document.getElementById('meeting-counts-sum'))).toBe(
      '合计2张，登记了1人，还没对上',
    )
    expect(disabled(submit)).toBe(true)
    type('count-yes', '1')
    expect(textOf(document.getElementById('meeting-counts-sum'))).toBe('合计1张，登记了1人，对上了')
    fireEvent.click(submit)
    await waitFor(() =>
      expect(textOf(document.getElementById('meeting-pending'))).toContain(
        '录入票箱票数：赞成1待发送',
      ),
    )
    expect(sent('markPaperVoter')).toHaveLength(0)

    await online()
    await waitFor(() =>
      expect(textOf(document.getElementById('meeting-pending'))).toBe(
        '这台手机上录的登记陈大山投纸质票已送达录入票箱票数：赞成1已送达',
      ),
    )
    expect(sent('markPaperVoter').map((c) => c.payload)).toEqual([{ pollId: 'p1', personId: 'x1' }])
    expect(sent('enterPaperCounts').map((c) => c.payload)).toEqual([
      { pollId: 'p1', counts: [{ choice: 'yes', count: 1 }] },
    ])
    const order = delivered
      .map((c) => c.action)
      .filter((a) => a === 'markPaperVoter' || a === 'enterPaperCounts')
    expect(order).toEqual(['markPaperVoter', 'enterPaperCounts'])
    expect(textOf(document.getElementById('meeting-step'))).toContain('第3步')
    await online()
    expect(sent('enterPaperCounts')).toHaveLength(1)
  })

  it('counts that arrive after the close are refused with the message, shown until dismissed', async () => {
    answers.listVoters = ok({
      items: [{ personId: 'x1', name: '陈大山', voted: true, channel: 'paper' }],
    })
    answers.enterPaperCounts = refuse('POLL_CLOSED', '这次表决已经截止了，不能再录入纸质票。')
    await opened()
    type('count-no', '1')
    fireEvent.click(document.getElementById('meeting-counts-submit') as HTMLElement)
    await waitFor(() =>
      expect(textOf(document.getElementById('meeting-pending'))).toContain(
        '录入票箱票数：反对1被拒绝：这次表决已经截止了，不能再录入纸质票。',
      ),
    )
    // Refused: the page is back at step 2, the counts may be entered again.
    expect(textOf(document.getElementById('meeting-step'))).toContain('第2步')
    fireEvent.click(screen.getByText('知道了'))
    expect(document.getElementById('meeting-pending')).toBeNull()
  })

  it('the second member confirms on their own phone: confirmPaperCounts with the same counts', async () => {
    answers.listVoters = ok({
      items: [
        { personId: 'x1', name: '陈大山', voted: true, channel: 'paper' },
        { personId: 'x3', name: '王小二', voted: true, channel: 'paper' },
      ],
    })
    await opened()
    fireEvent.click(document.getElementById('meeting-counts-confirm') as HTMLElement)
    expect(textOf(document.getElementById('meeting-counts-role'))).toContain('再录一遍')
    type('count-yes', '1')
    type('count-spoiled', '1')
    fireEvent.click(document.getElementById('meeting-counts-submit') as HTMLElement)
    await waitFor(() => expect(sent('confirmPaperCounts')).toHaveLength(1))
    expect(sent('confirmPaperCounts')[0].payload).toEqual({
      pollId: 'p1',
      counts: [
        { choice: 'yes', count: 1 },
        { choice: 'spoiled', count: 1 },
      ],
    })
    await waitFor(() =>
      expect(textOf(document.getElementById('meeting-step'))).toBe(
        '票箱的票数已经确认，等截止后计票',
      ),
    )
  })
})

describe('现场投票: the second member, refused', () => {
  it('a refused confirmation brings the form back, still as the second member', async () => {
    answers.listVoters = ok({
      items: [{ personId: 'x1', name: '陈大山', voted: true, channel: 'paper' }],
    })
    answers.confirmPaperCounts = refuse(
      'PAPER_MISMATCH',
      '您核对的票数和录入的不一样，请两位一起重新清点票箱。',
    )
    await opened()
    fireEvent.click(document.getElementById('meeting-counts-confirm') as HTMLElement)
    type('count-yes', '1')
    up = false
    fireEvent.click(document.getElementById('meeting-counts-submit') as HTMLElement)
    // Waiting to be sent: this phone has confirmed, the form is put away.
    await waitFor(() =>
      expect(textOf(document.getElementById('meeting-step'))).toBe(
        '您的确认已经记在手机上，等网络好了自动发送',
      ),
    )
    expect(document.getElementById('meeting-counts')).toBeNull()
    await online()
    await waitFor(() =>
      expect(textOf(document.getElementById('meeting-pending'))).toContain(
        '被拒绝：您核对的票数和录入的不一样，请两位一起重新清点票箱。',
      ),
    )
    expect(textOf(document.getElementById('meeting-step'))).toContain('第2步')
    expect(textOf(document.getElementById('meeting-counts-role'))).toContain('再录一遍')
  })
})

describe('现场投票: 代投 and closing', () => {
  it('records a proxy ballot with the consent, and says how many are left', async () => {
    await opened()
    fireEvent.click(document.getElementById('proxy-person-x3') as HTMLElement)
    fireEvent.click(document.getElementById('proxy-choice-no') as HTMLElement)
    fireEvent.click(document.getElementById('proxy-consent-phone') as HTMLElement)
    fireEvent.click(document.getElementById('meeting-proxy-submit') as HTMLElement)
    await screen.findByText('已替 王小二 代投。您在这次表决还能代投 2 人。')
    expect(sent('castProxyBallot')[0].payload).toEqual({
      pollId: 'p1',
      personId: 'x3',
      choice: 'no',
      consent: 'phone',
    })
    expect(taro.showModal.mock.calls[0][0]).toMatchObject({ title: '替 王小二 代投？' })
  })

  it('closes early once everyone has voted, after a confirmation', async () => {
    answers.getPoll = ok(poll({ turnout: 3 }))
    await opened()
    const close = document.getElementById('meeting-close-submit') as HTMLButtonElement
    expect(disabled(close)).toBe(false)
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(close)
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1))
    expect(sent('closePoll')).toHaveLength(0)
    fireEvent.click(close)
    await screen.findByText('投票已结束，正在计票。')
    expect(sent('closePoll')[0].payload).toEqual({ pollId: 'p1' })
  })

  it('a counted poll: the result sentence, no paper forms', async () => {
    answers.getPoll = ok(
      poll({
        status: 'closed',
        phase: 'closed',
        can: ['exportBallots'],
        result: { sentence: '赞成 2 票，通过。' } as PollView['result'],
      }),
    )
    await opened()
    expect(textOf(document.getElementById('meeting-result'))).toBe('赞成2票，通过。')
    expect(document.getElementById('meeting-tickoff')).toBeNull()
    expect(document.getElementById('meeting-counts')).toBeNull()
  })
})

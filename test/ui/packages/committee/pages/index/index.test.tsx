import { fireEvent, render, screen } from '@testing-library/react'
import ConsoleHome from '../../../../../../src/packages/committee/pages/index'
import type { ConsoleView } from '../../../../../../types/api/matters'
import { fixShanghaiClock } from '../../../../../support/clock'
import {
  fakeTaro,
  matter,
  ok,
  refuse,
  serve,
  textOf,
  type Call,
  type TaroFakes,
} from '../../../../pages/fakes'

let calls: Call[]
let taro: TaroFakes
let answer: unknown

const VIEW: ConsoleView = {
  roles: ['resident', 'committee', 'moderator'],
  village: { id: 'v1', name: '西村', talkDays: [4, 14, 24], responseDeadlineDays: 3 },
  pendingMembers: 2,
  incoming: [
    {
      ...matter('late', '垃圾桶不够用', { overdue: true }),
      respondBy: '2026-11-20T03:00:00.000Z',
      hoursLeft: -22,
    },
    {
      ...matter('soon', '村口路灯坏了', { raisedByName: '陈大山' }),
      respondBy: '2026-11-23T02:00:00.000Z',
      hoursLeft: 49,
    },
  ],
  overdue: 1,
  talkDays: [
    { date: '2026-11-24', items: [matter('a1', '文化广场', { status: 'accepted' })], room: 9 },
    { date: '2026-12-04', items: [], room: 10 },
    { date: '2026-12-14', items: [], room: 10 },
  ],
  handling: [matter('h1', '小学门口加减速带', { status: 'handling' })],
  toClose: [matter('r1', '自来水水压太低', { status: 'resolved' })],
  moderationPending: 3,
  openPolls: [
    {
      id: 'poll-1',
      matterId: 'd1',
      matterTitle: '停车位怎么分',
      question: '同意按户抽签分停车位吗？',
      closesAt: '2026-11-24T10:00:00.000Z',
    },
  ],
}

const ids = (selector: string) => Array.from(document.querySelectorAll(selector)).map((e) => e.id)

beforeEach(() => {
  fixShanghaiClock('2026-11-21T09:00:00')
  taro = fakeTaro()
  answer = ok(VIEW)
  calls = serve({ getConsole: () => answer })
})
afterEach(() => jest.useRealTimers())

describe('村务 (console home)', () => {
  it('opens with one getConsole call and shows what waits', async () => {
    render(<ConsoleHome />)
    expect(await screen.findByText('西村 · 村务')).toBeTruthy()
    expect(calls).toEqual([{ fn: 'matters', action: 'getConsole', payload: {} }])
    expect(textOf(document.getElementById('console-members'))).toBe(
      '入村申请点开审核：通过或不通过2›',
    )
    expect(textOf(document.getElementById('console-overdue'))).toBe(
      '超期未答复已超过3天的答复期限1›',
    )
  })

  it('incoming matters in the answer’s order, with the clock; the overdue one in red', async () => {
    render(<ConsoleHome />)
    await screen.findByText('西村 · 村务')
    expect(ids('#console-incoming .cc-card')).toEqual(['cmatter-late', 'cmatter-soon'])
    const late = document.getElementById('cmatter-late') as HTMLElement
    const clock = late.querySelector('.cc-clock') as HTMLElement
    expect(clock.textContent).toBe('已超期 22 小时')
    expect(clock.classList.contains('cc-clock--late')).toBe(true)
    const soon = document.querySelector('#cmatter-soon .cc-clock') as HTMLElement
    expect(soon.textContent).toBe('还剩 2 天 1 小时答复')
    expect(soon.classList.contains('cc-clock--late')).toBe(false)
    expect(textOf(document.getElementById('cmatter-soon'))).toContain('陈大山11月20日提出')
  })

  it('each row goes to its page', async () => {
    render(<ConsoleHome />)
    await screen.findByText('西村 · 村务')
    const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
    const went = () => taro.navigateTo.mock.calls.at(-1)?.[0]
    tap('cmatter-late')
    expect(went()).toEqual({ url: '/packages/committee/pages/matter/index?id=late' })
    tap('console-members')
    expect(went()).toEqual({ url: '/packages/committee/pages/members/index' })
    tap('console-overdue')
    expect(went()).toEqual({ url: '/packages/committee/pages/overdue/index' })
    tap('console-dashboard')
    expect(went()).toEqual({ url: '/packages/township/pages/dashboard/index?unit=village' })
    tap('console-agenda-2026-11-24')
    expect(went()).toEqual({ url: '/packages/committee/pages/agenda/index' })
    tap('console-poll-poll-1')
    expect(went()).toEqual({ url: '/packages/committee/pages/meeting/index?pollId=poll-1' })
    tap('cmatter-h1')
    expect(went()).toEqual({ url: '/packages/committee/pages/matter/index?id=h1' })
    tap('console-topic')
    expect(went()).toEqual({ url: '/packages/committee/pages/topic/index' })
    tap('console-register')
    expect(went()).toEqual({ url: '/packages/committee/pages/register/index' })
    tap('console-settings')
    expect(went()).toEqual({ url: '/packages/committee/pages/settings/index' })
    tap('console-runsheet')
    expect(went()).toEqual({ url: '/packages/moderator/pages/runsheet/index' })
    tap('console-moderation')
    expect(went()).toEqual({ url: '/packages/moderator/pages/queue/index' })
  })

  it('the next talk days with how many matters each agenda holds', async () => {
    render(<ConsoleHome />)
    await screen.findByText('西村 · 村务')
    expect(textOf(document.getElementById('console-agenda-2026-11-24'))).toBe(
      '11月24日（星期二）议程1件，还能放9件1›',
    )
    expect(textOf(document.getElementById('console-agenda-2026-12-04'))).toBe(
      '12月4日（星期五）还没有议题，还能放10件0›',
    )
  })

  it('moderator rows: 发言审核 with its count, 待关闭', async () => {
    render(<ConsoleHome />)
    await screen.findByText('西村 · 村务')
    expect(textOf(document.getElementById('console-moderation'))).toBe(
      '发言审核被举报或隐藏的发言，等您看3›',
    )
    expect(ids('#console-to-close .cc-card')).toEqual(['cmatter-r1'])
  })

  it('a moderator who is not on the committee sees the moderator’s rows only', async () => {
    answer = ok({ ...VIEW, roles: ['resident', 'moderator'] })
    render(<ConsoleHome />)
    await screen.findByText('西村 · 村务')
    expect(document.getElementById('console-runsheet')).toBeTruthy()
    expect(document.getElementById('console-members')).toBeNull()
    expect(document.getElementById('console-incoming')).toBeNull()
  })

  it('the committee (not moderator) does not see the run sheet', async () => {
    answer = ok({ ...VIEW, roles: ['resident', 'committee'] })
    render(<ConsoleHome />)
    await screen.findByText('西村 · 村务')
    expect(document.getElementById('console-members')).toBeTruthy()
    expect(document.getElementById('console-runsheet')).toBeNull()
  })

  it('nothing waiting says so in words', async () => {
    answer = ok({
      ...VIEW,
      incoming: [],
      overdue: 0,
      handling: [],
      openPolls: [],
      pendingMembers: 0,
    })
    render(<ConsoleHome />)
    expect(await screen.findByText('没有等待答复的事')).toBeTruthy()
    expect(screen.getByText('没有正在办理的事')).toBeTruthy()
    expect(screen.getByText('没有等待审核的申请')).toBeTruthy()
    expect(document.getElementById('console-open-polls')).toBeNull()
  })

  it('a refusal in words; a network failure offers 再试一次', async () => {
    answer = refuse('NETWORK', '网络不太好，没有连上。请稍后再试。')
    render(<ConsoleHome />)
    const retry = await screen.findByText('再试一次')
    answer = ok(VIEW)
    fireEvent.click(retry)
    expect(await screen.findByText('西村 · 村务')).toBeTruthy()
  })
})

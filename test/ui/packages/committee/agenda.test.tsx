/**
 * 说事日议程: the coming talk days from one getConsole call; 上移 / 下移 show the new order at once
 * and put the old one back when the function refuses; a matter moves to another coming talk day.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Agenda from '../../../../src/packages/committee/pages/agenda'
import type { ConsoleView } from '../../../../types/api/matters'
import { fixShanghaiClock } from '../../../support/clock'
import { fakeTaro, matter, ok, refuse, serve, VILLAGE, type TaroFakes } from '../../pages/fakes'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
beforeEach(() => {
  fixShanghaiClock('2026-11-21T09:00:00')
  taro = fakeTaro()
})
afterEach(() => jest.useRealTimers())

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const order = (date: string) =>
  Array.from(document.querySelectorAll(`#agenda-day-${date} .agenda__title`)).map(
    (e) => e.textContent,
  )

const A = matter('a', '文化广场晚上跳舞声音太大', { status: 'accepted', talkDay: '2026-11-24' })
const B = matter('b', '明年先修哪一段村道', { status: 'accepted', talkDay: '2026-11-24' })
const C = matter('c', '停车位怎么分', { status: 'discussing', talkDay: '2026-11-24' })

const consoleView = (days: ConsoleView['talkDays']): ConsoleView => ({
  village: VILLAGE,
  roles: ['resident', 'committee'],
  pendingMembers: 0,
  incoming: [],
  overdue: 0,
  talkDays: days,
  handling: [],
  toClose: [],
  moderationPending: 0,
  openPolls: [],
})

const THREE_DAYS = consoleView([
  { date: '2026-11-24', items: [A, B, C], room: 7 },
  { date: '2026-12-04', items: [], room: 10 },
  { date: '2026-12-14', items: [], room: 0 },
])

describe('说事日议程', () => {
  it('shows each coming talk day with its agenda in order, from one call', async () => {
    const calls = serve({ getConsole: ok(THREE_DAYS) })
    render(<Agenda />)
    await screen.findByText('11月24日（星期二）')
    expect(order('2026-11-24')).toEqual([
      '文化广场晚上跳舞声音太大',
      '明年先修哪一段村道',
      '停车位怎么分',
    ])
    expect(screen.getByText('3 件事，还有 7 个空位')).toBeTruthy()
    expect(screen.getByText('0 件事，议程满了')).toBeTruthy()
    expect(
      screen.getByText('这天还没有要说的事', { selector: '#agenda-day-2026-12-04 *' }),
    ).toBeTruthy()
    expect(calls.map((c) => `${c.fn}.${c.action}`)).toEqual(['matters.getConsole'])
    fireEvent.click(screen.getByText('明年先修哪一段村道'))
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/committee/pages/matter/index?id=b',
    })
  })

  it('moves an item down at once and saves the new order', async () => {
    let release: () => void = () => undefined
    const calls = serve({
      getConsole: ok(THREE_DAYS),
      reorderAgenda: () => new Promise((r) => (release = () => r(ok({ ok: true })))),
    })
    render(<Agenda />)
    await screen.findByText('11月24日（星期二）')
    tap('agenda-down-a')
    // Shown before the function answers.
    expect(order('2026-11-24')).toEqual([
      '明年先修哪一段村道',
      '文化广场晚上跳舞声音太大',
      '停车位怎么分',
    ])
    await waitFor(() => expect(calls.some((c) => c.action === 'reorderAgenda')).toBe(true))
    release()
    expect(await screen.findByText('11月24日（星期二）的顺序已保存')).toBeTruthy()
    expect(calls.find((c) => c.action === 'reorderAgenda')?.payload).toEqual({
      talkDay: '2026-11-24',
      matterIds: ['b', 'a', 'c'],
    })
  })

  it('puts the old order back when the function refuses, and says why', async () => {
    serve({
      getConsole: ok(THREE_DAYS),
      reorderAgenda: refuse('CONFLICT', '议程已经变了，请刷新后再调整顺序。'),
    })
    render(<Agenda />)
    await screen.findByText('11月24日（星期二）')
    tap('agenda-up-c')
    expect(await screen.findByText('议程已经变了，请刷新后再调整顺序。')).toBeTruthy()
    expect(order('2026-11-24')).toEqual([
      '文化广场晚上跳舞声音太大',
      '明年先修哪一段村道',
      '停车位怎么分',
    ])
  })

  it('offers no 上移 for the first nor 下移 for the last', async () => {
    const calls = serve({ getConsole: ok(THREE_DAYS) })
    const { container } = render(<Agenda />)
    await screen.findByText('11月24日（星期二）')
    expect(container.querySelector('#agenda-up-a')).toBeNull()
    expect(container.querySelector('#agenda-down-c')).toBeNull()
    expect(container.querySelector('#agenda-down-a')).not.toBeNull()
    expect(container.querySelector('#agenda-up-c')).not.toBeNull()
    expect(order('2026-11-24')).toEqual([
      '文化广场晚上跳舞声音太大',
      '明年先修哪一段村道',
      '停车位怎么分',
    ])
    expect(calls.map((c) => c.action)).toEqual(['getConsole'])
  })

  it('moves an accepted matter to another talk day with room, then reads the agendas again', async () => {
    let moved = false
    const calls = serve({
      getConsole: () =>
        ok(
          moved
            ? consoleView([
                { date: '2026-11-24', items: [B, C], room: 8 },
                { date: '2026-12-04', items: [{ ...A, talkDay: '2026-12-04' }], room: 9 },
                { date: '2026-12-14', items: [], room: 0 },
              ])
            : THREE_DAYS,
        ),
      moveAgendaItem: () => {
        moved = true
        return ok({ ok: true })
      },
    })
    render(<Agenda />)
    await screen.findByText('11月24日（星期二）')
    // Only accepted matters move (the one in discussion stays).
    expect(document.getElementById('agenda-move-c')).toBeNull()
    tap('agenda-move-a')
    expect(screen.getByText('改到12月14日（星期一）（满了）')).toBeTruthy()
    tap('agenda-move-a-2026-12-04')
    expect(
      await screen.findByText('“文化广场晚上跳舞声音太大”已改到12月4日（星期五）'),
    ).toBeTruthy()
    expect(order('2026-12-04')).toEqual(['文化广场晚上跳舞声音太大'])
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['getConsole', {}],
      ['moveAgendaItem', { matterId: 'a', talkDay: '2026-12-04' }],
      ['getConsole', {}],
    ])
  })
})

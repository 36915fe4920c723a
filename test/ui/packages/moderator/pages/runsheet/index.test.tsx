/**
 * 主持说事 (the run sheet): one getRunSheet call; one item at a time; the timer per item on the
 * phone; minutes through the offline queue; 待关闭 with a confirmation. `fetch` is the boundary.
 */
import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { RunSheetScreen } from '../../../../../../src/packages/moderator/pages/runsheet'
import { resetPendingForTests } from '../../../../../../src/services/pending'
import type { RunSheetItem, RunSheetView } from '../../../../../../types/api/matters'
import { ROUTES } from '../../../../../../src/routes'
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

configure({ asyncUtilTimeout: 5000 })

const item = (id: string, title: string, more: Partial<RunSheetItem> = {}): RunSheetItem => ({
  ...matter(id, title, { status: 'accepted', talkDay: '2026-11-24' }),
  body: `${title}，大家来议一议。`,
  minutes: '',
  polls: [],
  can: [],
  ...more,
})

const sheet = (more: Partial<RunSheetView> = {}): RunSheetView => ({
  talkDay: '2026-11-24',
  today: true,
  items: [
    item('m1', '文化广场晚上跳舞声音太大', { can: ['startDiscussion', 'recordMinutes'] }),
    item('m2', '集体果园承包给谁', {
      status: 'discussing',
      can: ['recordMinutes'],
      polls: [
        {
          id: 'p9',
          question: '同意承包给王大户吗？',
          body: 'assembly',
          secret: true,
          phase: 'open',
          closesAt: '2026-11-24T13:00:00.000Z',
        },
      ],
    }),
  ],
  moderationPending: 2,
  toClose: [matter('m7', '自来水水压太低', { status: 'resolved' })],
  ...more,
})

let calls: Call[]
let taro: TaroFakes
let up: boolean
let minutesAnswer: unknown

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-11-24T01:00:00.000Z') })
  taro = fakeTaro()
  resetPendingForTests()
  up = true
  minutesAnswer = ok({ ok: true })
  calls = serve({
    getRunSheet: ok(sheet()),
    startDiscussion: ok({ ok: true }),
    closeMatter: ok({ ok: true }),
    recordMinutes: () => {
      if (!up) throw new TypeError('Failed to fetch')
      return minutesAnswer
    },
  })
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

const words = (id: string) => textOf(document.getElementById(id))

async function opened(talkDay?: string) {
  render(<RunSheetScreen talkDay={talkDay} />)
  await screen.findByText('文化广场晚上跳舞声音太大', { selector: '#runsheet-item-title' })
}

describe('主持说事', () => {
  it('one call; the first item with its step; the queue and 待关闭', async () => {
    await opened('2026-11-24')
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['getRunSheet', { talkDay: '2026-11-24' }],
    ])
    expect(words('runsheet-day')).toContain('11月24日（星期二）说事日（今天）')
    expect(words('runsheet-stage')).toBe('第1步讨论：还没开始')
    expect(words('runsheet-timer')).toBe('00:00')
    expect(words('runsheet-queue-link')).toBe('有2条发言等审核›')
    expect(words('to-close-m7')).toContain('自来水水压太低')
    expect(document.getElementById('runsheet-meeting')).toBeNull()
  })

  it('without a talk day asks for the next one', async () => {
    await opened()
    expect(calls[0].payload).toEqual({})
  })

  it('starts the discussion, then shows the sheet again', async () => {
    await opened()
    fireEvent.click(document.getElementById('runsheet-start-discussion') as HTMLElement)
    await waitFor(() => expect(calls.map((c) => c.action)).toContain('startDiscussion'))
    expect(calls.find((c) => c.action === 'startDiscussion')?.payload).toEqual({ matterId: 'm1' })
    await waitFor(() => expect(calls.filter((c) => c.action === 'getRunSheet')).toHaveLength(2))
  })

  it('the timer counts up from its start, per item, and is kept on the phone', async () => {
    await opened()
    fireEvent.click(document.getElementById('runsheet-timer-start') as HTMLElement)
    act(() => jest.advanceTimersByTime(65_000))
    expect(words('runsheet-timer')).toBe('01:05')
    // The next item has its own timer; back again, the first one has gone on counting.
    fireEvent.click(document.getElementById('runsheet-next') as HTMLElement)
    expect(words('runsheet-item-title')).toBe('集体果园承包给谁')
    expect(words('runsheet-timer')).toBe('00:00')
    act(() => jest.advanceTimersByTime(10_000))
    fireEvent.click(document.getElementById('runsheet-prev') as HTMLElement)
    expect(words('runsheet-timer')).toBe('01:15')
    fireEvent.click(document.getElementById('runsheet-timer-stop') as HTMLElement)
    act(() => jest.advanceTimersByTime(30_000))
    expect(words('runsheet-timer')).toBe('01:15')
  })

  it('an item with an open poll links to its meeting screen; the place is kept on the phone', async () => {
    const { unmount } = render(<RunSheetScreen />)
    await screen.findByText('文化广场晚上跳舞声音太大', { selector: '#runsheet-item-title' })
    fireEvent.click(document.getElementById('runsheet-line-m2') as HTMLElement)
    expect(words('runsheet-stage')).toBe('第2步表决：正在投票')
    fireEvent.click(document.getElementById('runsheet-meeting') as HTMLElement)
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.meeting}?pollId=p9` })
    unmount()
    render(<RunSheetScreen />)
    await screen.findByText('集体果园承包给谁', { selector: '#runsheet-item-title' })
  })

  it('minutes typed offline wait as 待发送 and are sent when the network is back', async () => {
    await opened()
    up = false
    fireEvent.change(document.getElementById('runsheet-minutes-text') as HTMLElement, {
      target: { value: '晚上九点以后音响关小，下次说事日再看效果。' },
    })
    fireEvent.click(document.getElementById('runsheet-minutes-save') as HTMLElement)
    await waitFor(() =>
      expect(words('runsheet-pending')).toContain('「文化广场晚上跳舞声音太大」的会议纪要待发送'),
    )
    up = true
    await act(async () => {
      window.dispatchEvent(new Event('online'))
    })
    await waitFor(() => expect(words('runsheet-pending')).toContain('会议纪要已送达'))
    const sent = calls.filter((c) => c.action === 'recordMinutes')
    expect(sent[sent.length - 1].payload).toEqual({
      matterId: 'm1',
      talkDay: '2026-11-24',
      text: '晚上九点以后音响关小，下次说事日再看效果。',
    })
  })

  it('a refused minute says why', async () => {
    minutesAnswer = refuse('CONFLICT', '说事日当天开始、议事结束之前才能记录会议纪要。')
    await opened()
    fireEvent.change(document.getElementById('runsheet-minutes-text') as HTMLElement, {
      target: { value: '记一下' },
    })
    fireEvent.click(document.getElementById('runsheet-minutes-save') as HTMLElement)
    await waitFor(() =>
      expect(words('runsheet-pending')).toContain(
        '被拒绝：说事日当天开始、议事结束之前才能记录会议纪要。',
      ),
    )
  })

  it('closes a resolved matter after a confirmation', async () => {
    await opened()
    fireEvent.click(document.getElementById('close-m7') as HTMLElement)
    await waitFor(() => expect(calls.map((c) => c.action)).toContain('closeMatter'))
    expect(taro.showModal.mock.calls[0][0]).toMatchObject({ title: '关闭「自来水水压太低」？' })
    expect(calls.find((c) => c.action === 'closeMatter')?.payload).toEqual({ matterId: 'm7' })
    await waitFor(() => expect(document.getElementById('to-close-m7')).toBeNull())
  })
})

import { act, fireEvent, render, screen } from '@testing-library/react'
import Settings from '../../../../../../src/packages/committee/pages/settings'
import type { VillageView } from '../../../../../../types/api/village'
import { fakeTaro, ok, refuse, serve, textOf, type Call } from '../../../../pages/fakes'

let calls: Call[]
let village: VillageView
let update: unknown

const VILLAGE: VillageView = {
  id: 'v1',
  name: '西村',
  talkDays: [4, 14, 24],
  counts: { adults: 27, households: 12, representatives: 8 },
  settings: {
    agendaSize: 10,
    responseDeadlineDays: 3,
    reportThreshold: 3,
    ratingWindowDays: 7,
    pollNoticeDays: 3,
    proxyLimit: 3,
  },
  inviteCode: '4XQ9TR',
}

const tap = (id: string) =>
  act(async () => {
    fireEvent.click(document.getElementById(id) as HTMLElement)
  })
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })
const says = (id: string) => textOf(document.getElementById(id))

beforeEach(() => {
  fakeTaro()
  village = VILLAGE
  update = (p: { talkDays: number[] }) => ok({ ...VILLAGE, talkDays: p.talkDays, changed: true })
  calls = serve({
    getVillage: () => ok(village),
    updateVillage: (p: never) => (typeof update === 'function' ? update(p) : update),
  })
})

describe('村里的设置 (settings)', () => {
  it('opens with one getVillage call, the settings in their fields', async () => {
    render(<Settings />)
    expect(await screen.findByText('西村的设置')).toBeTruthy()
    expect(calls).toEqual([{ fn: 'village', action: 'getVillage', payload: {} }])
    const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value
    expect(value('settings-talk-days')).toBe('4 14 24')
    expect(value('settings-responseDeadlineDays')).toBe('3')
    expect(value('settings-pollNoticeDays')).toBe('3')
    expect(value('settings-proxyLimit')).toBe('3')
    expect(document.getElementById('settings-delegated')?.getAttribute('aria-checked')).toBe(
      'false',
    )
    expect(says('settings-counts')).toBe(
      '名册：12户，18岁以上27人，村民代表8人邀请码：4XQ9TR（村民加入时输入）',
    )
  })

  it('saves talk days as typed (any separator) and the numbers', async () => {
    render(<Settings />)
    await screen.findByText('西村的设置')
    type('settings-talk-days', '24、4，14 28号')
    type('settings-pollNoticeDays', '5')
    await tap('settings-save')
    expect(calls[1]).toEqual({
      fn: 'village',
      action: 'updateVillage',
      payload: {
        talkDays: [4, 14, 24, 28],
        settings: { responseDeadlineDays: 3, pollNoticeDays: 5, proxyLimit: 3, delegation: null },
      },
    })
    expect(says('settings-note')).toBe('已保存。')
    expect((document.getElementById('settings-talk-days') as HTMLInputElement).value).toBe(
      '4 14 24 28',
    )
  })

  it('what the function would refuse is said beside its field, and nothing is sent', async () => {
    render(<Settings />)
    await screen.findByText('西村的设置')
    type('settings-talk-days', '4 32')
    type('settings-pollNoticeDays', '')
    type('settings-proxyLimit', '11')
    await tap('settings-save')
    expect(calls).toHaveLength(1)
    expect(says('settings-talk-days-error')).toBe('说事日设置有误：“32”不是1到31之间的日子')
    expect(says('settings-pollNoticeDays-error')).toBe('表决的公告期（天）应当是1到30之间的整数')
    expect(says('settings-proxyLimit-error')).toBe('每人每次表决可代投的票数应当是0到10之间的整数')
    expect(says('settings-failure')).toBe('有几处要改一下，看上面红字。')
    // Typing in a field takes its message away.
    type('settings-proxyLimit', '2')
    expect(document.getElementById('settings-proxyLimit-error')).toBeNull()
  })

  it('the assembly’s delegation: date and note, checked, then saved', async () => {
    render(<Settings />)
    await screen.findByText('西村的设置')
    await tap('settings-delegated')
    type('settings-delegation-date', '2026-02-30')
    await tap('settings-save')
    expect(calls).toHaveLength(1)
    expect(says('settings-delegation-date-error')).toBe('授权日期不是一个真实的日期')
    expect(says('settings-delegation-note-error')).toBe('请填写授权内容')
    type('settings-delegation-date', '2026-03-01')
    type('settings-delegation-note', '集体土地承包方案')
    await tap('settings-save')
    expect(calls[1]?.payload).toEqual({
      talkDays: [4, 14, 24],
      settings: {
        responseDeadlineDays: 3,
        pollNoticeDays: 3,
        proxyLimit: 3,
        delegation: { date: '2026-03-01', note: '集体土地承包方案' },
      },
    })
  })

  it('a recorded delegation is shown, and clearing it says so before saving', async () => {
    village = {
      ...VILLAGE,
      settings: { ...VILLAGE.settings, delegation: { date: '2026-03-01', note: '土地承包' } },
    }
    render(<Settings />)
    await screen.findByText('西村的设置')
    expect((document.getElementById('settings-delegation-note') as HTMLInputElement).value).toBe(
      '土地承包',
    )
    await tap('settings-delegated')
    expect(says('settings-delegation-clear')).toBe('保存后，2026-03-01的授权就去掉了。')
    await tap('settings-save')
    expect((calls[1]?.payload as { settings: unknown }).settings).toEqual({
      responseDeadlineDays: 3,
      pollNoticeDays: 3,
      proxyLimit: 3,
      delegation: null,
    })
  })

  it('nothing changed, and the function’s refusal, in words', async () => {
    update = ok({ ...VILLAGE, changed: false })
    render(<Settings />)
    await screen.findByText('西村的设置')
    await tap('settings-save')
    expect(says('settings-note')).toBe('没有改动，不用保存。')
    update = refuse('FORBIDDEN', '只有村委会成员可以改村里的设置。')
    await tap('settings-save')
    expect(says('settings-failure')).toBe('只有村委会成员可以改村里的设置。')
  })
})

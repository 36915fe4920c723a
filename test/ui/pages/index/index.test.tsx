import { render, screen, within } from '@testing-library/react'
import Index from '../../../../src/pages/index'
import { fixShanghaiClock } from '../../../support/clock'

/** What village.getMe answers (through `fetch`, the boundary here): the caller's village. */
let me: unknown
const villageWith = (talkDays: number[]) => ({
  ok: true,
  data: {
    member: null,
    village: { id: 'v', name: '西村', talkDays, responseDeadlineDays: 3 },
  },
})

beforeEach(() => {
  me = villageWith([4, 14, 24])
  global.fetch = jest.fn(
    async () => ({ ok: true, status: 200, json: async () => me }) as Response,
  ) as typeof fetch
})
afterEach(() => jest.useRealTimers())

describe('首页 (home page)', () => {
  it('shows the next 说事日 and how many days are left', async () => {
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('下一个说事日：11月24日（星期二）· 还有 3 天')).toBeTruthy()
    expect(screen.queryByText('今天是说事日')).toBeNull()
    expect(screen.getByText('每月 4日、14日、24日，村里一起说事')).toBeTruthy()
  })

  it("lists this month's talk days, marking those past", async () => {
    fixShanghaiClock('2026-11-21T07:00:00')
    const { container } = render(<Index />)
    await screen.findByText(/下一个说事日/)
    const rows = Array.from(container.querySelectorAll('.talkday__day')).map((row) =>
      row.textContent?.replace(/\s+/g, ''),
    )
    expect(rows).toEqual([
      '11月4日（星期三）已过',
      '11月14日（星期六）已过',
      '11月24日（星期二）还有3天',
    ])
  })

  it('on a talk day says 今天是说事日, even in the first minute while UTC is still on the day before', async () => {
    fixShanghaiClock('2026-11-24T00:00:30')
    const { container } = render(<Index />)
    const banner = await screen.findByText('今天是说事日')
    expect(banner).toBeTruthy()
    expect(screen.getByText('下一个说事日：12月4日（星期五）· 还有 10 天')).toBeTruthy()
    const today = container.querySelector('.talkday__day--today') as HTMLElement
    expect(within(today).getByText('今天')).toBeTruthy()
  })

  it('shows the village’s own talk days (5, 15, 25), not the usual ones', async () => {
    me = villageWith([5, 15, 25])
    fixShanghaiClock('2026-11-21T07:00:00')
    const { container } = render(<Index />)
    expect(await screen.findByText('下一个说事日：11月25日（星期三）· 还有 4 天')).toBeTruthy()
    expect(screen.getByText('每月 5日、15日、25日，村里一起说事')).toBeTruthy()
    const rows = Array.from(container.querySelectorAll('.talkday__day')).map((row) =>
      row.textContent?.replace(/\s+/g, ''),
    )
    expect(rows).toEqual([
      '11月5日（星期四）已过',
      '11月15日（星期日）已过',
      '11月25日（星期三）还有4天',
    ])
  })

  it('someone not signed in sees the usual 4, 14, 24', async () => {
    me = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录微信。' } }
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('下一个说事日：11月24日（星期二）· 还有 3 天')).toBeTruthy()
  })

  it('the evening before a talk day reads 明天', async () => {
    fixShanghaiClock('2026-12-03T21:30:00')
    render(<Index />)
    expect(await screen.findByText('下一个说事日：12月4日（星期五）· 明天')).toBeTruthy()
  })
})

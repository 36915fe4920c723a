import { fireEvent, render, screen, within } from '@testing-library/react'
import Index from '../../../../src/pages/index'
import { setLargeText } from '../../../../src/services/largeText'
import { fixShanghaiClock } from '../../../support/clock'
import {
  capturePageShows,
  fakeTaro,
  matter,
  member,
  ok,
  refuse,
  serve,
  textOf,
  VILLAGE,
  type Call,
  type TaroFakes,
} from '../fakes'

/** What matters.getHome answers for a verified member of 西村 (talk days as given). */
const homeOf = (talkDays: number[], more: Record<string, unknown> = {}) =>
  ok({
    member: member('verified'),
    village: { ...VILLAGE, talkDays },
    nextTalkDay: { date: '2026-11-24', items: [] },
    urgent: [],
    mine: [],
    ...more,
  })

let home: unknown
let calls: Call[]
let taro: TaroFakes

beforeEach(() => {
  taro = fakeTaro()
  home = homeOf([4, 14, 24])
  calls = serve({ getHome: () => home })
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

describe('首页 (home page): the talk-day calendar', () => {
  it('shows the next 说事日 and how many days are left', async () => {
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('下一个说事日：11月24日（星期二）· 还有 3 天')).toBeTruthy()
    expect(screen.queryByText('今天是说事日')).toBeNull()
    expect(screen.getByText('每月 4日、14日、24日，村里一起说事')).toBeTruthy()
    expect(textOf(document.getElementById('home-next-talk-day'))).toBe(
      '下一个说事日：11月24日（星期二）·还有3天',
    )
  })

  it("lists this month's talk days, marking those past", async () => {
    fixShanghaiClock('2026-11-21T07:00:00')
    const { container } = render(<Index />)
    await screen.findByText(/下一个说事日/)
    const rows = Array.from(container.querySelectorAll('.talkday__day')).map(textOf)
    expect(rows).toEqual([
      '11月4日（星期三）已过',
      '11月14日（星期六）已过',
      '11月24日（星期二）还有3天',
    ])
  })

  it('on a talk day says 今天是说事日, even in the first minute while UTC is still on the day before', async () => {
    home = homeOf([4, 14, 24], { nextTalkDay: { date: '2026-11-24', items: [] } })
    fixShanghaiClock('2026-11-24T00:00:30')
    const { container } = render(<Index />)
    const banner = await screen.findByText('今天是说事日')
    expect(banner).toBeTruthy()
    expect(screen.getByText('下一个说事日：12月4日（星期五）· 还有 10 天')).toBeTruthy()
    const today = container.querySelector('.talkday__day--today') as HTMLElement
    expect(within(today).getByText('今天')).toBeTruthy()
    // The agenda shown is today's.
    expect(screen.getByText('今天说事日要说的事')).toBeTruthy()
  })

  it('shows the village’s own talk days (5, 15, 25), not the usual ones', async () => {
    home = homeOf([5, 15, 25], { nextTalkDay: { date: '2026-11-25', items: [] } })
    fixShanghaiClock('2026-11-21T07:00:00')
    const { container } = render(<Index />)
    expect(await screen.findByText('下一个说事日：11月25日（星期三）· 还有 4 天')).toBeTruthy()
    expect(screen.getByText('每月 5日、15日、25日，村里一起说事')).toBeTruthy()
    const rows = Array.from(container.querySelectorAll('.talkday__day')).map(textOf)
    expect(rows).toEqual([
      '11月5日（星期四）已过',
      '11月15日（星期日）已过',
      '11月25日（星期三）还有4天',
    ])
  })

  it('someone not signed in sees the usual 4, 14, 24 and the way to join', async () => {
    home = refuse('UNAUTHENTICATED', '请先登录微信。')
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('下一个说事日：11月24日（星期二）· 还有 3 天')).toBeTruthy()
    expect(screen.getByText('去加入村子')).toBeTruthy()
  })

  it('the evening before a talk day reads 明天', async () => {
    fixShanghaiClock('2026-12-03T21:30:00')
    render(<Index />)
    expect(await screen.findByText('下一个说事日：12月4日（星期五）· 明天')).toBeTruthy()
  })
})

describe('首页 for a member: agenda, urgent matters, my matters', () => {
  beforeEach(() => {
    home = homeOf([4, 14, 24], {
      nextTalkDay: {
        date: '2026-11-24',
        items: [
          matter('m1', '村口路灯坏了', { status: 'accepted', talkDay: '2026-11-24' }),
          matter('m2', '垃圾桶不够用', {
            status: 'accepted',
            talkDay: '2026-11-24',
            category: { key: 'environment', label: '环境卫生', art24: false },
          }),
        ],
      },
      urgent: [matter('m3', '水管爆了', { status: 'handling', urgent: true })],
      mine: [matter('m4', '想修一条小路', { status: 'raised' })],
    })
  })

  it('shows the day’s agenda in order, each item with its status in words, in one call', async () => {
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('11月24日（星期二）要说的事')).toBeTruthy()
    const agenda = document.getElementById('home-agenda') as HTMLElement
    const items = Array.from(agenda.querySelectorAll('.matter-item'))
    expect(items.map((i) => i.id)).toEqual(['matter-m1', 'matter-m2'])
    expect(textOf(items[0])).toBe('村口路灯坏了已受理11月20日提出11月24日（星期二）说事')
    expect(textOf(items[1])).toBe('垃圾桶不够用已受理环境卫生11月20日提出11月24日（星期二）说事')
    expect(calls).toEqual([{ fn: 'matters', action: 'getHome', payload: {} }])
  })

  it('a tap on an agenda item opens that matter', async () => {
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    fireEvent.click(await screen.findByText('垃圾桶不够用'))
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/matters/pages/detail/index?id=m2',
    })
  })

  it('shows urgent matters with their 急事 mark, and my matters’ latest status', async () => {
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    await screen.findByText('水管爆了')
    expect(textOf(document.getElementById('home-urgent'))).toBe(
      '急事，正在办急事水管爆了办理中11月20日提出',
    )
    expect(textOf(document.getElementById('home-mine'))).toBe(
      '我提的事想修一条小路待受理11月20日提出',
    )
  })

  it('the big 我要提事 button opens the raise form', async () => {
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    fireEvent.click(await screen.findByText('我要提事'))
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matters/pages/raise/index' })
    expect(document.getElementById('home-join')).toBeNull()
  })

  it('says so in words when the day has no agenda, nothing is urgent and I raised nothing', async () => {
    home = homeOf([4, 14, 24])
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('这一天还没有安排要说的事')).toBeTruthy()
    expect(screen.getByText('现在没有急事')).toBeTruthy()
    expect(screen.getByText('您还没有提过事')).toBeTruthy()
  })
})

describe('首页 for someone not (yet) of the village', () => {
  it('no membership: 去加入村子 opens the join page, and there is no 我要提事', async () => {
    home = ok({ member: null, village: null, nextTalkDay: null, urgent: [], mine: [] })
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('您还没有加入村子')).toBeTruthy()
    expect(document.getElementById('home-raise')).toBeNull()
    fireEvent.click(screen.getByText('去加入村子'))
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/join/index' })
  })

  it('a pending request reads 等待村委会审核', async () => {
    home = ok({ member: member('pending'), village: null, nextTalkDay: null, urgent: [], mine: [] })
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('等待村委会审核')).toBeTruthy()
    expect(document.getElementById('home-join')).toBeNull()
    expect(document.getElementById('home-raise')).toBeNull()
  })

  it('a declined request shows the committee’s reason and 重新申请', async () => {
    home = ok({
      member: member('declined', { declineReason: '户号对不上，请到村委会核对' }),
      village: null,
      nextTalkDay: null,
      urgent: [],
      mine: [],
    })
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('理由：户号对不上，请到村委会核对')).toBeTruthy()
    fireEvent.click(screen.getByText('重新申请'))
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/join/index' })
  })

  it('someone who left the village is offered to join again', async () => {
    home = ok({ member: member('left'), village: null, nextTalkDay: null, urgent: [], mine: [] })
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('去加入村子')).toBeTruthy()
  })
})

describe('首页: loading, errors, 大字模式', () => {
  it('shows 正在加载… until the answer comes', async () => {
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    await screen.findByText(/下一个说事日/)
    expect(screen.queryByText('正在加载…')).toBeNull()
  })

  it('a lost network says so with 再试一次, which asks again', async () => {
    home = refuse('NETWORK', '网络不太好，没有连上。请稍后再试。')
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    const retry = await screen.findByText('再试一次')
    home = homeOf([4, 14, 24])
    fireEvent.click(retry)
    expect(await screen.findByText(/下一个说事日/)).toBeTruthy()
    expect(calls.map((c) => c.action)).toEqual(['getHome', 'getHome'])
  })

  it('a refusal a retry cannot cure is shown without 再试一次', async () => {
    home = refuse('FORBIDDEN', '您没有权限看这些内容。')
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('您没有权限看这些内容。')).toBeTruthy()
    expect(screen.queryByText('再试一次')).toBeNull()
  })

  it('大字模式 puts the fs-large class on the page root', async () => {
    setLargeText(true)
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    await screen.findByText(/下一个说事日/)
    expect(document.getElementById('screen')?.classList.contains('fs-large')).toBe(true)
  })

  it('coming back to 首页 (after raising a matter) reads it again', async () => {
    const page = capturePageShows()
    fixShanghaiClock('2026-11-21T07:00:00')
    render(<Index />)
    expect(await screen.findByText('您还没有提过事')).toBeTruthy()
    home = homeOf([4, 14, 24], { mine: [matter('m9', '刚提的事')] })
    page.showAgain()
    expect(await screen.findByText('刚提的事')).toBeTruthy()
    expect(calls.map((c) => c.action)).toEqual(['getHome', 'getHome'])
  })
})

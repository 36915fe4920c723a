import { fireEvent, render, screen } from '@testing-library/react'
import * as TaroModule from '@tarojs/taro'
import Matters from '../../../../src/pages/matters'
import { setLargeText } from '../../../../src/services/largeText'
import { fixShanghaiClock } from '../../../support/clock'
import { fakeTaro, matter, ok, refuse, serve, textOf, type Call, type TaroFakes } from '../fakes'

let calls: Call[]
let taro: TaroFakes
let answer: (payload: { cursor?: string }) => unknown

const ids = () =>
  Array.from(document.querySelectorAll('#matters-list .matter-item')).map((i) => i.id)

const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

beforeEach(() => {
  fixShanghaiClock('2026-11-21T07:00:00')
  taro = fakeTaro()
  answer = () => ok({ items: [matter('m1', '村口路灯坏了')] })
  calls = serve({ listMatters: (p: { cursor?: string }) => answer(p) })
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

describe('议事 (matters by status)', () => {
  it('opens on 待受理 with one call, and shows each matter as a word, a date and a category', async () => {
    answer = () =>
      ok({
        items: [
          matter('m1', '村口路灯坏了'),
          matter('m2', '水管爆了', {
            urgent: true,
            raisedAt: '2025-12-31T17:30:00.000Z',
            category: { key: 'roadsUtilities', label: '道路水电', art24: false },
          }),
        ],
      })
    render(<Matters />)
    expect(await screen.findByText('村口路灯坏了')).toBeTruthy()
    expect(ids()).toEqual(['matter-m1', 'matter-m2'])
    // 17:30 UTC on 31 December is already 1 January in Shanghai.
    expect(textOf(document.getElementById('matter-m2'))).toBe(
      '急事水管爆了待受理道路水电1月1日提出',
    )
    expect(textOf(document.getElementById('matter-m1'))).toBe('村口路灯坏了待受理11月20日提出')
    expect(calls).toEqual([
      {
        fn: 'matters',
        action: 'listMatters',
        payload: { mine: false, overdue: false, limit: 20, status: 'raised' },
      },
    ])
    expect(document.querySelector('.matters__tab--active')?.id).toBe('matters-status-raised')
  })

  it('has the eight status tabs in the order a matter goes', async () => {
    render(<Matters />)
    await screen.findByText('村口路灯坏了')
    const tabs = Array.from(document.querySelectorAll('[id^="matters-status-"]'))
    expect(tabs.map((t) => `${t.id}:${t.textContent}`)).toEqual([
      'matters-status-raised:待受理',
      'matters-status-accepted:已受理',
      'matters-status-discussing:议事中',
      'matters-status-deciding:表决中',
      'matters-status-decided:已决议',
      'matters-status-handling:办理中',
      'matters-status-resolved:已办结',
      'matters-status-ended:已结束',
    ])
  })

  it('a tab asks for its status; 已结束 asks for the four ends and shows why each ended', async () => {
    render(<Matters />)
    await screen.findByText('村口路灯坏了')
    answer = () =>
      ok({
        items: [
          matter('m5', '想在村里装健身器材', {
            status: 'declined',
            declineReason: '镇里已经统一安排了',
          }),
          matter('m6', '路灯又坏了', { status: 'merged', mergedInto: 'm1' }),
          matter('m7', '我搞错了', { status: 'withdrawn' }),
          matter('m8', '旧事', { status: 'closed' }),
        ],
      })
    fireEvent.click(screen.getByText('已结束'))
    expect(await screen.findByText('不予受理的理由：镇里已经统一安排了')).toBeTruthy()
    expect(calls[1].payload).toEqual({
      mine: false,
      overdue: false,
      limit: 20,
      statuses: ['closed', 'declined', 'merged', 'withdrawn'],
    })
    expect(textOf(document.getElementById('matter-m7'))).toBe('我搞错了已撤回11月20日提出')
    expect(textOf(document.getElementById('matter-m8'))).toBe('旧事已关闭11月20日提出')
    // The merged one links to the matter it went into (and not to itself).
    fireEvent.click(screen.getByText('已合并到另一件事，点这里去看 ›'))
    expect(taro.navigateTo).toHaveBeenCalledTimes(1)
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/matters/pages/detail/index?id=m1',
    })

    answer = () => ok({ items: [] })
    fireEvent.click(screen.getByText('表决中'))
    expect(await screen.findByText('这里还没有事')).toBeTruthy()
    expect(calls[2].payload).toEqual({ mine: false, overdue: false, limit: 20, status: 'deciding' })
  })

  it('a tap on a matter opens its page', async () => {
    render(<Matters />)
    fireEvent.click(await screen.findByText('村口路灯坏了'))
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/matters/pages/detail/index?id=m1',
    })
  })

  it('searches by a word only when 搜索 is tapped, across every status', async () => {
    render(<Matters />)
    await screen.findByText('村口路灯坏了')
    type('matters-search', ' 路')
    type('matters-search', ' 路灯 ')
    expect(calls).toHaveLength(1)
    answer = () => ok({ items: [matter('m9', '路灯不亮', { status: 'resolved' })] })
    fireEvent.click(screen.getByText('搜索'))
    expect(await screen.findByText('路灯不亮')).toBeTruthy()
    expect(screen.getByText('搜索“路灯”的结果')).toBeTruthy()
    expect(calls).toHaveLength(2)
    expect(calls[1].payload).toEqual({ mine: false, overdue: false, limit: 20, q: '路灯' })

    answer = () => ok({ items: [] })
    fireEvent.click(screen.getByText('清除搜索'))
    expect(await screen.findByText('这里还没有事')).toBeTruthy()
    expect(calls[2].payload).toEqual({ mine: false, overdue: false, limit: 20, status: 'raised' })
  })

  it('a search that finds nothing says so', async () => {
    render(<Matters />)
    await screen.findByText('村口路灯坏了')
    answer = () => ok({ items: [] })
    type('matters-search', '拖拉机')
    fireEvent.click(screen.getByText('搜索'))
    expect(await screen.findByText('没有找到含“拖拉机”的事')).toBeTruthy()
  })

  it('加载更多 fetches the next page with the cursor, one call per tap, until there is no more', async () => {
    answer = (p) =>
      p.cursor === 'c1'
        ? ok({ items: [matter('m2', '第二页的事')] })
        : ok({ items: [matter('m1', '村口路灯坏了')], nextCursor: 'c1' })
    render(<Matters />)
    await screen.findByText('村口路灯坏了')
    expect(screen.queryByText('没有更多了')).toBeNull()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('第二页的事')).toBeTruthy()
    expect(ids()).toEqual(['matter-m1', 'matter-m2'])
    expect(calls.map((c) => c.payload)).toEqual([
      { mine: false, overdue: false, limit: 20, status: 'raised' },
      { mine: false, overdue: false, limit: 20, status: 'raised', cursor: 'c1' },
    ])
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('a failed 加载更多 keeps the first page and offers 再试一次', async () => {
    answer = (p) =>
      p.cursor
        ? refuse('NETWORK', '网络不太好，没有连上。请稍后再试。')
        : ok({ items: [matter('m1', '村口路灯坏了')], nextCursor: 'c1' })
    render(<Matters />)
    fireEvent.click(await screen.findByText('加载更多'))
    expect(await screen.findByText('网络不太好，没有连上。请稍后再试。')).toBeTruthy()
    expect(ids()).toEqual(['matter-m1'])
    expect(screen.getByText('再试一次')).toBeTruthy()
  })

  it('我要提事 is one tap away', async () => {
    render(<Matters />)
    await screen.findByText('村口路灯坏了')
    fireEvent.click(screen.getByText('我要提事'))
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matters/pages/raise/index' })
  })

  it('?mine=1 lists only my matters, and 看全村的事 goes back to all', async () => {
    jest
      .spyOn(TaroModule, 'useRouter')
      .mockReturnValue({ params: { mine: '1' }, path: '/pages/matters/index' } as never)
    render(<Matters />)
    expect(await screen.findByText('我提的事')).toBeTruthy()
    expect(calls[0].payload).toEqual({ mine: true, overdue: false, limit: 20, status: 'raised' })
    fireEvent.click(screen.getByText('看全村的事 ›'))
    await screen.findByText('村里的事')
    expect(calls[1].payload).toEqual({ mine: false, overdue: false, limit: 20, status: 'raised' })
  })

  it('loading, then an error with 再试一次 that asks again', async () => {
    answer = () => refuse('BUSY', '人多，请再试一次')
    render(<Matters />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    const retry = await screen.findByText('再试一次')
    answer = () => ok({ items: [matter('m1', '村口路灯坏了')] })
    fireEvent.click(retry)
    expect(await screen.findByText('村口路灯坏了')).toBeTruthy()
    expect(calls).toHaveLength(2)
  })

  it('not a member: the function’s refusal in its words, without a retry', async () => {
    answer = () => refuse('UNAUTHENTICATED', '请先加入村子。')
    render(<Matters />)
    expect(await screen.findByText('请先加入村子。')).toBeTruthy()
    expect(screen.queryByText('再试一次')).toBeNull()
  })

  it('大字模式 puts the fs-large class on the page root', async () => {
    setLargeText(true)
    render(<Matters />)
    await screen.findByText('村口路灯坏了')
    expect(document.getElementById('screen')?.classList.contains('fs-large')).toBe(true)
  })
})

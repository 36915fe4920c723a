import { act, fireEvent, render, screen } from '@testing-library/react'
import Me from '../../../../src/pages/me'
import { fixShanghaiClock } from '../../../support/clock'
import {
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

let calls: Call[]
let taro: TaroFakes
let home: unknown
let leave: unknown

const none = { village: null, nextTalkDay: null, urgent: [], mine: [] }
const verified = () =>
  ok({
    member: member('verified'),
    village: VILLAGE,
    nextTalkDay: null,
    urgent: [],
    mine: [
      matter('m1', '第一件'),
      matter('m2', '第二件', { status: 'handling' }),
      matter('m3', '第三件'),
      matter('m4', '第四件'),
    ],
  })

beforeEach(() => {
  fixShanghaiClock('2026-11-21T07:00:00')
  taro = fakeTaro()
  home = verified()
  leave = ok({ ok: true })
  calls = serve({ getHome: () => home, leaveVillage: () => leave })
})
afterEach(() => jest.useRealTimers())

describe('我的 (me)', () => {
  it('shows my name, 户号 and village, my first three matters, in one call', async () => {
    render(<Me />)
    expect(await screen.findByText('李秀英')).toBeTruthy()
    expect(screen.getByText('户号：3-12')).toBeTruthy()
    expect(textOf(document.getElementById('me-status'))).toBe('已加入西村')
    const mine = document.getElementById('me-mine') as HTMLElement
    expect(Array.from(mine.querySelectorAll('.matter-item')).map((i) => i.id)).toEqual([
      'matter-m1',
      'matter-m2',
      'matter-m3',
    ])
    expect(calls).toEqual([{ fn: 'matters', action: 'getHome', payload: {} }])
    expect(document.getElementById('me-join')).toBeNull()
  })

  it('links to all my matters on 议事, to 我的投票 and to 隐私说明', async () => {
    render(<Me />)
    fireEvent.click(await screen.findByText('看全部我提的事'))
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/matters/index?mine=1' })
    fireEvent.click(screen.getByText('我的投票'))
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/me/pages/votes/index' })
    fireEvent.click(screen.getByText('隐私说明'))
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/me/pages/privacy/index' })
  })

  it('the 大字模式 switch turns large text on and off for the page', async () => {
    render(<Me />)
    await screen.findByText('李秀英')
    const root = () => document.getElementById('screen') as HTMLElement
    expect(root().classList.contains('fs-large')).toBe(false)
    expect(textOf(document.getElementById('me-large-text'))).toBe('大字模式已关闭')
    act(() => fireEvent.click(screen.getByText('大字模式')))
    expect(root().classList.contains('fs-large')).toBe(true)
    expect(textOf(document.getElementById('me-large-text'))).toBe('大字模式已打开')
    act(() => fireEvent.click(screen.getByText('大字模式')))
    expect(root().classList.contains('fs-large')).toBe(false)
  })

  it('退出本村 asks first; 确定退出 leaves and shows the way to join again', async () => {
    render(<Me />)
    fireEvent.click(await screen.findByText('退出本村'))
    expect(await screen.findByText('去加入村子')).toBeTruthy()
    expect(taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '退出本村', confirmText: '确定退出', cancelText: '不退出' }),
    )
    expect(calls.map((c) => `${c.fn}.${c.action}`)).toEqual([
      'matters.getHome',
      'village.leaveVillage',
    ])
    expect(textOf(document.getElementById('me-status'))).toBe('已退出本村')
    expect(document.getElementById('me-leave')).toBeNull()
    expect(document.getElementById('me-mine')).toBeNull()
  })

  it('不退出 leaves nothing changed and calls nothing', async () => {
    taro.showModal.mockResolvedValue({ confirm: false, cancel: true })
    render(<Me />)
    fireEvent.click(await screen.findByText('退出本村'))
    await act(async () => undefined)
    expect(calls).toHaveLength(1)
    expect(textOf(document.getElementById('me-status'))).toBe('已加入西村')
  })

  it('a refused leave says why and stays a member', async () => {
    leave = refuse('FORBIDDEN', '您是本村最后一位村委会成员，不能退出。')
    render(<Me />)
    fireEvent.click(await screen.findByText('退出本村'))
    expect(await screen.findByText('您是本村最后一位村委会成员，不能退出。')).toBeTruthy()
    expect(textOf(document.getElementById('me-status'))).toBe('已加入西村')
  })

  it('村务管理 for the committee, 主持说事 too for a moderator, neither for a resident', async () => {
    const roles = (r: string[]) =>
      ok({
        member: member('verified', { roles: r }),
        village: VILLAGE,
        nextTalkDay: null,
        urgent: [],
        mine: [],
      })
    home = roles(['resident', 'committee'])
    const { unmount } = render(<Me />)
    fireEvent.click(await screen.findByText('村务管理'))
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/committee/pages/index/index',
    })
    expect(document.getElementById('me-runsheet')).toBeNull()
    unmount()
    home = roles(['resident', 'moderator'])
    const again = render(<Me />)
    fireEvent.click(await screen.findByText('主持说事'))
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/moderator/pages/runsheet/index',
    })
    expect(document.getElementById('me-console')).toBeTruthy()
    again.unmount()
    home = verified()
    render(<Me />)
    await screen.findByText('李秀英')
    expect(document.getElementById('me-work')).toBeNull()
  })

  it('a pending request: 等待村委会审核, no join button, no leave', async () => {
    home = ok({ member: member('pending'), ...none })
    render(<Me />)
    expect(await screen.findByText('已申请加入，等待村委会审核')).toBeTruthy()
    expect(document.getElementById('me-join')).toBeNull()
    expect(document.getElementById('me-leave')).toBeNull()
    expect(document.getElementById('me-votes')).toBeNull()
  })

  it('a declined request shows the reason and 重新申请加入', async () => {
    home = ok({ member: member('declined', { declineReason: '名册上没有这一户' }), ...none })
    render(<Me />)
    expect(await screen.findByText('理由：名册上没有这一户')).toBeTruthy()
    fireEvent.click(screen.getByText('重新申请加入'))
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/join/index' })
  })

  it('nobody yet: 去加入村子, and 大字模式 and 隐私说明 still there', async () => {
    home = ok({ member: null, ...none })
    render(<Me />)
    expect(await screen.findByText('还没有加入村子')).toBeTruthy()
    expect(screen.getByText('去加入村子')).toBeTruthy()
    expect(screen.getByText('大字模式')).toBeTruthy()
    expect(screen.getByText('隐私说明')).toBeTruthy()
  })

  it('loading, then an error with 再试一次', async () => {
    home = refuse('NETWORK', '网络不太好，没有连上。请稍后再试。')
    render(<Me />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    const retry = await screen.findByText('再试一次')
    home = verified()
    fireEvent.click(retry)
    expect(await screen.findByText('李秀英')).toBeTruthy()
  })
})

describe('我的: 切换村子 (#14, memberships in more than one village)', () => {
  const EAST = { id: 'v2', name: '东村', talkDays: [4, 14, 24], responseDeadlineDays: 3 }
  const memberships = [
    { villageId: 'v1', villageName: '西村', status: 'verified' },
    { villageId: 'v2', villageName: '东村', status: 'verified' },
  ]
  /** The village each getHome call named (the event's top-level villageId). */
  const named = () =>
    (global.fetch as jest.Mock).mock.calls.map(
      ([, init]: [unknown, RequestInit]) =>
        (JSON.parse(String(init.body)) as { villageId?: string }).villageId,
    )

  beforeEach(() => {
    calls = serve({
      getHome: (_p: never) => {
        const inEast = named().at(-1) === 'v2'
        return ok({
          ...none,
          member: member('verified', inEast ? { id: 'mem-2', villageId: 'v2' } : {}),
          village: inEast ? EAST : VILLAGE,
          memberships,
        })
      },
    })
  })

  it('lists my villages, says which one I am looking at, and a tap switches every call there', async () => {
    render(<Me />)
    await screen.findByText('已加入西村')
    const rows = document.querySelectorAll('#me-switch [role="radio"]')
    expect(Array.from(rows).map((r) => [r.id, textOf(r), r.getAttribute('aria-checked')])).toEqual([
      ['me-village-v1', '西村正在看', 'true'],
      ['me-village-v2', '东村已认证', 'false'],
    ])
    expect(named()).toEqual([undefined])
    fireEvent.click(screen.getByText('东村'))
    expect(await screen.findByText('已加入东村')).toBeTruthy()
    expect(named()).toEqual([undefined, 'v2'])
    expect(document.getElementById('me-village-v2')?.getAttribute('aria-checked')).toBe('true')
    // kept on the phone: the next call (any page) names it too
    render(<Me />)
    await screen.findAllByText('已加入东村')
    expect(named().at(-1)).toBe('v2')
  })

  it('with one membership there is no 切换村子', async () => {
    calls = serve({ getHome: () => verified() })
    render(<Me />)
    await screen.findByText('已加入西村')
    expect(document.getElementById('me-switch')).toBeNull()
  })
})

/** 吹哨事项 and 办理吹哨: the unit's whistles with their clocks; 报到, 反馈进展, 办结, 退回. */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as TaroModule from '@tarojs/taro'
import Whistles from '../../../../src/packages/township/pages/whistles'
import WhistlePage from '../../../../src/packages/township/pages/whistle'
import { fakeTaro, ok, refuse, serve, textOf, type TaroFakes } from '../../pages/fakes'
import { whistle } from './fixtures'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
const params = (p: Record<string, string>) =>
  jest.spyOn(TaroModule, 'getCurrentInstance').mockReturnValue({
    router: { params: p, path: '/packages/township/pages/whistles/index' },
  } as never)
beforeEach(() => {
  taro = fakeTaro()
})
afterEach(() => jest.restoreAllMocks())

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

const LATE = whistle('w2', {
  matterTitle: '桥头护栏断了',
  tier: 'danger',
  tierLabel: '危及生命财产安全',
  overdue: true,
  level: 'township',
  clockWords: '已超时 3 小时，已转乡镇',
})

describe('吹哨事项', () => {
  it('lists what waits for 报到, overdue said in words and drawn in red', async () => {
    params({ staffId: 'st1' })
    const calls = serve({ listWhistles: ok({ items: [LATE, whistle('w1')] }) })
    render(<Whistles />)
    expect(await screen.findByText('桥头护栏断了')).toBeTruthy()
    expect(textOf(document.getElementById('whistle-w2'))).toContain('待报到超时危及生命财产安全')
    const clock = document.getElementById('whistle-clock-w2') as HTMLElement
    expect(clock.textContent).toBe('已超时 3 小时，已转乡镇')
    expect(clock.className).toContain('tw__alarm')
    expect(document.getElementById('whistle-w2')?.className).toContain('tw__card--late')
    expect(document.getElementById('whistle-clock-w1')?.className).not.toContain('tw__alarm')
    tap('whistle-w1')
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/township/pages/whistle/index?id=w1&matterId=m1',
    })
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listWhistles', { status: 'raised', staffId: 'st1' }],
    ])
  })

  it('reads the answered ones when asked', async () => {
    params({})
    const calls = serve({
      listWhistles: (p: { status: string }) =>
        ok({ items: p.status === 'resolved' ? [whistle('w3', { status: 'resolved' })] : [] }),
    })
    render(<Whistles />)
    expect(await screen.findByText('没有等待报到的吹哨')).toBeTruthy()
    tap('tw-whistles-status-resolved')
    expect(await screen.findByText('已办结')).toBeTruthy()
    expect(calls.map((c) => c.payload)).toEqual([{ status: 'raised' }, { status: 'resolved' }])
  })
})

describe('办理吹哨', () => {
  it('报到, then 反馈进展 and 办结, each shown at once', async () => {
    params({ id: 'w1', matterId: 'm1' })
    const acked = whistle('w1', {
      status: 'acknowledged',
      clockWords: '已报到',
      steps: [
        ...whistle('w1').steps,
        { kind: 'acknowledged', at: '2026-11-21T02:00:00.000Z', byLabel: '区水务局' },
      ],
    })
    const calls = serve({
      matterWhistles: ok({ items: [whistle('w0', { departmentName: '别的局' }), whistle('w1')] }),
      acknowledgeWhistle: ok(acked),
      reportWhistleProgress: ok(acked),
      resolveWhistle: ok({ ...acked, status: 'resolved', clockWords: '已办结' }),
    })
    render(<WhistlePage />)
    expect(await screen.findByText('还剩 23 小时')).toBeTruthy()
    expect(textOf(document.getElementById('tw-whistle-steps'))).toBe(
      '11月21日08:00村委会吹哨：修不了',
    )
    expect(document.getElementById('tw-whistle-report')).toBeNull()
    tap('tw-whistle-ack')
    await waitFor(() => expect(textOf(document.getElementById('whistle-clock-w1'))).toBe('已报到'))
    expect(textOf(document.getElementById('tw-whistle-steps'))).toContain('区水务局报到')
    tap('tw-whistle-report')
    type('tw-whistle-text', '抢修队已到现场')
    tap('tw-whistle-send')
    await waitFor(() => expect(calls).toHaveLength(3))
    tap('tw-whistle-resolve')
    type('tw-whistle-text', '水管已换好')
    tap('tw-whistle-send')
    await waitFor(() => expect(document.getElementById('tw-whistle-acts')).toBeNull())
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['matterWhistles', { matterId: 'm1' }],
      ['acknowledgeWhistle', { whistleId: 'w1' }],
      ['reportWhistleProgress', { whistleId: 'w1', text: '抢修队已到现场' }],
      ['resolveWhistle', { whistleId: 'w1', text: '水管已换好' }],
    ])
  })

  it('退回 with the reason, and says why it was refused', async () => {
    params({ id: 'w1', matterId: 'm1' })
    serve({
      matterWhistles: ok({ items: [whistle('w1')] }),
      returnWhistle: refuse('INVALID_INPUT', '请填写退回理由'),
    })
    render(<WhistlePage />)
    await screen.findByText('还剩 23 小时')
    tap('tw-whistle-return')
    tap('tw-whistle-send')
    expect(await screen.findByText('请填写退回理由')).toBeTruthy()
  })

  it('says so when the whistle is not among the matter’s', async () => {
    params({ id: 'nope', matterId: 'm1' })
    serve({ matterWhistles: ok({ items: [whistle('w1')] }) })
    render(<WhistlePage />)
    expect(await screen.findByText('没有找到这次吹哨，请从吹哨事项进来。')).toBeTruthy()
  })
})

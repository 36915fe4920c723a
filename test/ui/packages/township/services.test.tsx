/**
 * 服务清单: the township's services, 登记服务, answering a village's claim on one, 撤回 an open one
 * and 撤回认领 of a claim made for its provider.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as TaroModule from '@tarojs/taro'
import TownshipServices from '../../../../src/packages/township/pages/services'
import { fakeTaro, ok, refuse, serve, textOf, type TaroFakes } from '../../pages/fakes'
import { entry, service } from './fixtures'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
let toast: jest.Mock
beforeEach(() => {
  taro = fakeTaro()
  toast = jest.fn(async () => undefined)
  ;(Taro as unknown as Record<string, unknown>).showToast = toast
  jest.spyOn(TaroModule, 'getCurrentInstance').mockReturnValue({
    router: { params: {}, path: '/packages/township/pages/services/index' },
  } as never)
})
afterEach(() => jest.restoreAllMocks())

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

const CLAIMED = service('s2', {
  what: '法律咨询进村',
  category: 'legal',
  provider: { kind: 'partyMember', name: '李律师' },
  status: 'claimed',
  claim: { by: 'village', needId: 'n9', at: '2026-11-20T01:00:00.000Z' },
})

describe('服务清单', () => {
  it('shows each service with its status word and provider, and goes to 登记服务', async () => {
    const calls = serve({ listServices: ok({ items: [service('s1'), CLAIMED] }) })
    render(<TownshipServices />)
    expect(await screen.findByText('老年餐桌送餐上门')).toBeTruthy()
    expect(textOf(document.getElementById('service-s1'))).toContain('待认领养老助老')
    expect(textOf(document.getElementById('service-s1'))).toContain('提供方：社会组织东镇社工站')
    expect(textOf(document.getElementById('service-s2'))).toContain('待确认法律服务')
    expect(textOf(document.getElementById('service-s2'))).toContain('村里认领，11月20日09:00')
    expect(document.getElementById('service-confirm-s1')).toBeNull()
    tap('tw-offer')
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/township/pages/offer/index' })
    expect(calls.map((c) => [c.action, c.payload])).toEqual([['listServices', {}]])
  })

  it("confirms a village's claim for the provider: the list is read again", async () => {
    let confirmed = false
    const calls = serve({
      listServices: () => ok({ items: [confirmed ? { ...CLAIMED, status: 'matched' } : CLAIMED] }),
      confirmClaim: () => {
        confirmed = true
        return ok(entry('e1'))
      },
    })
    render(<TownshipServices />)
    await screen.findByText('法律咨询进村')
    tap('service-confirm-s2')
    await waitFor(() => expect(textOf(document.getElementById('service-s2'))).toContain('已对接'))
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listServices', {}],
      ['confirmClaim', { needId: 'n9' }],
      ['listServices', {}],
    ])
  })

  it('declines with a reason', async () => {
    const calls = serve({
      listServices: ok({ items: [CLAIMED] }),
      declineClaim: ok({}),
    })
    render(<TownshipServices />)
    await screen.findByText('法律咨询进村')
    tap('service-decline-s2')
    type('service-reason-s2', '这个月排满了')
    tap('service-decline-send-s2')
    await waitFor(() => expect(calls).toHaveLength(3))
    expect(calls[1]).toMatchObject({
      action: 'declineClaim',
      payload: { needId: 'n9', reason: '这个月排满了' },
    })
  })

  it('撤回 an open service: asks first, then the list is read again', async () => {
    let withdrawn = false
    const calls = serve({
      listServices: () =>
        ok({
          items: [withdrawn ? service('s1', { status: 'withdrawn' }) : service('s1'), CLAIMED],
        }),
      withdrawListing: () => {
        withdrawn = true
        return ok({ kind: 'service', service: service('s1', { status: 'withdrawn' }) })
      },
    })
    render(<TownshipServices />)
    await screen.findByText('老年餐桌送餐上门')
    // a village's claim is answered, not withdrawn, here
    expect(document.getElementById('service-withdraw-s2')).toBeNull()
    expect(document.getElementById('service-withdraw-claim-s2')).toBeNull()
    expect(document.getElementById('service-withdraw-s1')?.textContent).toBe('撤回这项服务')
    tap('service-withdraw-s1')
    await waitFor(() => expect(textOf(document.getElementById('service-s1'))).toContain('已撤回'))
    expect(taro.showModal).toHaveBeenCalledWith({
      title: '撤回服务',
      content: '撤回后，这项服务不再出现在服务清单上，村里也不能再认领。确定撤回吗？',
      confirmText: '撤回',
      cancelText: '先不',
    })
    expect(toast).toHaveBeenCalledWith({ title: '服务已撤回', icon: 'none' })
    expect(document.getElementById('service-withdraw-s1')).toBeNull()
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listServices', {}],
      ['withdrawListing', { kind: 'service', id: 's1' }],
      ['listServices', {}],
    ])
  })

  it('先不: nothing is sent', async () => {
    const calls = serve({ listServices: ok({ items: [service('s1')] }) })
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<TownshipServices />)
    await screen.findByText('老年餐桌送餐上门')
    tap('service-withdraw-s1')
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1))
    expect(calls.map((c) => c.action)).toEqual(['listServices'])
    expect(toast).not.toHaveBeenCalled()
  })

  it('says why the function refused a withdrawal', async () => {
    serve({
      listServices: ok({ items: [service('s1')] }),
      withdrawListing: refuse(
        'CONFLICT',
        '这项服务现在是“待确认”，不能撤回。请先拒绝认领或撤回认领。',
      ),
    })
    render(<TownshipServices />)
    await screen.findByText('老年餐桌送餐上门')
    tap('service-withdraw-s1')
    expect(
      await screen.findByText('这项服务现在是“待确认”，不能撤回。请先拒绝认领或撤回认领。'),
    ).toBeTruthy()
    expect(toast).not.toHaveBeenCalled()
  })

  it('撤回认领 of a claim made for the provider: both open again', async () => {
    const mine = service('s3', {
      status: 'claimed',
      claim: { by: 'provider', needId: 'n4', at: '2026-11-20T01:00:00.000Z' },
      mayTakeBackClaim: true,
    })
    let taken = false
    const calls = serve({
      listServices: () => ok({ items: [taken ? service('s3') : mine] }),
      withdrawClaim: () => {
        taken = true
        return ok({ need: {}, service: service('s3') })
      },
    })
    render(<TownshipServices />)
    await screen.findByText('老年餐桌送餐上门')
    expect(textOf(document.getElementById('service-s3'))).toContain('等村里确认')
    expect(document.getElementById('service-withdraw-s3')).toBeNull()
    tap('service-withdraw-claim-s3')
    await waitFor(() => expect(textOf(document.getElementById('service-s3'))).toContain('待认领'))
    expect(taro.showModal.mock.calls[0][0]).toMatchObject({
      title: '撤回认领',
      confirmText: '撤回认领',
    })
    expect(toast).toHaveBeenCalledWith({ title: '已撤回认领', icon: 'none' })
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listServices', {}],
      ['withdrawClaim', { kind: 'service', id: 's3' }],
      ['listServices', {}],
    ])
  })

  it('a claim made with a service another staff member registered: no 撤回认领 for this one', async () => {
    serve({
      listServices: ok({
        items: [
          service('s7', {
            status: 'claimed',
            claim: { by: 'provider', needId: 'n4', at: '2026-11-20T01:00:00.000Z' },
            mayTakeBackClaim: false,
          }),
        ],
      }),
    })
    render(<TownshipServices />)
    await screen.findByText('老年餐桌送餐上门')
    expect(textOf(document.getElementById('service-s7'))).toContain('等村里确认')
    expect(document.getElementById('service-withdraw-claim-s7')).toBeNull()
  })

  it('says so when nothing is registered yet', async () => {
    serve({ listServices: ok({ items: [] }) })
    render(<TownshipServices />)
    expect(await screen.findByText('还没有登记服务')).toBeTruthy()
  })
})

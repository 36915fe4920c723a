/** 服务清单: the township's services, 登记服务, and answering a village's claim on one. */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as TaroModule from '@tarojs/taro'
import TownshipServices from '../../../../src/packages/township/pages/services'
import { fakeTaro, ok, serve, textOf, type TaroFakes } from '../../pages/fakes'
import { entry, service } from './fixtures'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
beforeEach(() => {
  taro = fakeTaro()
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

  it('says so when nothing is registered yet', async () => {
    serve({ listServices: ok({ items: [] }) })
    render(<TownshipServices />)
    expect(await screen.findByText('还没有登记服务')).toBeTruthy()
  })
})

/**
 * 需求清单: the township's needs, 加载更多, pairing an open need with an open service, and taking
 * back (撤回认领) a match or a claim the village has not answered.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as TaroModule from '@tarojs/taro'
import TownshipNeeds from '../../../../src/packages/township/pages/needs'
import { fakeTaro, ok, refuse, serve, textOf, type TaroFakes } from '../../pages/fakes'
import { need, service } from './fixtures'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
let toast: jest.Mock
beforeEach(() => {
  taro = fakeTaro()
  toast = jest.fn(async () => undefined)
  ;(Taro as unknown as Record<string, unknown>).showToast = toast
  jest.spyOn(TaroModule, 'getCurrentInstance').mockReturnValue({
    router: { params: { townshipId: 'east' }, path: '/packages/township/pages/needs/index' },
  } as never)
})
afterEach(() => jest.restoreAllMocks())

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)

describe('需求清单', () => {
  it('shows each need large and plain with its status word, and reads the next page on 加载更多', async () => {
    const calls = serve({
      listNeeds: (p: { cursor?: string }) =>
        p.cursor
          ? ok({ items: [need('n3', { description: '河边装护栏', category: 'infrastructure' })] })
          : ok({
              items: [
                need('n1'),
                need('n2', {
                  status: 'claimed',
                  claim: { by: 'township', serviceId: 's1', at: '2026-11-20T01:00:00.000Z' },
                }),
              ],
              nextCursor: 'c1',
            }),
    })
    render(<TownshipNeeds />)
    expect(await screen.findAllByText('独居老人午餐配送')).toHaveLength(2)
    expect(textOf(document.getElementById('need-n1'))).toContain('待认领养老助老')
    expect(textOf(document.getElementById('need-n1'))).toContain('受益人数：12人')
    expect(textOf(document.getElementById('need-n2'))).toContain('待确认')
    expect(textOf(document.getElementById('need-n2'))).toContain('乡镇匹配，11月20日09:00')
    expect(textOf(document.getElementById('need-n2'))).toContain('等村里确认')
    expect(document.getElementById('need-assign-n2')).toBeNull()
    tap('tw-needs-more')
    expect(await screen.findByText('河边装护栏')).toBeTruthy()
    expect(document.getElementById('tw-needs-more')).toBeNull()
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listNeeds', { townshipId: 'east' }],
      ['listNeeds', { townshipId: 'east', cursor: 'c1' }],
    ])
  })

  it('匹配服务: reads the open services only when asked, and the need becomes 待确认', async () => {
    const calls = serve({
      listNeeds: ok({ items: [need('n1')] }),
      listServices: ok({ items: [service('s1')] }),
      assignPair: ok(
        need('n1', {
          status: 'claimed',
          claim: { by: 'township', serviceId: 's1', at: '2026-11-21T01:00:00.000Z' },
        }),
      ),
    })
    render(<TownshipNeeds />)
    await screen.findByText('独居老人午餐配送')
    expect(calls).toHaveLength(1)
    tap('need-assign-n1')
    expect(await screen.findByText('选一项服务，和这条需求对接')).toBeTruthy()
    expect(
      await screen.findByText('老年餐桌送餐上门（社会组织 东镇社工站，养老助老）'),
    ).toBeTruthy()
    tap('need-n1-service-s1')
    await waitFor(() => expect(textOf(document.getElementById('need-n1'))).toContain('等村里确认'))
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listNeeds', { townshipId: 'east' }],
      ['listServices', { townshipId: 'east', status: 'open' }],
      ['assignPair', { needId: 'n1', serviceId: 's1' }],
    ])
  })

  it('代服务方认领: says why the function refused', async () => {
    serve({
      listNeeds: ok({ items: [need('n1')] }),
      listServices: ok({ items: [service('s1')] }),
      claimNeed: refuse('FORBIDDEN', '只有登记这项服务的工作人员才能替服务方认领。'),
    })
    render(<TownshipNeeds />)
    await screen.findByText('独居老人午餐配送')
    tap('need-claim-n1')
    expect(await screen.findByText('选一项您登记的服务，替服务方认领')).toBeTruthy()
    await screen.findByText(/老年餐桌送餐上门（/)
    tap('need-n1-service-s1')
    expect(await screen.findByText('只有登记这项服务的工作人员才能替服务方认领。')).toBeTruthy()
  })

  it('撤回认领 of the township’s match: asks first, then the list is read again', async () => {
    const matched = need('n2', {
      status: 'claimed',
      claim: { by: 'township', serviceId: 's1', at: '2026-11-20T01:00:00.000Z' },
      mayTakeBackClaim: true,
    })
    let taken = false
    const calls = serve({
      listNeeds: () => ok({ items: [taken ? need('n2') : matched] }),
      withdrawClaim: () => {
        taken = true
        return ok({ need: need('n2'), service: service('s1') })
      },
    })
    render(<TownshipNeeds />)
    await screen.findByText('等村里确认')
    expect(document.getElementById('need-withdraw-claim-n2')?.textContent).toBe('撤回认领')
    tap('need-withdraw-claim-n2')
    await waitFor(() => expect(document.getElementById('need-assign-n2')).toBeTruthy())
    expect(textOf(document.getElementById('need-n2'))).toContain('待认领')
    expect(taro.showModal).toHaveBeenCalledWith({
      title: '撤回认领',
      content: '撤回后，这条需求和这项服务都回到“待认领”，可以重新对接。确定撤回吗？',
      confirmText: '撤回认领',
      cancelText: '先不',
    })
    expect(toast).toHaveBeenCalledWith({ title: '已撤回认领', icon: 'none' })
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listNeeds', { townshipId: 'east' }],
      ['withdrawClaim', { kind: 'need', id: 'n2' }],
      ['listNeeds', { townshipId: 'east' }],
    ])
  })

  it('a village’s claim waits for the provider: nothing to take back here, nor an open need to withdraw', async () => {
    serve({
      listNeeds: ok({
        items: [
          need('n1'),
          need('n5', {
            status: 'claimed',
            claim: { by: 'village', serviceId: 's1', at: '2026-11-20T01:00:00.000Z' },
          }),
        ],
      }),
    })
    render(<TownshipNeeds />)
    await screen.findByText('等服务方确认')
    expect(document.getElementById('need-withdraw-claim-n5')).toBeNull()
    // a need is its village's to withdraw
    expect(textOf(document.getElementById('need-n1'))).not.toContain('撤回')
  })

  it('says why the function refused taking back a claim', async () => {
    serve({
      listNeeds: ok({
        items: [
          need('n2', {
            status: 'claimed',
            claim: { by: 'provider', serviceId: 's1', at: '2026-11-20T01:00:00.000Z' },
            mayTakeBackClaim: true,
          }),
        ],
      }),
      withdrawClaim: refuse('FORBIDDEN', '只有认领的一方可以撤回这次认领。'),
    })
    render(<TownshipNeeds />)
    await screen.findByText('等村里确认')
    tap('need-withdraw-claim-n2')
    expect(await screen.findByText('只有认领的一方可以撤回这次认领。')).toBeTruthy()
    expect(toast).not.toHaveBeenCalled()
  })

  it('a provider’s claim another staff member made: no 撤回认领 for this one', async () => {
    serve({
      listNeeds: ok({
        items: [
          need('n6', {
            status: 'claimed',
            claim: { by: 'provider', serviceId: 's1', at: '2026-11-20T01:00:00.000Z' },
            mayTakeBackClaim: false,
          }),
        ],
      }),
    })
    render(<TownshipNeeds />)
    await screen.findByText('等村里确认')
    expect(document.getElementById('need-withdraw-claim-n6')).toBeNull()
  })

  it('says so when there is no need yet', async () => {
    serve({ listNeeds: ok({ items: [] }) })
    render(<TownshipNeeds />)
    expect(await screen.findByText('还没有需求')).toBeTruthy()
  })
})

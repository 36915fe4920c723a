/** 需求清单: the township's needs, 加载更多, and pairing an open need with an open service. */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as TaroModule from '@tarojs/taro'
import TownshipNeeds from '../../../../src/packages/township/pages/needs'
import { fakeTaro, ok, refuse, serve, textOf } from '../../pages/fakes'
import { need, service } from './fixtures'

configure({ asyncUtilTimeout: 5000 })

beforeEach(() => {
  fakeTaro()
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

  it('says so when there is no need yet', async () => {
    serve({ listNeeds: ok({ items: [] }) })
    render(<TownshipNeeds />)
    expect(await screen.findByText('还没有需求')).toBeTruthy()
  })
})

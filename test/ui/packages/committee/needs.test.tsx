/** 需求与服务: the committee raises a need, confirms a match, claims a service, rates an entry. */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as TaroModule from '@tarojs/taro'
import VillageNeeds from '../../../../src/packages/committee/pages/needs'
import { fakeTaro, ok, serve, textOf } from '../../pages/fakes'
import { entry, need, service } from '../township/fixtures'

configure({ asyncUtilTimeout: 5000 })

const params = (p: Record<string, string>) =>
  jest.spyOn(TaroModule, 'getCurrentInstance').mockReturnValue({
    router: { params: p, path: '/packages/committee/pages/needs/index' },
  } as never)

beforeEach(() => {
  fakeTaro()
  params({})
})
afterEach(() => jest.restoreAllMocks())

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

const MATCHED = need('n2', {
  description: '村道两侧路灯维修',
  category: 'infrastructure',
  status: 'claimed',
  claim: { by: 'township', serviceId: 's1', at: '2026-11-20T01:00:00.000Z' },
})

describe('需求与服务', () => {
  it('raises a need gathered from a matter, checked before sending', async () => {
    params({ matterId: 'm1' })
    let raised = false
    const calls = serve({
      listNeeds: () => ok({ items: raised ? [need('n1')] : [] }),
      raiseNeed: () => {
        raised = true
        return ok(need('n1'))
      },
    })
    render(<VillageNeeds />)
    expect(await screen.findByText('从村民提的事整理成需求')).toBeTruthy()
    tap('vneeds-form-submit')
    expect(await screen.findByText('请选择类别')).toBeTruthy()
    tap('need-category-elderly')
    type('need-description', '独居老人午餐配送')
    type('need-place', '村东头')
    type('need-when', '每周一、三、五中午')
    type('need-people', '12')
    tap('vneeds-form-submit')
    expect(await screen.findByText('独居老人午餐配送')).toBeTruthy()
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listNeeds', {}],
      [
        'raiseNeed',
        {
          category: 'elderly',
          description: '独居老人午餐配送',
          place: '村东头',
          when: '每周一、三、五中午',
          peopleAffected: 12,
          matterId: 'm1',
        },
      ],
      ['listNeeds', {}],
    ])
  })

  it("confirms the township's match: the list is read again", async () => {
    let confirmed = false
    const calls = serve({
      listNeeds: () => ok({ items: [confirmed ? { ...MATCHED, status: 'matched' } : MATCHED] }),
      confirmClaim: () => {
        confirmed = true
        return ok(entry('e1'))
      },
    })
    render(<VillageNeeds />)
    expect(await screen.findByText(/乡镇为这条需求匹配了服务/)).toBeTruthy()
    tap('vneed-confirm-n2')
    await waitFor(() => expect(textOf(document.getElementById('vneed-n2'))).toContain('已对接'))
    expect(calls[1]).toMatchObject({ action: 'confirmClaim', payload: { needId: 'n2' } })
  })

  it('claims an open service of the township for one of its open needs', async () => {
    const calls = serve({
      listNeeds: ok({ items: [need('n1')] }),
      listServices: ok({ items: [service('s1')] }),
      claimService: ok(service('s1', { status: 'claimed' })),
    })
    render(<VillageNeeds />)
    await screen.findByText('独居老人午餐配送')
    tap('vneeds-tab-services')
    expect(await screen.findByText('老年餐桌送餐上门')).toBeTruthy()
    tap('vservice-claim-s1')
    expect(await screen.findByText('用在哪条需求上？')).toBeTruthy()
    tap('vservice-s1-need-n1')
    await waitFor(() => expect(calls.filter((c) => c.action === 'listServices')).toHaveLength(2))
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listNeeds', {}],
      ['listServices', {}],
      ['listNeeds', { status: 'open' }],
      ['claimService', { needId: 'n1', serviceId: 's1' }],
      ['listServices', {}],
    ])
  })

  it('rates a completed ledger entry', async () => {
    const calls = serve({
      listNeeds: ok({ items: [] }),
      listLedger: ok({ month: '2026-11', items: [entry('e1', { status: 'completed' })] }),
      rateLedgerEntry: ok(
        entry('e1', {
          status: 'completed',
          rating: { score: 4, comment: '', at: '2026-11-21T01:00:00.000Z' },
        }),
      ),
    })
    render(<VillageNeeds />)
    await screen.findByText('还没有提过需求')
    tap('vneeds-tab-ledger')
    expect(await screen.findByText('办得怎么样？请打分（5 分最好）')).toBeTruthy()
    tap('ventry-score-e1-4')
    expect(document.getElementById('ventry-score-e1-4')?.textContent).toBe('4 分（已选）')
    tap('ventry-rate-e1')
    expect(await screen.findByText('已评价：4 分')).toBeTruthy()
    expect(calls[2]).toMatchObject({
      action: 'rateLedgerEntry',
      payload: { entryId: 'e1', score: 4, comment: '' },
    })
  })
})

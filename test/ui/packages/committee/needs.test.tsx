/**
 * 需求与服务: the committee raises a need, confirms a match, claims a service, rates an entry, and
 * takes back (撤回) an open need or (撤回认领) its own claim not yet answered.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as TaroModule from '@tarojs/taro'
import VillageNeeds from '../../../../src/packages/committee/pages/needs'
import { fakeTaro, ok, refuse, serve, textOf, type TaroFakes } from '../../pages/fakes'
import { entry, need, service } from '../township/fixtures'

configure({ asyncUtilTimeout: 5000 })

const params = (p: Record<string, string>) =>
  jest.spyOn(TaroModule, 'getCurrentInstance').mockReturnValue({
    router: { params: p, path: '/packages/committee/pages/needs/index' },
  } as never)

let taro: TaroFakes
let toast: jest.Mock
beforeEach(() => {
  taro = fakeTaro()
  toast = jest.fn(async () => undefined)
  ;(Taro as unknown as Record<string, unknown>).showToast = toast
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

/** Our own claim of a service, waiting for the provider. */
const OURS = need('n3', {
  description: '老人理发',
  status: 'claimed',
  claim: { by: 'village', serviceId: 's1', at: '2026-11-20T01:00:00.000Z' },
})

describe('需求与服务: 撤回 and 撤回认领', () => {
  it('撤回 an open need: asks first, then the list is read again', async () => {
    let withdrawn = false
    const calls = serve({
      listNeeds: () =>
        ok({ items: [withdrawn ? need('n1', { status: 'withdrawn' }) : need('n1'), MATCHED] }),
      withdrawListing: () => {
        withdrawn = true
        return ok({ kind: 'need', need: need('n1', { status: 'withdrawn' }) })
      },
    })
    render(<VillageNeeds />)
    await screen.findByText('独居老人午餐配送')
    // the township's match waits for us to answer it: nothing of ours to take back
    expect(document.getElementById('vneed-withdraw-n2')).toBeNull()
    expect(document.getElementById('vneed-withdraw-claim-n2')).toBeNull()
    expect(document.getElementById('vneed-withdraw-n1')?.textContent).toBe('撤回这条需求')
    tap('vneed-withdraw-n1')
    await waitFor(() => expect(textOf(document.getElementById('vneed-n1'))).toContain('已撤回'))
    expect(taro.showModal).toHaveBeenCalledWith({
      title: '撤回需求',
      content: '撤回后，这条需求不再出现在乡镇的需求清单上，也不能再对接。确定撤回吗？',
      confirmText: '撤回',
      cancelText: '先不',
    })
    expect(toast).toHaveBeenCalledWith({ title: '需求已撤回', icon: 'none' })
    expect(document.getElementById('vneed-withdraw-n1')).toBeNull()
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listNeeds', {}],
      ['withdrawListing', { kind: 'need', id: 'n1' }],
      ['listNeeds', {}],
    ])
  })

  it('先不: nothing is sent', async () => {
    const calls = serve({ listNeeds: ok({ items: [need('n1')] }) })
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<VillageNeeds />)
    await screen.findByText('独居老人午餐配送')
    tap('vneed-withdraw-n1')
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1))
    expect(calls.map((c) => c.action)).toEqual(['listNeeds'])
    expect(toast).not.toHaveBeenCalled()
  })

  it('撤回认领 of our own claim: both open again, the list read again', async () => {
    let taken = false
    const calls = serve({
      listNeeds: () => ok({ items: [taken ? need('n3', { description: '老人理发' }) : OURS] }),
      withdrawClaim: () => {
        taken = true
        return ok({ need: need('n3', { description: '老人理发' }), service: service('s1') })
      },
    })
    render(<VillageNeeds />)
    expect(await screen.findByText('等服务方确认')).toBeTruthy()
    expect(document.getElementById('vneed-withdraw-n3')).toBeNull()
    tap('vneed-withdraw-claim-n3')
    await waitFor(() => expect(document.getElementById('vneed-withdraw-n3')).toBeTruthy())
    expect(textOf(document.getElementById('vneed-n3'))).toContain('待认领')
    expect(taro.showModal.mock.calls[0][0]).toMatchObject({
      title: '撤回认领',
      confirmText: '撤回认领',
      cancelText: '先不',
    })
    expect(toast).toHaveBeenCalledWith({ title: '已撤回认领', icon: 'none' })
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listNeeds', {}],
      ['withdrawClaim', { kind: 'need', id: 'n3' }],
      ['listNeeds', {}],
    ])
  })

  it('says why the function refused, in its words', async () => {
    serve({
      listNeeds: ok({ items: [OURS] }),
      withdrawClaim: refuse('CONFLICT', '这条需求现在是“已对接”，不能撤回认领。'),
    })
    render(<VillageNeeds />)
    await screen.findByText('等服务方确认')
    tap('vneed-withdraw-claim-n3')
    expect(await screen.findByText('这条需求现在是“已对接”，不能撤回认领。')).toBeTruthy()
    expect(toast).not.toHaveBeenCalled()
  })
})

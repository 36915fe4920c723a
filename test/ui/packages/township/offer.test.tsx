/** 登记服务: checked with the function's own schema, then offerService. */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as TaroModule from '@tarojs/taro'
import OfferService from '../../../../src/packages/township/pages/offer'
import { fakeTaro, ok, serve } from '../../pages/fakes'
import { service } from './fixtures'

configure({ asyncUtilTimeout: 5000 })

let navigateBack: jest.Mock
beforeEach(() => {
  fakeTaro()
  navigateBack = jest.fn(async () => undefined)
  Object.assign(Taro as unknown as Record<string, unknown>, { navigateBack })
  jest.spyOn(TaroModule, 'getCurrentInstance').mockReturnValue({
    router: { params: { townshipId: 'east' }, path: '/packages/township/pages/offer/index' },
  } as never)
})
afterEach(() => jest.restoreAllMocks())

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

describe('登记服务', () => {
  it('names what is missing before sending anything', async () => {
    const calls = serve({})
    render(<OfferService />)
    tap('offer-submit')
    expect(await screen.findByText('请选择类别')).toBeTruthy()
    expect(screen.getByText('请选择提供方类型（社会组织、企业或在职党员）')).toBeTruthy()
    expect(calls).toEqual([])
  })

  it('sends the service for the township it was opened for, and goes back', async () => {
    const calls = serve({ offerService: ok(service('s1')) })
    render(<OfferService />)
    tap('offer-kind-organisation')
    expect(document.getElementById('offer-kind-organisation')?.textContent).toBe('社会组织（已选）')
    tap('offer-category-elderly')
    type('offer-what', '老年餐桌送餐上门')
    type('offer-providerName', '东镇社工站')
    type('offer-capacity', '30 人')
    type('offer-area', '东镇各村')
    type('offer-time', '工作日中午')
    tap('offer-submit')
    await waitFor(() => expect(navigateBack).toHaveBeenCalled())
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      [
        'offerService',
        {
          providerKind: 'organisation',
          providerName: '东镇社工站',
          category: 'elderly',
          what: '老年餐桌送餐上门',
          capacity: '30 人',
          area: '东镇各村',
          time: '工作日中午',
          townshipId: 'east',
        },
      ],
    ])
  })
})

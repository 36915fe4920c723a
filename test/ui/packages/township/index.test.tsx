/** 工作台: the caller's units (myStaff), or the 启用码 form (claimStaff) when they hold none. */
import { configure, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Workbench from '../../../../src/packages/township/pages/index'
import { fakeTaro, ok, refuse, serve, textOf, type TaroFakes } from '../../pages/fakes'
import { STAFF } from './fixtures'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
beforeEach(() => {
  taro = fakeTaro()
})

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

describe('工作台', () => {
  it("shows a township's staff its unit and the way to its lists and ledger, in one call", async () => {
    const calls = serve({ myStaff: ok({ staff: [STAFF] }) })
    render(<Workbench />)
    expect(await screen.findByText('东镇')).toBeTruthy()
    expect(textOf(document.querySelector('#tw-unit-tsa .tw__meta'))).toBe(
      '乡镇（街道）周干部工作人员',
    )
    tap('tw-needs-tsa')
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/township/pages/needs/index?townshipId=east',
    })
    tap('tw-ledger-tsa')
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/township/pages/ledger/index?townshipId=east',
    })
    tap('tw-dashboard-tsa')
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/township/pages/dashboard/index?unit=township&townshipId=east',
    })
    expect(calls.map((c) => c.action)).toEqual(['myStaff'])
  })

  it("tells a department's staff what comes to them", async () => {
    serve({
      myStaff: ok({
        staff: [
          {
            ...STAFF,
            id: 'w1',
            unitName: '区水务局',
            unit: { kind: 'department', districtId: 'd1', departmentId: 'water' },
          },
        ],
      }),
    })
    render(<Workbench />)
    expect(await screen.findByText('区水务局')).toBeTruthy()
    expect(document.getElementById('tw-needs-w1')).toBeNull()
  })

  it("gives the district's staff the district's 数据看板", async () => {
    serve({
      myStaff: ok({
        staff: [
          {
            ...STAFF,
            id: 'dd',
            unitName: '河西区',
            unit: { kind: 'district', districtId: 'd1' },
          },
        ],
      }),
    })
    render(<Workbench />)
    expect(await screen.findByText('河西区')).toBeTruthy()
    expect(document.getElementById('tw-ledger-dd')).toBeNull()
    tap('tw-dashboard-dd')
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/township/pages/dashboard/index?unit=district',
    })
  })

  it('「有吹哨时提醒我」 subscribes that staff record (H5: no dialog, counts as accepted)', async () => {
    const water = {
      ...STAFF,
      id: 'w1',
      unitName: '区水务局',
      unit: { kind: 'department', districtId: 'd1', departmentId: 'water' },
    }
    const calls = serve({
      myStaff: ok({ staff: [STAFF, water] }),
      subscribe: ok({ subscribed: true }),
    })
    render(<Workbench />)
    expect(await screen.findByText('区水务局')).toBeTruthy()
    expect(textOf(document.querySelector('#tw-notify-w1 .tw__row-hint'))).toBe(
      '村里向本单位吹哨时，用微信消息提醒一次',
    )
    expect(textOf(document.querySelector('#tw-notify-tsa .tw__row-hint'))).toBe(
      '吹哨超时转到这里时，用微信消息提醒一次',
    )
    tap('tw-notify-w1')
    expect(await screen.findByText('好的，到时会给您发微信通知。')).toBeTruthy()
    expect(calls.map((c) => [c.fn, c.action, c.payload])).toEqual([
      ['township', 'myStaff', {}],
      [
        'notifications',
        'subscribe',
        { topic: 'staff', subjectId: 'w1', templateIds: ['local-whistle'] },
      ],
    ])
    // the other unit's row is untouched
    expect(textOf(document.querySelector('#tw-notify-tsa .tw__row-hint'))).toBe(
      '吹哨超时转到这里时，用微信消息提醒一次',
    )
  })

  it('in WeChat, asks with the dialog and tells the back end nothing when it is declined', async () => {
    const ask = jest.fn(async () => ({
      errMsg: 'requestSubscribeMessage:ok',
      'local-whistle': 'reject',
    }))
    Object.assign(Taro as unknown as Record<string, unknown>, { requestSubscribeMessage: ask })
    const calls = serve({ myStaff: ok({ staff: [STAFF] }) })
    render(<Workbench />)
    await screen.findByText('东镇')
    // the page loaded over H5's HTTP; the tap now runs as in WeChat (the dialog answers)
    const env = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    try {
      tap('tw-notify-tsa')
      expect(await screen.findByText('您没有同意接收通知，可以随时再点一次。')).toBeTruthy()
    } finally {
      process.env.TARO_ENV = env
    }
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['local-whistle'] })
    expect(calls.map((c) => c.action)).toEqual(['myStaff'])
  })

  it('asks someone with no staff record for the 启用码, checks it, and shows the unit once claimed', async () => {
    const calls = serve({
      myStaff: ok({ staff: [] }),
      claimStaff: (p: { code: string }) =>
        p.code === 'ABCDEFGHJKLM' ? ok(STAFF) : refuse('NOT_FOUND', '启用码不对，或者已经用过了。'),
    })
    render(<Workbench />)
    expect(await screen.findByText('工作人员启用')).toBeTruthy()
    tap('tw-claim-submit')
    expect(await screen.findByText(/启用码/, { selector: '#tw-claim-code-error' })).toBeTruthy()
    type('tw-claim-code', 'abcd-efgh-jklm')
    tap('tw-claim-submit')
    expect(await screen.findByText('东镇')).toBeTruthy()
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['myStaff', {}],
      ['claimStaff', { code: 'ABCDEFGHJKLM' }],
    ])
  })

  it('says why a code was refused', async () => {
    serve({
      myStaff: ok({ staff: [] }),
      claimStaff: refuse('NOT_FOUND', '启用码不对，或者已经用过了。'),
    })
    render(<Workbench />)
    await screen.findByText('工作人员启用')
    type('tw-claim-code', 'ABCD-EFGH-JKLN')
    tap('tw-claim-submit')
    expect(await screen.findByText('启用码不对，或者已经用过了。')).toBeTruthy()
  })
})

/** 吹哨报到 on the committee's matter page: the choices read when asked, then blowWhistle. */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { CommitteeMatterScreen } from '../../../../src/packages/committee/pages/matter'
import { fixShanghaiClock } from '../../../support/clock'
import { detail } from '../matters/detail/fixtures'
import { fakeTaro, ok, serve } from '../../pages/fakes'
import { whistle } from '../township/fixtures'

configure({ asyncUtilTimeout: 5000 })

beforeEach(() => {
  fixShanghaiClock('2026-11-21T09:00:00')
  fakeTaro()
})
afterEach(() => jest.useRealTimers())

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)

const OPTIONS = {
  departments: [
    { id: 'water', name: '区水务局', level: 'district', categories: ['roadsUtilities'] },
    { id: 'station', name: '东镇综治中心', level: 'township', categories: ['neighbourhood'] },
  ],
  tiers: [
    { tier: 'danger', label: '危及生命财产安全', responseHours: 2 },
    { tier: 'utilities', label: '水电气热', responseHours: 24 },
  ],
}

describe('处理事项: 吹哨报到', () => {
  it('reads the departments and tiers only when asked, says what is missing, then blows', async () => {
    const calls = serve({
      getMatter: ok(detail({ status: 'accepted', can: [] })),
      whistleOptions: ok(OPTIONS),
      blowWhistle: ok(whistle('w1')),
    })
    render(<CommitteeMatterScreen matterId="m1" />)
    await screen.findByText('吹哨报到')
    expect(calls.map((c) => c.action)).toEqual(['getMatter'])
    tap('cmatter-whistle-open')
    expect(await screen.findByText('区水务局（区直部门）')).toBeTruthy()
    expect(screen.getByText('危及生命财产安全：2 小时内报到')).toBeTruthy()
    tap('cmatter-whistle-send')
    expect(await screen.findByText('请选择向哪个部门吹哨。')).toBeTruthy()
    tap('cmatter-whistle-dept-water')
    expect(document.getElementById('cmatter-whistle-dept-water')?.textContent).toBe(
      '区水务局（区直部门）（已选）',
    )
    tap('cmatter-whistle-tier-utilities')
    tap('cmatter-whistle-send')
    expect(await screen.findByText('已向区水务局吹哨：还剩 23 小时')).toBeTruthy()
    await waitFor(() => expect(calls.filter((c) => c.action === 'getMatter')).toHaveLength(2))
    expect(calls.find((c) => c.action === 'blowWhistle')?.payload).toEqual({
      matterId: 'm1',
      departmentId: 'water',
      tier: 'utilities',
      note: '',
    })
  })

  it('is not offered on a matter that has ended', async () => {
    serve({ getMatter: ok(detail({ status: 'closed', can: [] })) })
    render(<CommitteeMatterScreen matterId="m1" />)
    await waitFor(() => expect(document.getElementById('cmatter-title')).toBeTruthy())
    expect(document.getElementById('cmatter-whistle')).toBeNull()
  })
})

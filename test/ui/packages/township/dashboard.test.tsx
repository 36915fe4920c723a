/** 数据看板: the month's figures, the twelve months as bars, another month, and a month with nothing counted. */
import { configure, fireEvent, render, screen } from '@testing-library/react'
import * as TaroModule from '@tarojs/taro'
import type { DashboardMonth, DashboardView } from '../../../../types/api/township'
import { METRIC_DEFINITIONS } from '../../../../domain/dashboard/metrics'
import Dashboard from '../../../../src/packages/township/pages/dashboard'
import { shiftMonth } from '../../../../src/packages/township/shared/words'
import { fakeTaro, ok, serve, textOf } from '../../pages/fakes'

configure({ asyncUtilTimeout: 5000 })

const opened = (params: Record<string, string>) =>
  jest.spyOn(TaroModule, 'getCurrentInstance').mockReturnValue({
    router: { params, path: '/packages/township/pages/dashboard/index' },
  } as never)

beforeEach(() => {
  fakeTaro()
  jest.useFakeTimers({ now: new Date('2026-11-21T01:00:00.000Z'), doNotFake: ['setTimeout'] })
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const byId = (id: string) => document.getElementById(id)

const NONE = { numerator: 0, denominator: 0, text: '—' }

const empty = (month: string): DashboardMonth => ({
  month,
  raised: 0,
  responseRate: NONE,
  resolutionRate: NONE,
  satisfactionRate: NONE,
  overdueByDepartment: [],
  matchesMade: 0,
  matchesCompleted: 0,
})

const NOV: DashboardMonth = {
  month: '2026-11',
  raised: 23,
  responseRate: { numerator: 193, denominator: 200, text: '96.5%' },
  resolutionRate: { numerator: 3, denominator: 4, text: '75%' },
  satisfactionRate: { numerator: 9, denominator: 10, text: '90%' },
  overdueByDepartment: [
    { departmentId: 'water', name: '区水务局', count: 3 },
    { departmentId: 'police', name: '镇派出所', count: 1 },
  ],
  matchesMade: 5,
  matchesCompleted: 2,
}

function answer(current: DashboardMonth, unit: DashboardView['unit'] = 'township'): DashboardView {
  const series = Array.from({ length: 12 }, (_, i) => empty(shiftMonth(current.month, i - 11)))
  series[11] = current
  return {
    unit,
    unitId: 'east',
    villages: 8,
    current,
    series,
    definitions: METRIC_DEFINITIONS,
  }
}

describe('数据看板', () => {
  it("shows the month's figures, each rate with what it counts, in one call", async () => {
    opened({ unit: 'township', townshipId: 'east' })
    const calls = serve({ getDashboard: ok(answer(NOV)) })
    render(<Dashboard />)
    expect(await screen.findByText('本乡镇（街道）数据看板')).toBeTruthy()
    expect(textOf(byId('db-month'))).toBe('2026年11月')
    expect(textOf(byId('db-responseRate'))).toBe('响应率96.5%193/200到期200件，按时答复193件')
    expect(textOf(byId('db-resolutionRate'))).toBe('解决率75%3/4受理4件，已经办结3件')
    expect(textOf(byId('db-satisfactionRate'))).toBe('满意率90%9/10收到评价10个，打4分或5分的9个')
    expect(textOf(byId('db-raised'))).toBe('本月提事23件')
    expect(textOf(byId('db-matches'))).toBe('两张清单对接5件完成2件')
    expect(textOf(byId('db-overdue-water'))).toBe('区水务局：3件')
    expect(textOf(byId('db-overdue-police'))).toBe('镇派出所：1件')
    // The twelve months: a bar as wide as the rate, its text beside it.
    const rows = document.querySelectorAll('#db-series-responseRate .db__bar-row')
    expect(rows).toHaveLength(12)
    const nov = byId('db-series-responseRate-2026-11') as HTMLElement
    expect(textOf(nov)).toBe('2026年11月96.5%（193/200）')
    expect((nov.querySelector('.db__bar') as HTMLElement).style.width).toBe('96.5%')
    expect(textOf(byId('db-definitions'))).toContain(
      METRIC_DEFINITIONS.responseRate.definition.replace(/\s+/g, ''),
    )
    // This month is the latest: no 下个月.
    expect(byId('db-next')).toBeNull()
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['getDashboard', { unit: 'township', townshipId: 'east' }],
    ])
  })

  it('says 暂无数据 where nothing was counted, and reads the month before', async () => {
    opened({ unit: 'village' })
    const calls = serve({
      getDashboard: (p: { month?: string }) =>
        ok(p.month ? answer(empty(p.month), 'village') : answer(NOV, 'village')),
    })
    render(<Dashboard />)
    expect(await screen.findByText('本村数据看板')).toBeTruthy()
    tap('db-prev')
    expect(await screen.findByText('2026年10月', { selector: '#db-month' })).toBeTruthy()
    for (const key of ['responseRate', 'resolutionRate', 'satisfactionRate']) {
      expect(textOf(byId(`db-${key}-text`))).toBe('—')
      expect(textOf(byId(`db-${key}-count`))).toBe('暂无数据')
      expect(byId(`db-${key}-words`)).toBeNull()
    }
    expect(textOf(byId('db-raised'))).toBe('本月提事0件')
    expect(textOf(byId('db-overdue'))).toBe('超时未报到本月没有超时未报到的吹哨')
    const oct = byId('db-series-satisfactionRate-2026-10') as HTMLElement
    expect(textOf(oct)).toBe('2026年10月暂无数据')
    expect((oct.querySelector('.db__bar') as HTMLElement).style.width).toBe('0%')
    expect(byId('db-next')).toBeTruthy()
    expect(calls.map((c) => c.payload)).toEqual([
      { unit: 'village' },
      { unit: 'village', month: '2026-10' },
    ])
  })

  it('opens the month of its query', async () => {
    opened({ unit: 'district', month: '2026-09' })
    const calls = serve({ getDashboard: ok(answer(empty('2026-09'), 'district')) })
    render(<Dashboard />)
    expect(await screen.findByText('全区数据看板')).toBeTruthy()
    expect(calls.map((c) => c.payload)).toEqual([{ unit: 'district', month: '2026-09' }])
  })
})

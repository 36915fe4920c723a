/** 台账: one month by category, 进展, 办结, another month, 导出 (a download in the browser). */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as TaroModule from '@tarojs/taro'
import TownshipLedger from '../../../../src/packages/township/pages/ledger'
import { fakeTaro, ok, serve, textOf } from '../../pages/fakes'
import { entry } from './fixtures'

configure({ asyncUtilTimeout: 5000 })

beforeEach(() => {
  fakeTaro()
  jest.spyOn(TaroModule, 'getCurrentInstance').mockReturnValue({
    router: { params: {}, path: '/packages/township/pages/ledger/index' },
  } as never)
})
afterEach(() => jest.restoreAllMocks())

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

const NOV = {
  month: '2026-11',
  items: [
    entry('e1'),
    entry('e2', {
      category: 'legal',
      needDescription: '宅基地纠纷咨询',
      status: 'completed',
      rating: { score: 5, comment: '很及时', at: '2026-11-20T01:00:00.000Z' },
    }),
  ],
}

describe('台账', () => {
  it('shows the month by category, each entry with its status word', async () => {
    const calls = serve({ listLedger: ok(NOV) })
    render(<TownshipLedger />)
    expect(await screen.findByText('2026年11月台账')).toBeTruthy()
    const sections = Array.from(document.querySelectorAll('#tw-ledger-list .tw__section')).map(
      (e) => e.textContent,
    )
    expect(sections).toEqual(['养老助老', '法律服务'])
    expect(textOf(document.getElementById('entry-status-e1'))).toBe('进行中')
    expect(textOf(document.getElementById('entry-rating-e2'))).toBe('村里评价：5分，很及时')
    expect(document.getElementById('entry-complete-e2')).toBeNull()
    expect(calls.map((c) => [c.action, c.payload])).toEqual([['listLedger', {}]])
  })

  it('adds 进展 and 办结 in place', async () => {
    const calls = serve({
      listLedger: ok(NOV),
      addLedgerProgress: ok(
        entry('e1', { progress: [{ at: '2026-11-21T01:00:00.000Z', text: '第一次送餐已完成' }] }),
      ),
      completeLedgerEntry: ok(
        entry('e1', {
          status: 'completed',
          progress: [{ at: '2026-11-21T01:00:00.000Z', text: '第一次送餐已完成' }],
        }),
      ),
    })
    render(<TownshipLedger />)
    await screen.findByText('2026年11月台账')
    type('entry-text-e1', '第一次送餐已完成')
    tap('entry-progress-send-e1')
    await waitFor(() =>
      expect(textOf(document.getElementById('entry-progress-e1'))).toContain('第一次送餐已完成'),
    )
    tap('entry-complete-e1')
    await waitFor(() => expect(textOf(document.getElementById('entry-status-e1'))).toBe('已完成'))
    expect(calls.map((c) => c.action)).toEqual([
      'listLedger',
      'addLedgerProgress',
      'completeLedgerEntry',
    ])
  })

  it('reads the month before, and says when it is empty', async () => {
    const calls = serve({
      listLedger: (p: { month?: string }) =>
        p.month ? ok({ month: p.month, items: [] }) : ok(NOV),
    })
    render(<TownshipLedger />)
    await screen.findByText('2026年11月台账')
    tap('tw-ledger-prev')
    expect(await screen.findByText('2026年10月台账')).toBeTruthy()
    expect(screen.getByText('这个月还没有台账')).toBeTruthy()
    expect(calls.map((c) => c.payload)).toEqual([{}, { month: '2026-10' }])
  })

  it('导出: downloads the CSV in the browser', async () => {
    const created: string[] = []
    URL.createObjectURL = jest.fn(() => {
      created.push('blob')
      return 'blob:ledger'
    })
    URL.revokeObjectURL = jest.fn()
    const calls = serve({
      listLedger: ok(NOV),
      exportLedger: ok({ filename: '台账-东镇-2026-11.csv', csv: '类别,需求\n养老助老,午餐\n' }),
    })
    render(<TownshipLedger />)
    await screen.findByText('2026年11月台账')
    tap('tw-ledger-export')
    expect(await screen.findByText('台账文件已下载：台账-东镇-2026-11.csv')).toBeTruthy()
    expect(created).toHaveLength(1)
    expect(calls[1]).toMatchObject({ action: 'exportLedger', payload: { month: '2026-11' } })
  })
})

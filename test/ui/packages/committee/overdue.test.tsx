/** 超期未答复: every overdue matter (all pages of listMatters), the longest waiting first. */
import { configure, fireEvent, render, screen } from '@testing-library/react'
import Overdue from '../../../../src/packages/committee/pages/overdue'
import { fixShanghaiClock } from '../../../support/clock'
import { fakeTaro, matter, ok, serve, VILLAGE, type TaroFakes } from '../../pages/fakes'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
beforeEach(() => {
  fixShanghaiClock('2026-11-21T09:00:00')
  taro = fakeTaro()
})
afterEach(() => jest.useRealTimers())

const ME = ok({ member: null, village: VILLAGE })
const late = (id: string, title: string, raisedAt: string) =>
  matter(id, title, { overdue: true, raisedAt })

describe('超期未答复', () => {
  it('reads every page, oldest first, each with how long it is overdue', async () => {
    // The function answers newest first, a page at a time.
    const calls = serve({
      getMe: ME,
      listMatters: (p: { cursor?: string }) =>
        p.cursor
          ? ok({ items: [late('old', '垃圾桶不够用', '2026-11-16T01:00:00.000Z')] })
          : ok({
              items: [late('new', '水沟堵了', '2026-11-17T23:30:00.000Z')],
              nextCursor: 'c1',
            }),
    })
    render(<Overdue />)
    await screen.findByText('垃圾桶不够用')
    const titles = Array.from(document.querySelectorAll('#overdue-list .overdue__title')).map(
      (e) => e.textContent,
    )
    expect(titles).toEqual(['垃圾桶不够用', '水沟堵了'])
    // Raised 16th 09:00, 3 days: due 19th 09:00 — 2 days late; raised 18th 07:30: 1.5 h late.
    expect(document.querySelector('#overdue-old .overdue__late')?.textContent).toBe('已超期 2 天')
    expect(document.querySelector('#overdue-new .overdue__late')?.textContent).toBe('已超期 1 小时')
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['getMe', {}],
      ['listMatters', { overdue: true, mine: false, limit: 50 }],
      ['listMatters', { overdue: true, mine: false, limit: 50, cursor: 'c1' }],
    ])
    fireEvent.click(document.getElementById('overdue-old') as HTMLElement)
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/committee/pages/matter/index?id=old',
    })
  })

  it('says so when nothing is overdue', async () => {
    serve({ getMe: ME, listMatters: ok({ items: [] }) })
    render(<Overdue />)
    expect(await screen.findByText('没有超期的事')).toBeTruthy()
  })
})

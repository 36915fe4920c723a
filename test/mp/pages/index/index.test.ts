/**
 * The compiled WeChat home page shows the right next 说事日 for a clock fixed by the test.
 */
import { cloudAnswers, renderPage, waitFor } from '../../support/weapp'
import { fixShanghaiClock } from '../../../support/clock'

const text = (node: { dom?: Element | null } | undefined) =>
  (node?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim()

const villageWith = (talkDays: number[]) => ({
  ok: true,
  data: { member: null, village: { id: 'v', name: '西村', talkDays, responseDeadlineDays: 3 } },
})

beforeEach(() => {
  cloudAnswers['village.getMe'] = villageWith([4, 14, 24])
})
afterEach(() => {
  jest.useRealTimers()
  jest.resetModules()
})

describe('compiled weapp 首页', () => {
  it('three days before the 24th: shows 11月24日（星期二）and 还有 3 天', async () => {
    fixShanghaiClock('2026-11-21T07:00:00')
    const page = renderPage('pages/index/index')
    const next = await waitFor(page, '#talkday-next')
    expect(text(next)).toBe('下一个说事日：11月24日（星期二）· 还有 3 天')
    expect(page.querySelector('#talkday-today')).toBeUndefined()
    expect(text(page)).toContain('每月 4日、14日、24日，村里一起说事')
  })

  it('a village meeting on the 5th, 15th and 25th: its own days, not 4, 14, 24', async () => {
    cloudAnswers['village.getMe'] = villageWith([5, 15, 25])
    fixShanghaiClock('2026-11-21T07:00:00')
    const page = renderPage('pages/index/index')
    const next = await waitFor(page, '#talkday-next')
    expect(text(next)).toBe('下一个说事日：11月25日（星期三）· 还有 4 天')
    expect(text(page)).toContain('每月 5日、15日、25日，村里一起说事')
  })

  it('just after midnight on the 14th in Shanghai (still the 13th in UTC): today is a talk day', async () => {
    fixShanghaiClock('2026-11-14T00:05:00')
    const page = renderPage('pages/index/index')
    expect(text(await waitFor(page, '#talkday-today'))).toContain('今天是说事日')
    expect(text(page.querySelector('#talkday-next'))).toBe(
      '下一个说事日：11月24日（星期二）· 还有 10 天',
    )
  })
})

/**
 * The compiled WeChat 首页 against the real functions (the demo village seeded, the clock at
 * Saturday 2026-11-21 09:00 Shanghai): the next 说事日 is Tuesday the 24th, three days away.
 */
import { fixShanghaiClock } from '../../../support/clock'
import {
  largeText,
  isLarge,
  renderPage,
  resetStorage,
  signIn,
  startBackend,
  stopBackend,
  text,
  waitFor,
} from '../../support/weapp'

beforeAll(() => startBackend(), 120_000)
afterAll(() => stopBackend())
beforeEach(() => {
  resetStorage()
  fixShanghaiClock('2026-11-21T09:00:00')
})
afterEach(() => {
  jest.useRealTimers()
  jest.resetModules()
})

describe('compiled weapp 首页', () => {
  it.each([false, true])('a resident sees the next 说事日 (大字模式 %s)', async (large) => {
    await signIn('demo-resident-1')
    largeText(large)
    const page = renderPage('pages/index/index')
    const next = await waitFor(page, '#talkday-next')
    expect(text(next)).toBe('下一个说事日：11月24日（星期二）· 还有 3 天')
    expect(isLarge(page)).toBe(large)
  })
})

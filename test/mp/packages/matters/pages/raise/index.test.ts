/**
 * The compiled WeChat raise-matter page (a subpackage), signed in as a demo resident against the
 * real functions: its form shows, an empty 提交 names what is missing in the schema's own words and
 * sends nothing (only the page's own getMe went out), in normal and in 大字模式.
 */
import simulate from 'miniprogram-simulate'
import {
  cloudCalls,
  isLarge,
  largeText,
  renderPage,
  resetStorage,
  signIn,
  startBackend,
  stopBackend,
  text,
  waitFor,
} from '../../../../support/weapp'

beforeAll(() => startBackend(), 120_000)
afterAll(() => stopBackend())
beforeEach(() => resetStorage())
afterEach(() => jest.resetModules())

describe('compiled weapp 我要提事', () => {
  it.each([false, true])('shows its form (大字模式 %s)', async (large) => {
    await signIn('demo-resident-1')
    largeText(large)
    const page = renderPage('packages/matters/pages/raise/index')
    expect(text(await waitFor(page, '#raise-submit'))).toContain('提交')
    expect(page.querySelector('#raise-title')).toBeDefined()
    expect(page.querySelector('#raise-body')).toBeDefined()
    expect(isLarge(page)).toBe(large)
  })

  it('an empty form names what is missing and sends nothing', async () => {
    await signIn('demo-resident-1')
    const page = renderPage('packages/matters/pages/raise/index')
    const submit = await waitFor(page, '#raise-submit')
    submit.dispatchEvent('tap')
    await simulate.sleep(50)
    expect(text(await waitFor(page, '#raise-title-error'))).toBe('请填写标题')
    expect(text(page.querySelector('#raise-body-error'))).toBe('请填写内容')
    expect(cloudCalls.filter((c) => (c.data as { action?: string }).action !== 'getMe')).toEqual([])
  })
})

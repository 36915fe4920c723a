/**
 * The compiled WeChat raise-matter page (a subpackage): tapping 提交 on an empty form shows the
 * schema's own messages, and nothing is sent to the cloud.
 */
import simulate from 'miniprogram-simulate'
import { cloudCalls, renderPage, waitFor } from '../../../../support/weapp'

const text = (node: { dom?: Element | null } | undefined) =>
  (node?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim()

describe('compiled weapp 我要提事', () => {
  it('an empty form names what is missing and calls no function', async () => {
    const page = renderPage('packages/matters/pages/raise/index')
    const submit = await waitFor(page, '#raise-submit')
    submit.dispatchEvent('tap')
    await simulate.sleep(50)
    expect(text(await waitFor(page, '#raise-title-error'))).toBe('请填写标题')
    expect(text(page.querySelector('#raise-body-error'))).toBe('请填写内容')
    // Only the page's own question of who is calling (for its promise), nothing sent.
    expect(cloudCalls.filter((c) => (c.data as { action?: string }).action !== 'getMe')).toEqual([])
  })
})

/**
 * The compiled WeChat raise-matter page (a subpackage), signed in as a demo resident against the
 * real functions: its form shows (normal and 大字模式); an empty 提交 names what is missing in the
 * schema's own words and sends nothing (only the page's own question of who is calling went out).
 */
import simulate from 'miniprogram-simulate'
import { pageCase, openCase, showsMainContent, withBackend } from '../../../../support/pageCase'
import { cloudCalls, text, waitFor } from '../../../../support/weapp'

withBackend()

describe('compiled weapp 我要提事', () => {
  showsMainContent('raise')

  it('an empty form names what is missing and sends nothing', async () => {
    const { page, main } = await openCase(pageCase('raise'), false)
    const before = cloudCalls.length
    main.dispatchEvent('tap')
    await simulate.sleep(50)
    expect(text(await waitFor(page, '#raise-title-error'))).toBe('请填写标题')
    expect(text(page.querySelector('#raise-body-error'))).toBe('请填写内容')
    expect(cloudCalls.slice(before)).toEqual([])
  })
})

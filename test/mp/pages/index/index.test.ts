/**
 * The compiled WeChat 首页 against the real functions (the demo village seeded, both clocks at
 * Saturday 2026-11-21 09:00 Shanghai): the agenda of the next 说事日, Tuesday the 24th.
 */
import { openCase, pageCase, showsMainContent, withBackend } from '../../support/pageCase'
import { text, waitFor } from '../../support/weapp'

withBackend()

describe('compiled weapp 首页', () => {
  showsMainContent('home', 'home-newcomer')

  it('names the next 说事日 and shows its two matters in the committee’s order', async () => {
    const { page } = await openCase(pageCase('home'), false)
    expect(text(await waitFor(page, '#home-next-talk-day'))).toContain('11月24日')
    const agenda = text(await waitFor(page, '#home-agenda'))
    const first = agenda.indexOf('文化广场晚上跳舞声音太大')
    const second = agenda.indexOf('明年先修哪一段村道')
    expect(first).toBeGreaterThanOrEqual(0)
    expect(second).toBeGreaterThan(first)
  })
})

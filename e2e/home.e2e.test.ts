import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import type { Emulator } from '../emulator/src'
import { startApp } from './support/app'
import { launch, phonePage, screenshot } from './support/browser'

let server: Emulator
let browser: Browser

beforeAll(async () => {
  server = await startApp()
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('首页 in Chromium (H5 build)', () => {
  it('shows the next 说事日 for a clock fixed at 2026-11-21 07:00 Shanghai', async () => {
    const page = await phonePage(browser, '2026-11-21T07:00:00')
    await page.goto(server.url)
    const next = page.locator('#talkday-next')
    await next.waitFor()
    expect((await next.innerText()).trim()).toBe('下一个说事日：11月24日（星期二）· 还有 3 天')
    expect(await page.locator('#talkday-today').count()).toBe(0)
    const file = await screenshot(page, 'home')
    expect(fs.statSync(file).size).toBeGreaterThan(10_000)
  })

  it('on a talk day, at 00:10 Shanghai while UTC is still the day before, says 今天是说事日', async () => {
    const page = await phonePage(browser, '2026-11-24T00:10:00')
    await page.goto(server.url)
    await page.locator('#talkday-today').waitFor()
    expect(await page.locator('#talkday-today').innerText()).toContain('今天是说事日')
    expect((await page.locator('#talkday-next').innerText()).trim()).toBe(
      '下一个说事日：12月4日（星期五）· 还有 10 天',
    )
    await screenshot(page, 'home-talk-day')
  })

  it('body text is at least 17px and the page has no horizontal scroll on a 360px phone', async () => {
    const page = await phonePage(browser, '2026-11-21T07:00:00')
    await page.goto(server.url)
    await page.locator('#talkday-next').waitFor()
    const sizes = await page.evaluate(() => {
      const px = (sel: string) =>
        parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize)
      return {
        next: px('#talkday-next'),
        schedule: px('.talkday__schedule'),
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      }
    })
    expect(sizes.next).toBeGreaterThanOrEqual(17)
    expect(sizes.schedule).toBeGreaterThanOrEqual(17)
    expect(sizes.overflow).toBeLessThanOrEqual(0)
  })
})

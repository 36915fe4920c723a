import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import type { Emulator } from '../emulator/src'
import { COLLECTION } from '../cloudfunctions/_shared/collections'
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

  it('a member sees their own village’s talk days (the 5th, 15th and 25th), and its promise', async () => {
    const at = new Date('2026-01-01T00:00:00Z')
    server.bulkInsert(COLLECTION.villages, [
      {
        _id: 'v-west',
        name: '西村',
        talkDays: [5, 15, 25],
        counts: { adults: 10, households: 4, representatives: 2 },
        settings: {
          agendaSize: 10,
          responseDeadlineDays: 5,
          reportThreshold: 3,
          ratingWindowDays: 7,
        },
        createdAt: at,
        updatedAt: at,
      },
    ])
    server.bulkInsert(COLLECTION.members, [
      {
        _id: 'west-1',
        villageId: 'v-west',
        openid: 'openid-west-1',
        name: '西村村民',
        householdNo: '001',
        roles: ['resident'],
        status: 'verified',
        requestedAt: at,
      },
    ])
    const page = await phonePage(browser, '2026-11-21T07:00:00')
    // Sign in as that member, then open the app afresh as that member.
    await page.goto(`${server.url}/?dev=west-1`)
    await page.locator('#talkday-next').waitFor()
    await page.goto(server.url)
    const next = page.locator('#talkday-next')
    await page.getByText('每月 5日、15日、25日，村里一起说事').waitFor()
    expect((await next.innerText()).trim()).toBe('下一个说事日：11月25日（星期三）· 还有 4 天')
    await screenshot(page, 'home-own-talk-days')

    await page.locator('#home-raise').click()
    await page.locator('#raise-title input').fill('西村的路灯坏了')
    await page.locator('#raise-body textarea').fill('晚上看不见路。')
    await page.locator('#raise-submit').click()
    await page.locator('#raise-sent').waitFor()
    expect((await page.locator('#raise-promise').innerText()).trim()).toBe(
      '村委会会在 5 天内答复您，可以在“我提的事”里看进展。',
    )
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

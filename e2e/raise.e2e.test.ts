/**
 * A resident raises a matter in the browser build: signed in as a demo member (?dev=…), the form
 * refuses an empty submit in plain words, then sends a good one through /fn/matters into the
 * emulator's database, where it waits for the committee (待受理).
 */
import tcb from '@cloudbase/node-sdk'
import type { Browser } from 'playwright-core'
import type { Emulator } from '../emulator/src'
import { COLLECTION } from '../cloudfunctions/_shared/collections'
import { seedDemo } from '../scripts/seed'
import { startApp } from './support/app'
import { launch, phonePage, screenshot } from './support/browser'

let app: Emulator
let browser: Browser

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true'
  process.env.TENCENTCLOUD_SECRETID = 'e2e'
  process.env.TENCENTCLOUD_SECRETKEY = 'e2e'
  app = await startApp()
  await seedDemo({ serviceUrl: app.serviceUrl })
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('我要提事 in Chromium', () => {
  it('from the home page button to a raised matter in the database', async () => {
    const page = await phonePage(browser, '2026-11-27T10:00:00')
    await page.goto(`${app.url}/?dev=demo-resident-1`)
    await page.locator('#home-raise').click()
    await page.locator('#raise-submit').waitFor()

    await page.locator('#raise-submit').click()
    await page.getByText('请填写标题').waitFor()
    await screenshot(page, 'raise-empty')

    await page.locator('#raise-title input').fill('小桥的栏杆松了')
    await page.locator('#raise-body textarea').fill('孩子们上学要过桥，栏杆一推就晃。')
    await page.locator('#raise-submit').click()
    await page.locator('#raise-sent').waitFor()
    await screenshot(page, 'raise-sent')

    const db = tcb.init({ env: 'local', serviceUrl: app.serviceUrl }).database()
    const { data } = await db
      .collection(COLLECTION.matters)
      .where({ title: '小桥的栏杆松了' })
      .get()
    expect(data).toEqual([
      expect.objectContaining({
        status: 'raised',
        raisedBy: 'demo-resident-1',
        body: '孩子们上学要过桥，栏杆一推就晃。',
      }),
    ])
  })
})

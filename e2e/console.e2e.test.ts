/**
 * The emulator's local console (`/_console`, --dev) in Chromium: the CLI runs a fixture function's
 * timer trigger on its schedule, and the console shows it in the invocation list, next to a seeded
 * collection with its count and its paged, read-only documents.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import type { Browser, Page } from 'playwright-core'
import { launch, screenshot } from './support/browser'

const ROOT = path.resolve(__dirname, '..')
const FIXTURES = path.join(ROOT, 'emulator', 'test', 'fixtures')
const CREDENTIALS = { TENCENTCLOUD_SECRETID: 'AKIDconsole', TENCENTCLOUD_SECRETKEY: 'console-key' }

let child: ChildProcess
let url: string
let browser: Browser
let page: Page

beforeAll(async () => {
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'emulator', 'src', 'cli.ts'),
      ...['--port', '0', '--memory', '--dev'],
      ...['--collections', path.join(FIXTURES, 'collections.ts')],
      ...['--functions', path.join(FIXTURES, 'cli-timers')],
    ],
    { cwd: ROOT, env: { ...process.env, ...CREDENTIALS }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no ready line:\n${out}`)), 30_000)
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)))
  })
  process.env.TENCENTCLOUD = 'true'
  const app = tcb.init({
    env: 'local',
    serviceUrl: `${url}/admin`,
    secretId: CREDENTIALS.TENCENTCLOUD_SECRETID,
    secretKey: CREDENTIALS.TENCENTCLOUD_SECRETKEY,
  })
  const notes = app.database().collection('notes')
  for (let i = 1; i <= 25; i++) {
    await notes
      .doc(`note-${String(i).padStart(2, '0')}`)
      .set({ owner: 'o-1', text: `第 ${i} 条 <b>` })
  }
  browser = await launch()
  page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  child?.kill('SIGTERM')
})

it('shows the seeded collection with its count, and its documents a page at a time', async () => {
  await page.goto(`${url}/_console`)
  const row = page.locator('#collections + table tr', { hasText: 'notes' })
  await expect(row.locator('td').nth(1).textContent()).resolves.toBe('25')
  await row.locator('a').click()
  await page.waitForURL(/\/_console\/collections\/notes/)
  expect(await page.locator('tbody tr').count()).toBe(20)
  // read-only and escaped: the text shows, no element is made of it
  await expect(page.locator('tbody').textContent()).resolves.toContain('第 1 条 <b>')
  expect(await page.locator('tbody b').count()).toBe(0)
  await page.locator('a[rel=next]').first().click()
  await page.waitForURL(/page=2/)
  expect(await page.locator('tbody tr').count()).toBe(5)
  await expect(page.locator('body').textContent()).resolves.toContain('第 2 / 2 页')
  await screenshot(page, 'console-collection')
})

it('lists the timer trigger’s invocations, fired by the CLI on schedule, and the counters', async () => {
  // the heartbeat trigger fires every second: wait for two of them
  let rows = 0
  for (let i = 0; i < 40 && rows < 2; i++) {
    await page.goto(`${url}/_console`)
    rows = await page.locator('#invocations + table tbody tr', { hasText: 'timer:beat' }).count()
    if (rows < 2) await page.waitForTimeout(250)
  }
  expect(rows).toBeGreaterThanOrEqual(2)
  const first = page.locator('#invocations + table tbody tr', { hasText: 'timer:beat' }).first()
  const cells = await first.locator('td').allTextContents()
  // at, name, action, caller, source, ms, start, code
  expect(cells[1]).toBe('heartbeat')
  expect(cells[3]).toBe('(匿名 anonymous)')
  expect(cells[4]).toBe('timer:beat')
  expect(['cold', 'warm']).toContain(cells[6])
  expect(cells[7]).toBe('OK')
  await expect(page.locator('#triggers + table').textContent()).resolves.toContain(
    '*/1 * * * * * *',
  )
  await expect(
    page.locator('#counters + table tr', { hasText: 'insertDocument' }).first().textContent(),
  ).resolves.toContain('ticks')
  await screenshot(page, 'console-overview')
})

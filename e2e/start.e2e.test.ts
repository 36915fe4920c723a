/**
 * `npm start` on a fresh data directory: builds, serves the H5 home page and the functions from the
 * emulator on one port, and seeds the demo village — checked in Chromium and over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { launch, phonePage, screenshot } from './support/browser'

const ROOT = path.resolve(__dirname, '..')
let child: ChildProcess
let url: string
let browser: Browser
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-start-'))

beforeAll(async () => {
  child = spawn('npm', ['start', '--', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${out}`)), 240_000)
    const read = (chunk: Buffer) => {
      out += chunk.toString()
      const m = out.match(/is running: (http:\/\/127\.0\.0\.1:\d+)/)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)))
  })
  browser = await launch()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  if (child?.pid) process.kill(-child.pid, 'SIGTERM')
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('serves the H5 home page with the next 说事日', async () => {
    const page = await phonePage(browser, '2026-12-01T09:00:00')
    await page.goto(url)
    await page.locator('#talkday-next').waitFor()
    expect((await page.locator('#talkday-next').innerText()).trim()).toBe(
      '下一个说事日：12月4日（星期五）· 还有 3 天',
    )
    await screenshot(page, 'start-home')
  })

  it('serves the functions on the same port, with the demo village seeded and dev sign-in', async () => {
    const login = await fetch(`${url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memberId: 'demo-committee' }),
    })
    const { token } = (await login.json()) as { token: string }
    const res = await fetch(`${url}/fn/village`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fengsi-dev-token': token },
      body: JSON.stringify({ action: 'getMe', payload: {} }),
    })
    const body = (await res.json()) as { ok: boolean; data: { member: { name: string } } }
    expect(body.ok).toBe(true)
    expect(body.data.member.name).toBe('张建国')
  })
})

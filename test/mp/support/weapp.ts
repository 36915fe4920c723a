/**
 * Renders a page of the COMPILED WeChat build (`dist/`) under miniprogram-simulate, with WeChat's
 * own template compiler (`wcc`, from miniprogram-compiler), against the REAL functions.
 *
 * - The app and page registrations are captured and the page is re-registered as a component
 *   (an approximation of the WeChat runtime); nothing of ours is replaced: what runs is exactly
 *   what `npm run build:weapp` wrote.
 * - `wx.cloud.callFunction` posts to a real emulator (`startBackend`: a child process serving the
 *   bundled functions with the demo village seeded, as `npm start` does) as the member signed in
 *   with `signIn` — the emulator's dev sign-in injects that member's OPENID, as WeChat injects the
 *   caller's. No canned answers.
 * - `wx.getStorageSync` / `setStorageSync` keep values in `storage` (reset by `resetStorage`), so a
 *   test can switch 大字模式 on before rendering (`largeText(true)`).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import fs from 'node:fs'
import simulate from 'miniprogram-simulate'

export const DIST = path.resolve(__dirname, '../../../dist')
const ROOT = path.resolve(__dirname, '../../..')

type Options = Record<string, unknown>
type Fn = (...args: unknown[]) => unknown

interface PageInstance {
  route?: string
  [key: string]: unknown
}

const g = globalThis as unknown as Record<string, unknown>

let appOptions: Options | undefined

/** The calls the page made to `wx.cloud.callFunction`, for tests that check what went out. */
export const cloudCalls: Array<{ name: string; data: unknown }> = []

/** The phone's storage (`wx.getStorageSync` and friends). */
export const storage = new Map<string, unknown>()

export function resetStorage(): void {
  storage.clear()
}

/** 大字模式 on or off, as the switch on 我的 stores it (`src/services/largeText.ts`). */
export function largeText(on: boolean): void {
  storage.set('fengsi.largeText', on)
}

// ---------------------------------------------------------------------------------------------
// The back end

interface Session {
  url: string
  token?: string
}

let session: Session | undefined
let child: ChildProcess | undefined

function request(
  url: string,
  route: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const target = new URL(route, url)
    const data = Buffer.from(JSON.stringify(body))
    const req = http.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': data.length, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
          } catch (e) {
            reject(e)
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

/**
 * Starts the back end for this test file (call in `beforeAll`, stop with `stopBackend` in
 * `afterAll`). Resolves with its URL once it serves.
 */
export async function startBackend(): Promise<string> {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const proc = spawn(process.execPath, [tsx, path.join(__dirname, 'server.ts')], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'UTC' },
  })
  child = proc
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(
      () => reject(new Error(`the back end did not start:\n${out}`)),
      120_000,
    )
    const read = (chunk: Buffer) => {
      out += chunk.toString()
      const m = out.match(/READY (http:\/\/127\.0\.0\.1:\d+)/)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    proc.stdout?.on('data', read)
    proc.stderr?.on('data', read)
    proc.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the back end exited with ${code}:\n${out}`))
    })
  })
  session = { url }
  return url
}

export async function stopBackend(): Promise<void> {
  const proc = child
  child = undefined
  session = undefined
  if (!proc || proc.exitCode !== null) return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000)
    proc.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    proc.stdin?.end()
  })
}

function backend(): Session {
  if (!session) throw new Error('no back end: call startBackend() in beforeAll')
  return session
}

/**
 * Signs the phone in as a demo member (`demo-resident-1`, `demo-committee`, …) or as a brand-new
 * WeChat user with no membership (`'newcomer'`); `undefined` signs out.
 */
export async function signIn(who: string | 'newcomer' | undefined): Promise<void> {
  const s = backend()
  if (who === undefined) {
    s.token = undefined
    return
  }
  const answer = (await request(
    s.url,
    '/dev/login',
    who === 'newcomer' ? { newcomer: true } : { memberId: who },
  )) as { token?: string }
  if (!answer.token) throw new Error(`dev login as ${who}: ${JSON.stringify(answer)}`)
  s.token = answer.token
}

/** Calls a function as `memberId` (set-up by the committee in a test), never as the phone. */
export async function callAs(
  memberId: string,
  name: string,
  action: string,
  payload: Record<string, unknown>,
): Promise<unknown> {
  const s = backend()
  const login = (await request(s.url, '/dev/login', { memberId })) as { token: string }
  const answer = (await request(
    s.url,
    `/fn/${name}`,
    { action, payload },
    { 'x-fengsi-dev-token': login.token },
  )) as { ok: boolean; data?: unknown; error?: unknown }
  if (!answer.ok) throw new Error(`${name}.${action}: ${JSON.stringify(answer.error)}`)
  return answer.data
}

// ---------------------------------------------------------------------------------------------
// The WeChat runtime

function installGlobals(route: string, query: Record<string, string>) {
  g.App = (options: Options) => {
    appOptions = options
  }
  g.getApp = () => appOptions
  g.getCurrentPages = () => []
  g.Page = (options: Options) => {
    const methods: Record<string, Fn> = {}
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value as Fn
    }
    const component = g.Component as (o: Options) => void
    component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = route
          ;(this.onLoad as Fn | undefined)?.call(this, { ...query })
          ;(this.onShow as Fn | undefined)?.call(this)
        },
        ready(this: PageInstance) {
          ;(this.onReady as Fn | undefined)?.call(this)
        },
        detached(this: PageInstance) {
          ;(this.onUnload as Fn | undefined)?.call(this)
        },
      },
    })
  }
  const wx = (g.wx ?? {}) as Record<string, unknown>
  // The build's chunk registry lives on `wx`; a fresh app load needs a fresh registry.
  delete wx.webpackJsonp
  wx.getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '')
  wx.setStorageSync = (key: string, value: unknown) => {
    storage.set(key, value)
  }
  wx.removeStorageSync = (key: string) => {
    storage.delete(key)
  }
  wx.clearStorageSync = () => storage.clear()
  wx.getStorageInfoSync = () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })
  wx.cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: unknown }) => {
      cloudCalls.push({ name, data })
      const s = backend()
      const headers: Record<string, string> = s.token ? { 'x-fengsi-dev-token': s.token } : {}
      return { result: await request(s.url, `/fn/${encodeURIComponent(name)}`, data, headers) }
    },
  }
  g.wx = wx
}

/**
 * Loads `dist/app.js`, launches the app, and renders one page (`route` without a leading slash,
 * e.g. `pages/index/index`; `query` is what the page's onLoad receives); returns the rendered root.
 */
export function renderPage(route: string, query: Record<string, string> = {}) {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error('dist/app.js is missing: run `npm run build:weapp` (npm test does it first)')
  }
  cloudCalls.length = 0
  installGlobals(route.replace(/^\//, ''), query)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'))
  ;(appOptions?.onLaunch as Fn | undefined)?.call(appOptions, {})
  const id = simulate.load(path.join(DIST, route.replace(/^\//, '')), 'page-root', {
    rootPath: DIST,
    compiler: 'official',
  })
  const root = simulate.render(id)
  root.attach(document.createElement('parent-wrapper'))
  return root
}

export type Rendered = ReturnType<typeof simulate.render>

/** The words a node shows, spaces collapsed. */
export const text = (node: { dom?: Element | null } | undefined): string =>
  (node?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim()

/**
 * Waits until `selector` matches in the rendered page (the page renders asynchronously, after a
 * real function call). Generous by default: the machine may be busy.
 */
export async function waitFor(root: Rendered, selector: string, timeoutMs = 20_000) {
  // Counted in steps, not read from Date: a test may have fixed Date.
  for (let waited = 0; ; waited += 25) {
    const found = root.querySelector(selector)
    if (found) return found
    if (waited > timeoutMs) {
      throw new Error(`${selector} did not appear; the page shows: ${text(root)}`)
    }
    await simulate.sleep(25)
  }
}

/**
 * Waits until the element at `selector` shows `words` (a list may appear first with its loading
 * line, then fill in); resolves with that element.
 */
export async function waitForWords(
  root: Rendered,
  selector: string,
  words: string,
  timeoutMs = 20_000,
) {
  for (let waited = 0; ; waited += 25) {
    const found = root.querySelector(selector)
    if (found && text(found).includes(words)) return found
    if (waited > timeoutMs) {
      throw new Error(`${selector} did not show "${words}"; it shows: ${text(found ?? root)}`)
    }
    await simulate.sleep(25)
  }
}

/** Waits until the page's text contains `words`. */
export async function waitForText(root: Rendered, words: string, timeoutMs = 20_000) {
  for (let waited = 0; ; waited += 25) {
    if (text(root).includes(words)) return
    if (waited > timeoutMs) {
      throw new Error(`"${words}" did not appear; the page shows: ${text(root)}`)
    }
    await simulate.sleep(25)
  }
}

/** True when the page's root (`#screen`) carries 大字模式's class. */
export function isLarge(root: Rendered): boolean {
  const screen = root.querySelector('#screen')
  // miniprogram-simulate prefixes each class with the component's name (`page-root--fs-large`).
  const classes = screen?.dom?.className.split(/\s+/) ?? []
  return classes.some((c) => c === 'fs-large' || c.endsWith('--fs-large'))
}

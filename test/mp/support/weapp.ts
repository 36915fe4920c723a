/**
 * Renders a page of the COMPILED WeChat build (`dist/`) under miniprogram-simulate, with WeChat's
 * own template compiler (`wcc`, from miniprogram-compiler). This approximates the WeChat runtime:
 * the app and page registrations are captured and the page is re-registered as a component.
 * Nothing of ours is replaced: what runs is exactly what `npm run build:weapp` wrote.
 */
import path from 'node:path'
import fs from 'node:fs'
import simulate from 'miniprogram-simulate'

export const DIST = path.resolve(__dirname, '../../../dist')

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

/**
 * What `wx.cloud.callFunction` answers, by `<function>.<action>` (the envelope the function
 * would return); any other call fails as if there were no network.
 */
export const cloudAnswers: Record<string, unknown> = {}

function installGlobals(route: string) {
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
          ;(this.onLoad as Fn | undefined)?.call(this, {})
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
  wx.cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: unknown }) => {
      cloudCalls.push({ name, data })
      const key = `${name}.${String((data as { action?: unknown } | null)?.action)}`
      if (key in cloudAnswers) return { result: cloudAnswers[key] }
      throw new Error('no cloud in the simulator')
    },
  }
  g.wx = wx
}

/** Loads `dist/app.js`, launches the app, and renders one page; returns the rendered root. */
export function renderPage(route: string) {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error('dist/app.js is missing: run `npm run build:weapp` (npm test does it first)')
  }
  installGlobals(route)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'))
  ;(appOptions?.onLaunch as Fn | undefined)?.call(appOptions, {})
  const id = simulate.load(path.join(DIST, route), 'page-root', {
    rootPath: DIST,
    compiler: 'official',
  })
  const root = simulate.render(id)
  root.attach(document.createElement('parent-wrapper'))
  return root
}

/** Waits until `selector` matches in the rendered page (the page renders asynchronously). */
export async function waitFor(
  root: ReturnType<typeof simulate.render>,
  selector: string,
  timeoutMs = 3000,
) {
  const started = Date.now()
  for (;;) {
    const found = root.querySelector(selector)
    if (found) return found
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${selector} did not appear; the page shows: ${root.dom?.textContent}`)
    }
    await simulate.sleep(20)
  }
}

/**
 * The accessibility checks run inside a page of the H5 build: axe-core's own engine (injected from
 * node_modules/axe-core), our contrast computation for what axe leaves "incomplete", and our
 * measurement of every tap target. Each function here is serialised into the page by playwright,
 * so it may use only what it declares itself.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'

/** axe-core's engine as its package ships it (devDependencies: axe-core 4.14.1). */
export const AXE_FILE = path.resolve(
  __dirname,
  '..',
  '..',
  'node_modules',
  'axe-core',
  'axe.min.js',
)

/** The rules axe runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

export interface AxeNode {
  target: unknown[]
  html: string
  failureSummary?: string
}

export interface AxeRule {
  id: string
  impact?: string | null
  help: string
  nodes: AxeNode[]
}

export interface AxeOutcome {
  violations: AxeRule[]
  incomplete: AxeRule[]
}

export async function runAxe(page: Page): Promise<AxeOutcome> {
  await page.addScriptTag({ path: AXE_FILE })
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeOutcome> } })
      .axe
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    })
    const slim = (rules: AxeRule[]) =>
      rules.map((x) => ({
        id: x.id,
        impact: x.impact,
        help: x.help,
        nodes: x.nodes.map((n) => ({
          target: n.target,
          html: n.html.slice(0, 200),
          failureSummary: n.failureSummary,
        })),
      }))
    return { violations: slim(r.violations), incomplete: slim(r.incomplete) }
  }, AXE_TAGS)
}

export interface ContrastResult {
  target: string
  ratio: number | null
  required: number
  foreground: string
  backgrounds: string[]
  why?: string
}

/**
 * Our own contrast for the nodes axe could not decide: the text's colour (with the opacity of it
 * and its ancestors) over the backgrounds painted beneath the middle of its first line of text —
 * every element under that point, from the text's element down, composited until one is opaque
 * (the page's white below all); a gradient counts as each of its colour stops and the worst one
 * decides. Required: 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
 */
export async function contrastOf(page: Page, targets: unknown[][]): Promise<ContrastResult[]> {
  return page.evaluate((all) => {
    type RGBA = [number, number, number, number]
    const parse = (s: string): RGBA[] =>
      [...s.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
        const parts = (m[1] as string)
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number)
        return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1]
      })
    const over = (top: RGBA, below: RGBA): RGBA => {
      const a = top[3] + below[3] * (1 - top[3])
      if (a === 0) return [0, 0, 0, 0]
      const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a
      return [mix(0), mix(1), mix(2), a]
    }
    const lum = ([r, g, b]: RGBA) => {
      const ch = (v: number) => {
        const c = v / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
    }
    const ratio = (a: RGBA, b: RGBA) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number]
      return (hi + 0.05) / (lo + 0.05)
    }
    const find = (target: unknown[]): Element | null => {
      let root: Document | ShadowRoot = document
      let el: Element | null = null
      for (const part of target) {
        const sel = Array.isArray(part) ? (part as string[]) : [part as string]
        for (const s of sel) {
          el = root.querySelector(s)
          if (!el) return null
          if (el.shadowRoot) root = el.shadowRoot
        }
      }
      return el
    }
    return all.map((target) => {
      const name = JSON.stringify(target)
      const el = find(target)
      if (!el) {
        return {
          target: name,
          ratio: null,
          required: 4.5,
          foreground: '',
          backgrounds: [],
          why: 'not found',
        }
      }
      const style = getComputedStyle(el)
      const size = parseFloat(style.fontSize)
      const bold = Number(style.fontWeight) >= 700
      const required = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5
      let opacity = 1
      for (let e: Element | null = el; e; e = e.parentElement) {
        opacity *= Number(getComputedStyle(e).opacity)
      }
      const fg = parse(style.color)[0] ?? ([0, 0, 0, 1] as RGBA)
      fg[3] *= opacity
      // Where the text is: the middle of its first line (the element's box if it has no text).
      const range = document.createRange()
      range.selectNodeContents(el)
      const rect =
        [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0) ??
        el.getBoundingClientRect()
      const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1)
      const y = rect.top + rect.height / 2
      // Scroll the point into view for elementsFromPoint, then measure again.
      let stack: Element[]
      if (y < 0 || y >= window.innerHeight) {
        el.scrollIntoView({ block: 'center' })
        const r2 =
          [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0) ??
          el.getBoundingClientRect()
        stack = document.elementsFromPoint(r2.left + r2.width / 2, r2.top + r2.height / 2)
      } else {
        stack = document.elementsFromPoint(x, y)
      }
      const start = stack.findIndex((e) => e === el || el.contains(e) || e.contains(el))
      const below = start >= 0 ? stack.slice(start).filter((e) => e === el || e.contains(el)) : []
      const chain =
        below.length > 0
          ? below
          : (() => {
              const up: Element[] = []
              for (let e: Element | null = el; e; e = e.parentElement) up.push(e)
              return up
            })()
      // Layers from the text down to the first opaque one; each layer is one colour or, for a
      // gradient, several (each stop is a possible background under some letter).
      const layers: RGBA[][] = []
      for (const e of chain) {
        const s = getComputedStyle(e)
        const stops = s.backgroundImage.includes('gradient') ? parse(s.backgroundImage) : []
        const colour = parse(s.backgroundColor)[0] ?? ([0, 0, 0, 0] as RGBA)
        const layer = stops.length > 0 ? stops.map((c) => over(c, colour)) : [colour]
        if (layer.every((c) => c[3] === 0)) continue
        layers.push(layer)
        if (layer.every((c) => c[3] >= 1)) break
      }
      layers.push([[255, 255, 255, 1]])
      // Composite bottom-up, every combination of gradient stops (few in practice).
      let bgs: RGBA[] = [[255, 255, 255, 1]]
      for (let i = layers.length - 2; i >= 0; i -= 1) {
        const next: RGBA[] = []
        for (const top of layers[i] as RGBA[]) for (const b of bgs) next.push(over(top, b))
        bgs = next
      }
      const worst = Math.min(...bgs.map((b) => ratio(over(fg, b), b)))
      const css = (c: RGBA) =>
        `rgba(${c.map((v, i) => (i < 3 ? Math.round(v) : +v.toFixed(2))).join(',')})`
      return {
        target: name,
        ratio: Math.round(worst * 100) / 100,
        required,
        foreground: css(fg),
        backgrounds: bgs.map(css),
      }
    })
  }, targets)
}

/**
 * Before the page's own scripts run: remember every element that gets a `click` or `tap` listener
 * (Taro's H5 components take their handlers that way, through addEventListener on the element).
 * React's one listener per event type on its root container, and anything that holds the whole
 * page, are not tap targets and are left out when measuring.
 */
export async function recordTapListeners(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = new WeakSet<EventTarget>()
    ;(window as unknown as { __fsTapListeners: WeakSet<EventTarget> }).__fsTapListeners = seen
    const original = EventTarget.prototype.addEventListener
    EventTarget.prototype.addEventListener = function (
      this: EventTarget,
      type: string,
      ...rest: unknown[]
    ) {
      if (type === 'click' || type === 'tap') seen.add(this)
      return (original as (...a: unknown[]) => void).call(this, type, ...rest)
    } as typeof original
  })
}

export interface TapTarget {
  /** A short description: tag, id and classes, and its words. */
  what: string
  width: number
  height: number
  /** Why it counts as interactive. */
  kind: string
  /**
   * Scrolled into view as far as the page lets it, the element on top at the middle of its box is
   * something else (the fixed tab bar, a dialog): a tap there does not reach it.
   */
  covered?: string
}

/**
 * Every interactive element's box, in CSS px. Interactive: a native control (`button`, `input`
 * other than hidden, `select`, `textarea`, `a[href]`, `label[for]`), an ARIA widget role (button,
 * link, tab, switch, checkbox, radio, menuitem, option), a focusable element (`tabindex` ≥ 0), or an
 * element with a tap or click handler: one React gave it (`onClick`/`onTap` among the props React
 * keeps on the DOM node, `__reactProps$…`) or one added with addEventListener (how Taro's H5
 * components take theirs; seen by `recordTapListeners`, which must run before the page loads;
 * the React root and what holds a whole page (`#screen`, `.taro_page`) are not targets). Only the outermost
 * interactive element of a nest is measured (a tap anywhere in it reaches its handler); elements
 * not shown (no box, `display: none`, `visibility: hidden`, inside `aria-hidden="true"`) are left
 * out, as nobody can tap them. Each is scrolled into view and the element on top at the middle of
 * its box is noted when it is not the target (`covered`).
 */
export async function tapTargets(page: Page): Promise<TapTarget[]> {
  return page.evaluate(() => {
    const NATIVE = 'button, input:not([type="hidden"]), select, textarea, a[href], label[for]'
    const ROLES =
      '[role="button"], [role="link"], [role="tab"], [role="switch"], [role="checkbox"], [role="radio"], [role="menuitem"], [role="option"]'
    const kindOf = (el: Element): string | undefined => {
      if (el.matches(NATIVE)) return 'native'
      if (el.matches(ROLES)) return `role=${el.getAttribute('role')}`
      const tab = el.getAttribute('tabindex')
      if (tab !== null && Number(tab) >= 0) return 'tabindex'
      const listened = (window as unknown as { __fsTapListeners?: WeakSet<EventTarget> })
        .__fsTapListeners
      const holdsPage =
        el.id === 'screen' ||
        el.querySelector('#screen, .taro_page') !== null ||
        el.classList.contains('taro_page') ||
        Object.keys(el).some((k) => k.startsWith('__reactContainer$'))
      if (listened?.has(el) && !holdsPage) return 'listener'
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'))
      const props = key
        ? (el as unknown as Record<string, Record<string, unknown>>)[key]
        : undefined
      if (props && (typeof props.onClick === 'function' || typeof props.onTap === 'function')) {
        return 'handler'
      }
      return undefined
    }
    const shown = (el: Element): boolean => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) return false
      const s = getComputedStyle(el)
      if (s.visibility === 'hidden' || s.display === 'none') return false
      return !el.closest('[aria-hidden="true"]')
    }
    const describe = (el: Element): string => {
      const cls =
        typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 2).join('.') : ''
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls}` : ''}`
    }
    const out: Array<{
      what: string
      width: number
      height: number
      kind: string
      covered?: string
    }> = []
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const kind = kindOf(el)
      if (!kind || !shown(el)) continue
      let nested = false
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (kindOf(p) && shown(p)) {
          nested = true
          break
        }
      }
      if (nested) continue
      el.scrollIntoView({ block: 'center', inline: 'center' })
      const r = el.getBoundingClientRect()
      const words = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 20)
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      const reached = hit !== null && (hit === el || el.contains(hit))
      out.push({
        what: `${describe(el)} “${words}”`,
        width: Math.round(r.width * 10) / 10,
        height: Math.round(r.height * 10) / 10,
        kind,
        ...(reached ? {} : { covered: hit ? describe(hit) : 'nothing (off screen)' }),
      })
    }
    return out
  })
}

/** The smallest tap target we accept, CSS px (WCAG 2.5.5, Apple's and Android's guidance). */
export const MIN_TARGET = 44

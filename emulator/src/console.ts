// The local console at `/_console` (dev mode): plain server-rendered HTML, no framework, no
// script. The collections with document counts, a paged read-only view of each, the recent
// function invocations, the instances, the timer triggers, the clock and the request counters,
// and the app's outbox of subscription messages (订阅消息) when there is one.
import type { Counters } from './counters'
import { parseStored, stringifyDoc } from './ejson'
import type { InvocationRecord } from './functions'
import type { Store } from './store'
import type { TimerTrigger } from './triggers'

export const CONSOLE_PAGE_SIZE = 20

export interface ConsoleDeps {
  readonly store: Store
  readonly counters: Counters
  readonly now: () => number
  readonly frozen: () => boolean
  readonly invocations: () => readonly InvocationRecord[]
  readonly instances: () => Record<string, { live: number; busy: number; waiting: number }>
  readonly triggers: () => readonly TimerTrigger[]
  /**
   * The outbox panel: the collection of messages (`OutboxMessage`: memberId or staffId, event,
   * page, data, createdAt, status, error) and the ones naming the recipients
   * (`<people>/<memberId>.name`, `<staff>/<staffId>.name`).
   */
  readonly outbox?: {
    readonly collection: string
    readonly people?: string
    readonly staff?: string
  }
}

/** The most messages the outbox panel lists (the newest). */
export const OUTBOX_PANEL_SIZE = 100

/** Defaults of the outbox panel: the app's `outbox` collection, recipients in `members` or `staff`. */
export const DEFAULT_OUTBOX = { collection: 'outbox', people: 'members', staff: 'staff' } as const

const escape = (v: unknown): string =>
  String(v).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

const page = (title: string, body: string): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a }
h1 { font-size: 1.3rem } h2 { font-size: 1.1rem; margin-top: 1.8rem }
table { border-collapse: collapse; margin: .4rem 0 } th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top }
th { background: #f3f3f3 } td.n { text-align: right; font-variant-numeric: tabular-nums }
pre { margin: 0; white-space: pre-wrap; word-break: break-all; max-width: 70rem }
.bad { color: #a40000 } nav a { margin-right: 1rem }
</style></head><body>
<nav><a href="/_console">控制台 Console</a><a href="/_console#outbox">消息 Outbox</a></nav>
${body}
</body></html>
`

const table = (headers: readonly string[], rows: readonly string[][], numeric: number[] = []) =>
  `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${cell}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`

const countOf = (store: Store, name: string): number => {
  let n = 0
  const rows = store.scan(name, undefined)
  while (!rows.next().done) n++
  return n
}

const iso = (v: unknown): string => {
  const d =
    v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : '—'
}

/** The outbox panel: the newest messages first, each with its recipient, fields and status. */
export const renderOutbox = (deps: ConsoleDeps): string => {
  const spec = deps.outbox ?? DEFAULT_OUTBOX
  if (!deps.store.hasCollection(spec.collection)) return ''
  const messages: Array<{ id: string; doc: Record<string, unknown> }> = []
  for (const row of deps.store.scan(spec.collection, undefined)) {
    messages.push({ id: row.id, doc: parseStored(row.doc) as Record<string, unknown> })
  }
  const at = (m: { doc: Record<string, unknown> }) => {
    const t = new Date(m.doc.createdAt as string).getTime()
    return Number.isNaN(t) ? 0 : t
  }
  messages.sort((a, b) => at(b) - at(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const shown = messages.slice(0, OUTBOX_PANEL_SIZE)
  const nameIn = (collection: string | undefined, id: unknown): string => {
    if (typeof id !== 'string' || !collection || !deps.store.hasCollection(collection)) return ''
    const row = deps.store.getRow(collection, id)
    const name = row ? (parseStored(row.doc) as { name?: unknown }).name : undefined
    return typeof name === 'string' ? name : ''
  }
  /** A member's message names the member; a staff message (staffId) the staff record. */
  const recipientOf = (doc: Record<string, unknown>): { id: unknown; name: string } =>
    typeof doc.staffId === 'string'
      ? { id: doc.staffId, name: nameIn(spec.staff, doc.staffId) }
      : { id: doc.memberId, name: nameIn(spec.people, doc.memberId) }
  const fields = (data: unknown): string =>
    data && typeof data === 'object'
      ? `<pre>${Object.entries(data as Record<string, unknown>)
          .map(([k, v]) => `${escape(k)}: ${escape(v)}`)
          .join('\n')}</pre>`
      : '—'
  const rows = shown.map(({ id, doc }) => {
    const to = recipientOf(doc)
    const status = String(doc.status ?? '—')
    return [
      escape(iso(doc.createdAt)),
      `${to.name ? `${escape(to.name)} ` : ''}<code>${escape(to.id ?? '—')}</code>`,
      escape(doc.event ?? '—'),
      `<code>${escape(doc.page ?? '—')}</code>`,
      fields(doc.data),
      status === 'failed'
        ? `<span class="bad">failed${doc.error ? `: ${escape(doc.error)}` : ''}</span>`
        : escape(status) + (doc.sentAt ? ` ${escape(iso(doc.sentAt))}` : ''),
      `<code>${escape(id)}</code>`,
    ]
  })
  const more =
    messages.length > shown.length
      ? `<p>只列出最新的 ${shown.length} 条 newest ${shown.length} of ${messages.length} · <a href="/_console/collections/${encodeURIComponent(spec.collection)}">全部 all</a></p>`
      : ''
  return `<h2 id="outbox">消息 Outbox (${messages.length})</h2>${
    rows.length
      ? table(
          [
            '时间 time',
            '收件人 recipient',
            '事件 event',
            '页面 page',
            '内容 fields',
            '状态 status',
            '_id',
          ],
          rows,
        )
      : '<p>无 none</p>'
  }${more}`
}

/** `GET /_console`: the overview. */
export const renderOverview = (deps: ConsoleDeps): string => {
  const names = deps.store.collectionNames().sort()
  const collections = table(
    ['集合 collection', '文档数 documents'],
    names.map((n) => [
      `<a href="/_console/collections/${encodeURIComponent(n)}">${escape(n)}</a>`,
      String(countOf(deps.store, n)),
    ]),
    [1],
  )
  const invocations = deps.invocations()
  const calls = table(
    [
      '时间 at',
      '函数 name',
      'action',
      '调用者 caller',
      '来源 source',
      'ms',
      '启动 start',
      '结果 code',
    ],
    invocations.map((r) => [
      escape(r.at),
      escape(r.name),
      escape(r.action || '—'),
      escape(r.caller || '(匿名 anonymous)'),
      escape(r.source),
      String(r.durationMs),
      r.cold === undefined ? '—' : r.cold ? 'cold' : 'warm',
      r.code === 'OK' ? 'OK' : `<span class="bad">${escape(r.code)}</span>`,
    ]),
    [5],
  )
  const snapshot = deps.counters.snapshot()
  const dbRows: string[][] = []
  for (const [collection, byAction] of Object.entries(snapshot.database).sort()) {
    for (const [action, n] of Object.entries(byAction).sort()) {
      dbRows.push([escape(collection), escape(action), String(n)])
    }
  }
  const instances = deps.instances()
  const fnRows = Object.keys({ ...snapshot.functions, ...instances })
    .sort()
    .map((name) => [
      escape(name),
      String(snapshot.functions[name] ?? 0),
      String(snapshot.starts[name]?.cold ?? 0),
      String(snapshot.starts[name]?.warm ?? 0),
      String(instances[name]?.live ?? 0),
      String(instances[name]?.busy ?? 0),
    ])
  const triggers = table(
    ['函数 function', '触发器 trigger', 'cron (UTC+8)', '下次 next'],
    deps.triggers().map((t) => {
      const next = t.cron.next(deps.now())
      return [
        escape(t.functionName),
        escape(t.name),
        `<code>${escape(t.cron.expression)}</code>`,
        next === undefined ? '—' : escape(new Date(next).toISOString()),
      ]
    }),
  )
  const now = new Date(deps.now()).toISOString()
  return page(
    'CloudBase emulator console',
    `<h1>CloudBase 模拟器控制台 · emulator console</h1>
<p>时钟 clock: <time id="clock">${escape(now)}</time> ${deps.frozen() ? '(已冻结 frozen)' : '(实时 real time)'}</p>
${renderOutbox(deps)}
<h2 id="collections">集合 Collections</h2>${names.length ? collections : '<p>无 none</p>'}
<h2 id="invocations">最近调用 Recent invocations (${invocations.length})</h2>${invocations.length ? calls : '<p>无 none</p>'}
<h2 id="functions">函数 Functions</h2>${table(['函数 name', '调用 invocations', 'cold', 'warm', '实例 live', '忙 busy'], fnRows, [1, 2, 3, 4, 5])}
<h2 id="triggers">定时触发器 Timer triggers</h2>${deps.triggers().length ? triggers : '<p>无 none</p>'}
<h2 id="counters">数据库请求 Database requests (${deps.counters.total()})</h2>${table(['集合 collection', 'action', '次数 count'], dbRows, [2])}`,
  )
}

/** `GET /_console/collections/<name>?page=<n>`: documents, read-only, CONSOLE_PAGE_SIZE a page. */
export const renderCollection = (
  deps: ConsoleDeps,
  name: string,
  pageNo: number,
): string | undefined => {
  if (!deps.store.hasCollection(name)) return undefined
  const total = countOf(deps.store, name)
  const pages = Math.max(1, Math.ceil(total / CONSOLE_PAGE_SIZE))
  const current = Math.min(Math.max(1, pageNo), pages)
  const first = (current - 1) * CONSOLE_PAGE_SIZE
  const docs: string[][] = []
  let i = 0
  for (const row of deps.store.scan(name, undefined)) {
    if (i >= first && i < first + CONSOLE_PAGE_SIZE) {
      const doc = parseStored(row.doc)
      docs.push([
        `<code>${escape(row.id)}</code>`,
        `<pre>${escape(JSON.stringify(JSON.parse(stringifyDoc(doc)), null, 2))}</pre>`,
      ])
    }
    i++
    if (i >= first + CONSOLE_PAGE_SIZE) break
  }
  const link = (p: number, text: string) =>
    `<a href="/_console/collections/${encodeURIComponent(name)}?page=${p}" rel="${p < current ? 'prev' : 'next'}">${text}</a>`
  const nav = `<p>第 ${current} / ${pages} 页 page · ${total} 个文档 documents ${current > 1 ? link(current - 1, '← 上一页 previous') : ''} ${current < pages ? link(current + 1, '下一页 next →') : ''}</p>`
  return page(
    `${name} · console`,
    `<h1>集合 ${escape(name)}</h1>${nav}${docs.length ? table(['_id', '文档 document'], docs) : '<p>无 none</p>'}${nav}`,
  )
}

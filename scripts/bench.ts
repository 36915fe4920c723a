// npm run bench
// Through the real @cloudbase/node-sdk against an in-process emulator on a temporary SQLite file:
// 1,000 inserts and 1,000 point reads (ops/s), then a query matching 10 of 100,000 documents on a
// declared index (median ms; target < 20 ms) and the data file size for those 100,000 documents.
// The 100,000 documents are bulk-loaded through the storage layer (emulator.bulkInsert), not the
// SDK: one HTTP request per document would only measure the loopback.
// Then function calls through `/fn` against the bare round trip (`GET /healthz`) on one server,
// with one client, in one run: a cold call (new instance), a warm call, and `matters.getMatter`
// end to end (one call, four database requests) as a signed-in demo member; p50 and p99.
// Then the polls (scripts/benchPolls.ts; `-- --polls` runs only those): counting 5,000 and 100,000
// ballots, and 2,000 casts from 200 concurrent clients.
// The simulated district (scripts/benchDistrict.ts) runs only with `-- --district`: loading it
// takes about 2½ minutes on a 2-core machine, too long for the default run.
// Then the H5 app in Chromium (scripts/benchH5.ts; `-- --h5` runs only that): the first screen of
// 首页 until the next 说事日 shows (median of 10 loads), and the function calls each page makes on
// open.
import tcb from '@cloudbase/node-sdk'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../emulator/src/index'
import { COLLECTIONS } from '../cloudfunctions/_shared/collections'
import { demoMatters } from '../domain/matters/demo'
import { buildFunctions, FUNCTIONS_OUT, functionNames } from './build-functions'
import { seedDemo } from './seed'
import { pollsBench } from './benchPolls'
import { h5Bench } from './benchH5'
import { districtBench } from './benchDistrict'

process.env.TENCENTCLOUD ??= 'true'
process.env.TENCENTCLOUD_SECRETID ??= 'bench-secret-id'
process.env.TENCENTCLOUD_SECRETKEY ??= 'bench-secret-key'

const OPS = 1000
const BIG = 100_000
const PER_GROUP = 10
const QUERY_RUNS = 50

const INDEXED = [{ name: 'group', keys: [{ field: 'group', direction: 1 as const }] }]

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

const WARM_RUNS = 300
const COLD_RUNS = 8

type Row = [string, string, string]

/** `/fn` cold and warm and getMatter end to end, each against GET /healthz on the same server. */
const functionBench = async (rows: Row[]): Promise<void> => {
  // A copy of the built bundles, so a cold start can be forced by touching a file.
  const fnDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-bench-fn-'))
  const names = functionNames()
  const built = names.every((n) => fs.existsSync(path.join(FUNCTIONS_OUT, n, 'index.js')))
  if (!built) await buildFunctions()
  for (const n of names) {
    fs.mkdirSync(path.join(fnDir, n))
    for (const f of ['index.js', 'config.json']) {
      fs.copyFileSync(path.join(FUNCTIONS_OUT, n, f), path.join(fnDir, n, f))
    }
  }
  const emulator = await startEmulator({
    memory: true,
    functionsDir: fnDir,
    collections: COLLECTIONS,
    dev: true,
    functionLog: () => undefined,
    functionTimeoutMs: 15_000,
  })
  try {
    await seedDemo({ serviceUrl: emulator.serviceUrl, credentials: emulator.credentials })
    const login = (await (
      await fetch(`${emulator.url}/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memberId: 'demo-committee' }),
      })
    ).json()) as { token: string }
    const headers = { 'content-type': 'application/json', 'x-fengsi-dev-token': login.token }
    const matterId = demoMatters(new Date()).matters[0]._id
    const call = async (name: string, event: unknown): Promise<number> => {
      const t0 = process.hrtime.bigint()
      const res = await fetch(`${emulator.url}/fn/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(event),
      })
      const body = (await res.json()) as { ok?: boolean }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      if (res.status !== 200 || body.ok !== true) {
        throw new Error(`${name}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
      }
      return ms
    }
    const healthz = async (): Promise<number> => {
      const t0 = process.hrtime.bigint()
      const res = await fetch(`${emulator.url}/healthz`)
      await res.json()
      return Number(process.hrtime.bigint() - t0) / 1e6
    }
    const whoami = { action: 'whoami', payload: {} }
    const getMatter = { action: 'getMatter', payload: { matterId } }
    // warm-up: sockets, JIT, one instance of each
    for (let i = 0; i < 30; i++) {
      await healthz()
      await call('village', whoami)
      await call('matters', getMatter)
    }
    const cold: number[] = []
    const bundle = path.join(fnDir, 'village', 'index.js')
    for (let i = 0; i < COLD_RUNS; i++) {
      const at = new Date(Date.now() + (i + 1) * 1000)
      fs.utimesSync(bundle, at, at) // a changed bundle: the next call starts a new instance
      cold.push(await call('village', whoami))
    }
    const bare: number[] = []
    const warm: number[] = []
    const matter: number[] = []
    // interleaved, so the three series see the same machine load
    for (let i = 0; i < WARM_RUNS; i++) {
      bare.push(await healthz())
      warm.push(await call('village', whoami))
      matter.push(await call('matters', getMatter))
    }
    const starts = emulator.counters.snapshot().starts
    if ((starts.village?.cold ?? 0) < COLD_RUNS) throw new Error('cold calls were not cold')
    const p50 = percentile(bare, 50)
    const fmt = (xs: number[]) => {
      const m = percentile(xs, 50)
      return `p50 ${m.toFixed(2)} ms, p99 ${percentile(xs, 99).toFixed(2)} ms (${(m / p50).toFixed(1)}× /healthz)`
    }
    rows.push(['GET /healthz (bare round trip)', `${WARM_RUNS}`, fmt(bare)])
    rows.push(['POST /fn/village whoami, cold (new instance)', `${COLD_RUNS}`, fmt(cold)])
    rows.push(['POST /fn/village whoami, warm', `${WARM_RUNS}`, fmt(warm)])
    const ratio = percentile(matter, 50) / p50
    rows.push([
      'POST /fn/matters getMatter (4 db requests), warm',
      `${WARM_RUNS}`,
      `${fmt(matter)} ${ratio <= 10 ? '(target ≤ 10×: met)' : '(target ≤ 10×: MISSED)'}`,
    ])
  } finally {
    await emulator.close()
    fs.rmSync(fnDir, { recursive: true, force: true })
  }
}

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = process.hrtime.bigint()
  const v = await fn()
  return [v, Number(process.hrtime.bigint() - t0) / 1e6]
}

const inBatches = async (n: number, concurrency: number, fn: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < n; i += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, n - i) }, (_, k) => fn(i + k)))
  }
}

const main = async (): Promise<void> => {
  if (process.argv.includes('--polls')) {
    // `npm run bench -- --polls`: only the polls part
    const only: Row[] = []
    await pollsBench(only)
    for (const r of only) process.stdout.write(`${r[0]}  ${r[1]}  ${r[2]}\n`)
    return
  }
  if (process.argv.includes('--district')) {
    // `npm run bench -- --district`: only the simulated district (scripts/benchDistrict.ts)
    const only: Row[] = []
    await districtBench(only)
    for (const r of only) process.stdout.write(`${r[0]}  ${r[1]}  ${r[2]}\n`)
    return
  }
  if (process.argv.includes('--h5')) {
    // `npm run bench -- --h5`: only the H5 part
    const only: Row[] = []
    await h5Bench(only)
    for (const r of only) process.stdout.write(`${r[0]}  ${r[2]}\n`)
    return
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-bench-'))
  const emulator = await startEmulator({
    dataDir: dir,
    collections: [
      { name: 'small', indexes: INDEXED },
      { name: 'big', indexes: INDEXED },
    ],
  })
  const db = tcb.init({ env: 'local', serviceUrl: emulator.serviceUrl }).database()
  const rows: Row[] = []
  try {
    // warm-up (JIT, prepared statements, keep-alive sockets)
    for (let i = 0; i < 50; i++) await db.collection('small').add({ warm: i })

    const ids: string[] = []
    const [, insertMs] = await timed(() =>
      inBatches(OPS, 1, async (i) => {
        const r = await db
          .collection('small')
          .add({ group: i % 100, i, name: `doc-${i}`, at: new Date() })
        ids.push(r.id as string)
      }),
    )
    rows.push(['insert, one at a time', `${OPS}`, `${((OPS / insertMs) * 1000).toFixed(0)} ops/s`])

    const [, insertConcMs] = await timed(() =>
      inBatches(OPS, 16, (i) => db.collection('small').add({ group: i % 100, i, conc: true })),
    )
    rows.push([
      'insert, 16 concurrent',
      `${OPS}`,
      `${((OPS / insertConcMs) * 1000).toFixed(0)} ops/s`,
    ])

    const [, readMs] = await timed(() =>
      inBatches(OPS, 1, async (i) => {
        const r = await db.collection('small').doc(ids[i]).get()
        if (r.data.length !== 1) throw new Error(`point read ${i} found ${r.data.length}`)
      }),
    )
    rows.push(['point read doc(id).get()', `${OPS}`, `${((OPS / readMs) * 1000).toFixed(0)} ops/s`])

    const [, loadMs] = await timed(async () => {
      const chunk = 10_000
      for (let start = 0; start < BIG; start += chunk) {
        emulator.bulkInsert(
          'big',
          Array.from({ length: chunk }, (_, k) => {
            const i = start + k
            return {
              group: i % (BIG / PER_GROUP),
              i,
              name: `居民事项 ${i}`,
              status: i % 3 === 0 ? 'open' : 'closed',
              createdAt: new Date(1_700_000_000_000 + i * 1000),
              tags: ['bench', `t${i % 7}`],
            }
          }),
        )
        // let timers and sockets breathe between chunks
        await new Promise((resolve) => setImmediate(resolve))
      }
    })
    rows.push(['bulk load (storage layer)', `${BIG}`, `${(loadMs / 1000).toFixed(1)} s`])

    const times: number[] = []
    for (let r = 0; r < QUERY_RUNS; r++) {
      const group = (r * 7919) % (BIG / PER_GROUP)
      const [res, ms] = await timed(() => db.collection('big').where({ group }).get())
      if (res.data.length !== PER_GROUP)
        throw new Error(`expected ${PER_GROUP}, got ${res.data.length}`)
      times.push(ms)
    }
    const med = median(times)
    rows.push([
      `indexed query, ${PER_GROUP} of ${BIG} (median of ${QUERY_RUNS})`,
      `${PER_GROUP}`,
      `${med.toFixed(2)} ms ${med < 20 ? '(target < 20 ms: met)' : '(target < 20 ms: MISSED)'}`,
    ])

    const scanTimes: number[] = []
    for (let r = 0; r < 3; r++) {
      const [res, ms] = await timed(() =>
        db
          .collection('big')
          .where({ i: 4242 + r })
          .get(),
      )
      if (res.data.length !== 1) throw new Error('scan query missed')
      scanTimes.push(ms)
    }
    rows.push([
      'same collection, unindexed field (full scan, median of 3)',
      '1',
      `${median(scanTimes).toFixed(0)} ms`,
    ])
  } catch (e) {
    await emulator.close()
    fs.rmSync(dir, { recursive: true, force: true })
    throw e
  }
  await emulator.close()
  const file = path.join(dir, 'cloudbase.sqlite')
  const bytes = fs.statSync(file).size
  rows.push([
    `data file for ${BIG} + ${OPS * 2 + 50} docs`,
    '',
    `${(bytes / 1024 / 1024).toFixed(1)} MB (${Math.round(bytes / (BIG + OPS * 2 + 50))} B/doc)`,
  ])
  fs.rmSync(dir, { recursive: true, force: true })
  await functionBench(rows)
  await pollsBench(rows)
  await h5Bench(rows)

  const w0 = Math.max(...rows.map((r) => r[0].length), 'measurement'.length)
  const w1 = Math.max(...rows.map((r) => r[1].length), 'docs'.length)
  const line = (a: string, b: string, c: string) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`
  process.stdout.write(
    `\nCloudBase emulator bench (node ${process.version}, ${os.cpus().length} cpus; SDK and server share one process)\n\n`,
  )
  process.stdout.write(`${line('measurement', 'docs', 'result')}\n`)
  process.stdout.write(`${'-'.repeat(w0 + w1 + 30)}\n`)
  for (const r of rows) process.stdout.write(`${line(r[0], r[1], r[2])}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})

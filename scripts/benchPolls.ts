// The polls part of `npm run bench` (issue #10, point 15), through the bundled functions in the
// emulator: counting polls of 5,000 and 100,000 secret ballots (the scheduler's run: database
// requests counted by the emulator, time), and 2,000 casts from 200 concurrent clients
// (throughput, p50, p99, ballots lost and duplicated). Targets: the count of 100,000 ballots,
// digest included, in ≤ 5 database requests on the ballots and ≤ 3 s (the platform's default
// function timeout) on this machine; 0 lost and 0 duplicated.
import { createHmac } from 'node:crypto'
import { startEmulator, type Emulator } from '../emulator/src/index'
import { COLLECTIONS } from '../cloudfunctions/_shared/collections'
import { DEFAULT_SETTINGS } from '../domain/village/settings'
import { FUNCTIONS_OUT } from './build-functions'

type Row = [string, string, string]

const SECRET = 'bench-ballot-secret-0123456789abcdef0123456789'
const T0 = new Date('2026-11-21T01:00:00Z')
const DAY = 86_400_000
const VILLAGE = 'bench-village'

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

const hmac = (pollId: string, personId: string) =>
  createHmac('sha256', SECRET).update(`${pollId}:${personId}`).digest('hex')

function seedVillage(emulator: Emulator): void {
  emulator.bulkInsert('villages', [
    {
      _id: VILLAGE,
      name: '压测村',
      talkDays: [4, 14, 24],
      counts: { adults: 0, households: 0, representatives: 0 },
      settings: DEFAULT_SETTINGS,
      createdAt: T0,
      updatedAt: T0,
    },
  ])
}

function matter(id: string, status: string) {
  return {
    _id: id,
    villageId: VILLAGE,
    title: '压测事项',
    body: '内容',
    photos: [],
    origin: 'committee',
    urgent: false,
    status,
    raisedBy: 'bench-com',
    raisedByName: '村委',
    raisedAt: T0,
    respondBy: T0,
    statusAt: { [status]: T0 },
    rating: { count: 0, sum: 0, raters: [] },
    category: 'roadsUtilities',
    updatedAt: T0,
  }
}

/** A secret assembly poll of `n` persons who all voted, straight into storage, due to be counted. */
async function seedCastPoll(emulator: Emulator, n: number): Promise<string> {
  const pollId = `bench-poll-${n}`
  const matterId = `bench-matter-${n}`
  emulator.bulkInsert('matters', [matter(matterId, 'deciding')])
  emulator.bulkInsert('polls', [
    {
      _id: pollId,
      villageId: VILLAGE,
      matterId,
      question: '是否同意？',
      kind: 'yesNo',
      body: 'assembly',
      secret: true,
      status: 'open',
      closesAt: new Date(T0.getTime() - DAY),
      createdBy: 'bench-com',
      createdAt: new Date(T0.getTime() - 20 * DAY),
      updatedAt: new Date(T0.getTime() - 20 * DAY),
      openedAt: new Date(T0.getTime() - 20 * DAY),
      electorate: { size: n, adults: n, households: Math.ceil(n / 3), representatives: 0 },
    },
  ])
  const choices = ['yes', 'yes', 'no', 'abstain']
  const chunk = 10_000
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start)
    const people = Array.from({ length: size }, (_, k) => `bench-p${start + k}`)
    emulator.bulkInsert(
      'pollVoters',
      people.map((p, k) => ({
        _id: `${pollId}_${p}`,
        pollId,
        villageId: VILLAGE,
        personId: p,
        householdId: `bench-h${Math.floor((start + k) / 3)}`,
        name: `村民${start + k}`,
        accounts: [],
        voted: true,
        channel: 'online',
      })),
    )
    emulator.bulkInsert(
      'ballots',
      people
        .map((p, k) => ({ _id: hmac(pollId, p), pollId, choice: choices[(start + k) % 4] }))
        .sort((a, b) => (a._id < b._id ? -1 : 1)),
    )
    await new Promise((resolve) => setImmediate(resolve))
  }
  return pollId
}

async function countBench(emulator: Emulator, rows: Row[]): Promise<void> {
  for (const n of [5_000, 100_000]) {
    emulator.clock.set(T0)
    // a warm instance first, with nothing due (the cold start is not the count's)
    await emulator.invoke('scheduler', { Type: 'Timer' }, '')
    const pollId = await seedCastPoll(emulator, n)
    emulator.counters.reset()
    const t0 = process.hrtime.bigint()
    const res = (await emulator.invoke('scheduler', { Type: 'Timer' }, '')) as {
      ok: boolean
      data?: { counted: string[] }
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    if (!res.ok || !res.data?.counted.includes(pollId)) {
      throw new Error(`scheduler did not count ${pollId}: ${JSON.stringify(res)}`)
    }
    const db = emulator.counters.snapshot().database
    const total = Object.values(db).reduce(
      (s, byAction) => s + Object.values(byAction).reduce((a, b) => a + b, 0),
      0,
    )
    const onBallots = Object.values(db.ballots ?? {}).reduce((a, b) => a + b, 0)
    const met = onBallots <= 5 && ms <= 3000
    rows.push([
      `count a poll of ${n.toLocaleString('en')} secret ballots (scheduler run, digest included)`,
      `${n}`,
      `${ms.toFixed(0)} ms; ${onBallots} request(s) on ballots, ${total} database requests in all ` +
        `(${JSON.stringify(db)})${n === 100_000 ? (met ? ' (target ≤ 5 and ≤ 3 s: met)' : ' (target ≤ 5 and ≤ 3 s: MISSED)') : ''}`,
    ])
  }
}

const VOTERS = 2_000
const CLIENTS = 200

async function castBench(emulator: Emulator, rows: Row[]): Promise<void> {
  emulator.clock.set(T0)
  const matterId = 'bench-cast-matter'
  emulator.bulkInsert('matters', [matter(matterId, 'discussing')])
  emulator.bulkInsert('members', [
    {
      _id: 'bench-com',
      villageId: VILLAGE,
      openid: 'openid-bench-com',
      name: '村委',
      householdNo: '000',
      roles: ['resident', 'committee'],
      status: 'verified',
      requestedAt: T0,
    },
  ])
  const persons = Array.from({ length: VOTERS }, (_, i) => ({
    _id: `cast-p${i}`,
    villageId: VILLAGE,
    householdId: `cast-h${Math.floor(i / 3)}`,
    name: `选民${i}`,
    adult: true,
    representative: false,
    createdAt: T0,
    updatedAt: T0,
  }))
  emulator.bulkInsert('persons', persons)
  emulator.bulkInsert(
    'members',
    persons.map((p, i) => ({
      _id: `cast-m${i}`,
      villageId: VILLAGE,
      openid: `openid-cast-m${i}`,
      name: p.name,
      householdNo: '001',
      personId: p._id,
      roles: ['resident'],
      status: 'verified',
      requestedAt: T0,
    })),
  )
  const call = async (openid: string, action: string, payload: object) =>
    (await emulator.invoke('polls', { action, payload }, openid)) as {
      ok: boolean
      data?: { pollId?: string }
      error?: { code: string }
    }
  const drafted = await call('openid-bench-com', 'draftPoll', {
    matterId,
    question: '压测表决',
    kind: 'yesNo',
    options: [],
    body: 'consult',
  })
  const pollId = drafted.data?.pollId ?? ''
  const t0 = process.hrtime.bigint()
  const opened = await call('openid-bench-com', 'openPoll', { pollId })
  const openMs = Number(process.hrtime.bigint() - t0) / 1e6
  if (!opened.ok) throw new Error(`openPoll: ${JSON.stringify(opened)}`)
  rows.push([
    'open a poll of 2,000 persons (frozen electorate + ballots)',
    `${VOTERS}`,
    `${openMs.toFixed(0)} ms`,
  ])

  const choiceOf = (i: number) => ['yes', 'no', 'abstain'][i % 3]
  const latencies: number[] = []
  const outcomes: Record<string, number> = {}
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let k = 0; k < VOTERS / CLIENTS; k++) {
        const i = client * (VOTERS / CLIENTS) + k
        const c0 = process.hrtime.bigint()
        const res = await call(`openid-cast-m${i}`, 'castBallot', { pollId, choice: choiceOf(i) })
        latencies.push(Number(process.hrtime.bigint() - c0) / 1e6)
        const key = res.ok ? 'ok' : (res.error?.code ?? 'error')
        outcomes[key] = (outcomes[key] ?? 0) + 1
      }
    }),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  // what the database holds: one ballot per person, with the choice each ok cast sent
  const tcb = (await import('@cloudbase/node-sdk')).default
  const db = tcb.init({ env: 'local', serviceUrl: emulator.serviceUrl }).database()
  const { data } = (await db
    .collection('ballots')
    .aggregate()
    .match({ pollId })
    .project({ _id: 1, choice: 1 })
    .limit(1_000_000)
    .end()) as { data: Array<{ _id: string; choice?: string }> }
  const byId = new Map(data.map((b) => [b._id, b.choice]))
  let lost = 0
  for (let i = 0; i < VOTERS; i++) {
    if (byId.get(hmac(pollId, `cast-p${i}`)) !== choiceOf(i)) lost += 1
  }
  const duplicated = data.length - VOTERS
  rows.push([
    `${VOTERS.toLocaleString('en')} casts from ${CLIENTS} concurrent clients (10 instances)`,
    `${VOTERS}`,
    `${(VOTERS / seconds).toFixed(0)} casts/s; p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(0)} ms; ${JSON.stringify(outcomes)}; ` +
      `lost ${lost}, duplicated ${duplicated}${lost === 0 && duplicated === 0 ? ' (target 0 and 0: met)' : ' (target 0 and 0: MISSED)'}`,
  ])
}

export async function pollsBench(rows: Row[]): Promise<void> {
  process.env.TZ = 'UTC'
  const emulator = await startEmulator({
    memory: true,
    functionsDir: FUNCTIONS_OUT,
    collections: COLLECTIONS,
    functionLog: (name, line) => {
      if (process.env.FENGSI_FN_LOG) process.stderr.write(`[fn ${name}] ${line}\n`)
    },
    timerTriggers: false,
    functionConcurrency: 10,
    functionQueueLimit: 1000,
    functionEnv: { POLLS_BALLOT_SECRET: SECRET },
  })
  try {
    seedVillage(emulator)
    await castBench(emulator, rows)
    await countBench(emulator, rows)
  } finally {
    await emulator.close()
  }
}

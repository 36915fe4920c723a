/**
 * The `health` action (#13, point 8; cloudfunctions/_shared/health.ts), through the emulator with
 * the bundled functions: every declared function, the scheduler too, answers anyone — anonymous,
 * a member, a stranger — with its name, the version in package.json and `database: 'ok'`, after
 * exactly one database request (the probe's get in `villages`), changing nothing in any
 * collection. A database that cannot answer (here: a fresh environment whose collections were
 * never created) is UNAVAILABLE with a plain message, never INTERNAL; the polls function without
 * its ballot secret is not healthy either. The emulator counts requests but not what they read, so
 * the probe's one request is also recorded on a stand-in for the SDK's database: a get by `_id`,
 * not a query that could hand back a document.
 */
import fs from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/src'
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import type { Database } from '../../cloudfunctions/_shared/cloud'
import { health } from '../../cloudfunctions/_shared/health'
import { FUNCTIONS } from '../../deploy/declaration'
import { FUNCTIONS_OUT } from '../../scripts/build-functions'
import { startBackend, TEST_BALLOT_SECRET, TEST_NOW, type Backend } from './support/backend'
import { CAST, insert, seedCast, STRANGER, storedMatter } from './support/fixtures'
import { openedPoll, pollVillage } from './support/pollFixtures'
import { CHINESE, snapshot } from './support/snapshot'

/** The version the bundles must report: package.json's, read here, not through the build. */
const VERSION = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
    version: string
  }
).version

const NAMES = FUNCTIONS.map((f) => f.name)

const CALLERS: ReadonlyArray<[string, string | undefined]> = [
  ['an anonymous caller', undefined],
  ['a member', CAST.committee.openid],
  ['a stranger', STRANGER],
]

describe('health, with a seeded database', () => {
  let backend: Backend

  beforeAll(async () => {
    backend = await startBackend()
    await seedCast(backend)
    insert(backend, COLLECTION.matters, [storedMatter('h-raised')])
    const v = pollVillage(backend, 'hl', { n: 4 })
    await openedPoll(backend, v)
  })
  afterAll(() => backend.close())

  it('is asked of every declared function (the nine, written out)', () => {
    expect([...NAMES].sort()).toEqual([
      'discussion',
      'matters',
      'mediation',
      'notifications',
      'polls',
      'scheduler',
      'township',
      'village',
      'whistles',
    ])
  })

  describe.each(NAMES)('%s', (name) => {
    it.each(CALLERS)(
      'answers %s with its version after one database request, changing nothing',
      async (_who, openid) => {
        const before = await snapshot(backend)
        backend.emulator.counters.reset()
        const res = await backend.emulator.invoke(name, { action: 'health' }, openid)
        const counts = backend.emulator.counters.snapshot()
        expect(res).toEqual({
          ok: true,
          data: { function: name, version: VERSION, database: 'ok' },
        })
        // one function call, and one database request: the probe's get, nothing else
        expect(counts.functions).toEqual({ [name]: 1 })
        expect(counts.database).toEqual({ villages: { getDocument: 1 } })
        expect(backend.emulator.counters.total()).toBe(1)
        expect(await snapshot(backend)).toEqual(before)
      },
    )
  })

  it('reports the version package.json has, not a development placeholder', () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/)
    expect(VERSION).not.toBe('dev')
  })

  it('the scheduler still refuses any other call from a caller with an OPENID, reading nothing', async () => {
    backend.emulator.counters.reset()
    for (const event of [{}, { action: 'closePolls' }, { action: 'Health' }]) {
      expect(await backend.emulator.invoke('scheduler', event, CAST.committee.openid)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '您没有权限做这件事。' },
      })
    }
    expect(backend.emulator.counters.total()).toBe(0)
  })
})

describe('health, when the database cannot answer', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await startEmulator({
      memory: true,
      functionsDir: FUNCTIONS_OUT,
      // a fresh environment nobody set up: not one collection exists
      collections: [],
      functionLog: () => undefined,
      functionTimeoutMs: 15_000,
      functionEnv: { POLLS_BALLOT_SECRET: TEST_BALLOT_SECRET },
    })
    emulator.clock.set(TEST_NOW)
  })
  afterAll(() => emulator.close())

  it.each(NAMES)('%s answers UNAVAILABLE in plain Chinese, not INTERNAL', async (name) => {
    emulator.counters.reset()
    const res = (await emulator.invoke(name, { action: 'health' })) as {
      ok: boolean
      error?: { code: string; message: string }
    }
    expect(res).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: '数据库暂时连不上，请稍后再试。' },
    })
    expect(res.error?.message).toMatch(CHINESE)
    expect(emulator.counters.total()).toBe(1)
  })
})

describe('health of polls without its ballot secret', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await startEmulator({
      memory: true,
      functionsDir: FUNCTIONS_OUT,
      collections: [],
      functionLog: () => undefined,
      functionTimeoutMs: 15_000,
      // no POLLS_BALLOT_SECRET
    })
  })
  afterAll(() => emulator.close())

  it('is not healthy: it answers what is missing, without a database request', async () => {
    emulator.counters.reset()
    expect(await emulator.invoke('polls', { action: 'health' })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '投票服务还没有配置好，请联系村委会。' },
    })
    expect(emulator.counters.total()).toBe(0)
  })
})

describe('the probe', () => {
  it('is one get by an _id of villages (no query, no write)', async () => {
    const calls: string[] = []
    const stand = {
      collection: (name: string) => {
        calls.push(`collection(${name})`)
        return {
          doc: (id: string) => {
            calls.push(`doc(${id})`)
            return {
              get: async () => {
                calls.push('get()')
                return { data: [] }
              },
            }
          },
        }
      },
    } as unknown as Database
    expect(await health('matters', () => stand)).toEqual({
      ok: true,
      data: { function: 'matters', version: 'dev', database: 'ok' },
    })
    expect(calls).toEqual(['collection(villages)', 'doc(~health-probe)', 'get()'])
  })

  it('an SDK answer carrying an error code is a failure too', async () => {
    const stand = {
      collection: () => ({
        doc: () => ({ get: async () => ({ code: 'DATABASE_REQUEST_FAILED', message: 'x' }) }),
      }),
    } as unknown as Database
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await health('village', () => stand)).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: '数据库暂时连不上，请稍后再试。' },
    })
    expect(log.mock.calls[0]?.[0]).toMatch(/\[health\] village: .*DATABASE_REQUEST_FAILED/)
    log.mockRestore()
  })
})

/**
 * `npm run smoke` (scripts/smoke.ts, deploy/smoke.ts) against the emulator running the functions
 * built from the sources into a temporary folder: every function answers ok with package.json's
 * version; a database nobody set up fails every one, naming UNAVAILABLE; polls without its ballot
 * key fails alone; an older bundle is caught by its version; and with no credentials it is skipped
 * with a clear line and exit code 0 (CI calls no environment).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/src'
import { COLLECTIONS } from '../../cloudfunctions/_shared/collections'
import { healthProblem } from '../../deploy/smoke'
import { buildFunctions } from '../../scripts/build-functions'
import { main, SKIPPED } from '../../scripts/smoke'

const VERSION = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
    version: string
  }
).version
const KEY = 'smoke-ballot-key-0123456789abcdef0123456789'

let tmp: string
let built: string
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-smoke-'))
  built = path.join(tmp, 'functions')
  await buildFunctions({ out: built })
}, 120_000)
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const emulatorWith = (
  collections: typeof COLLECTIONS,
  functionEnv: Record<string, string>,
): Promise<Emulator> =>
  startEmulator({
    memory: true,
    functionsDir: built,
    collections,
    functionEnv,
    functionLog: () => undefined,
    functionTimeoutMs: 15_000,
    // the scheduler's timer (every minute) would add its own call to the nine counted
    timerTriggers: false,
  })

const run = async (emulator: Emulator) => {
  const lines: string[] = []
  const code = await main(
    ['--url', emulator.serviceUrl],
    {
      TENCENTCLOUD_SECRETID: emulator.credentials.secretId,
      TENCENTCLOUD_SECRETKEY: emulator.credentials.secretKey,
    },
    (l) => lines.push(l),
  )
  return { code, lines }
}

/** `ok` / `FAILED`, the name, the rest: the printed columns. */
const columns = (line: string) => {
  const m = /^(\S+)\s+(\S+)\s+(.*)$/.exec(line)
  return m ? [m[1], m[2], m[3]] : [line]
}

describe('npm run smoke', () => {
  it('without credentials is skipped with a clear line, exit 0, and calls nothing', async () => {
    const lines: string[] = []
    // an address where nothing listens: any call would fail the run
    expect(await main(['--url', 'http://127.0.0.1:9'], {}, (l) => lines.push(l))).toBe(0)
    expect(lines).toEqual([SKIPPED])
    expect(SKIPPED).toMatch(/skipped/)
  })

  it('with credentials but no environment names what is missing (exit 2)', async () => {
    const lines: string[] = []
    const env = { TENCENTCLOUD_SECRETID: 'AKIDx', TENCENTCLOUD_SECRETKEY: 'y' }
    expect(await main([], env, (l) => lines.push(l))).toBe(2)
    expect(lines[0]).toMatch(/--env <envId>/)
  })

  describe('an environment deployed and set up', () => {
    let emulator: Emulator
    beforeAll(async () => {
      emulator = await emulatorWith(COLLECTIONS, { POLLS_BALLOT_SECRET: KEY })
    })
    afterAll(() => emulator.close())

    it('answers ok for each of the nine functions, with the version, and writes nothing', async () => {
      emulator.counters.reset()
      const { code, lines } = await run(emulator)
      expect(code).toBe(0)
      expect(lines[0]).toBe(`smoke: ${emulator.serviceUrl}, expecting version ${VERSION}`)
      const rows = lines.slice(1, -1).map(columns)
      expect(rows.map((r) => [r[0], r[1]])).toEqual([
        ['ok', 'discussion'],
        ['ok', 'matters'],
        ['ok', 'mediation'],
        ['ok', 'notifications'],
        ['ok', 'polls'],
        ['ok', 'scheduler'],
        ['ok', 'township'],
        ['ok', 'village'],
        ['ok', 'whistles'],
      ])
      for (const r of rows)
        expect(r[2]).toMatch(new RegExp(`^version ${VERSION}, database ok, \\d+ ms$`))
      expect(lines.at(-1)).toBe('smoke: all 9 functions ok')
      // nine calls, nine probes (one get each), no write
      const counts = emulator.counters.snapshot()
      expect(Object.values(counts.functions).reduce((a, b) => a + b, 0)).toBe(9)
      expect(counts.database).toEqual({ villages: { getDocument: 9 } })
    })
  })

  describe('an environment whose database was never set up', () => {
    let emulator: Emulator
    beforeAll(async () => {
      emulator = await emulatorWith([], { POLLS_BALLOT_SECRET: KEY })
    })
    afterAll(() => emulator.close())

    it('fails every function, saying the database did not answer (exit 1)', async () => {
      const { code, lines } = await run(emulator)
      expect(code).toBe(1)
      const rows = lines.slice(1, -1).map(columns)
      expect(rows).toHaveLength(9)
      for (const r of rows) {
        expect(r[0]).toBe('FAILED')
        expect(r[2]).toBe('answered UNAVAILABLE: 数据库暂时连不上，请稍后再试。')
      }
      expect(lines.at(-1)).toBe('smoke: 9 of 9 functions failed')
    })
  })

  describe('polls deployed without its ballot key', () => {
    let emulator: Emulator
    beforeAll(async () => {
      emulator = await emulatorWith(COLLECTIONS, {})
    })
    afterAll(() => emulator.close())

    it('fails polls alone', async () => {
      const { code, lines } = await run(emulator)
      expect(code).toBe(1)
      const failed = lines
        .slice(1, -1)
        .map(columns)
        .filter((r) => r[0] !== 'ok')
      expect(failed).toEqual([
        ['FAILED', 'polls', 'answered INTERNAL: 投票服务还没有配置好，请联系村委会。'],
      ])
      expect(lines.at(-1)).toBe('smoke: 1 of 9 functions failed')
    })
  })
})

describe('healthProblem', () => {
  const report = { function: 'matters', version: '0.2.0', database: 'ok' }
  it('accepts the function’s own report at the version shipped', () => {
    expect(healthProblem('matters', '0.2.0', { ok: true, data: report })).toBeUndefined()
  })
  it('catches an older bundle still live', () => {
    expect(healthProblem('matters', '0.3.0', { ok: true, data: report })).toBe(
      'runs version 0.2.0, not 0.3.0 (deploy again: an older bundle is live)',
    )
  })
  it('catches another function answering, and an answer that is no envelope', () => {
    expect(healthProblem('village', '0.2.0', { ok: true, data: report })).toBe(
      'answered as "matters"',
    )
    expect(healthProblem('village', '0.2.0', null)).toBe(
      'answered something that is not an envelope: null',
    )
  })
})

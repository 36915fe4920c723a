// Timer triggers from config.json on the emulator's clock: CloudBase's 7-field cron in UTC+8,
// fired once per due time when the clock is moved past it; bad triggers refused at start.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCron, type Emulator } from '../src/index'
import { sdkFor, start } from './helpers'

jest.setTimeout(60_000)

const TIMERS = path.join(__dirname, 'fixtures', 'timers')

interface Tick {
  fn: string
  event: { Type: string; TriggerName: string; Time: string; Message: string }
  seen: string
}

const ticks = async (emulator: Emulator): Promise<Tick[]> => {
  const { data } = await sdkFor(emulator).database().collection('ticks').limit(1000).get()
  return (data as Tick[]).sort((a, b) => a.seen.localeCompare(b.seen) || a.fn.localeCompare(b.fn))
}

describe('timer triggers on the clock', () => {
  let emulator: Emulator

  beforeEach(async () => {
    emulator = await start({ functionsDir: TIMERS, collections: [{ name: 'ticks' }] })
    // 20:59:30 in Shanghai
    emulator.clock.set('2026-03-04T12:59:30Z')
  })

  afterEach(async () => {
    await emulator.close()
  })

  it('reads the triggers of config.json', () => {
    expect(emulator.triggers.map((t) => [t.functionName, t.name, t.cron.expression])).toEqual([
      ['minutely', 'everyMinute', '0 * * * * * *'],
      ['nightly', 'closeVotes', '0 0 21 * * * *'],
    ])
  })

  it('moving the clock past 21:00 Shanghai time fires the trigger once, at its time', async () => {
    await emulator.clock.advance(60_000)
    expect(await ticks(emulator)).toEqual([
      {
        _id: expect.any(String),
        fn: 'minutely',
        event: {
          Type: 'Timer',
          TriggerName: 'everyMinute',
          Time: '2026-03-04T13:00:00Z',
          Message: '',
        },
        seen: '2026-03-04T13:00:00.000Z',
      },
      {
        _id: expect.any(String),
        fn: 'nightly',
        event: {
          Type: 'Timer',
          TriggerName: 'closeVotes',
          Time: '2026-03-04T13:00:00Z',
          Message: '',
        },
        seen: '2026-03-04T13:00:00.000Z',
      },
    ])
    // moving on within the same minute fires nothing again
    await emulator.clock.advance(20_000)
    expect(await ticks(emulator)).toHaveLength(2)
    const fired = emulator.invocations().map((i) => [i.name, i.source, i.code, i.at])
    expect(fired.sort()).toEqual([
      ['minutely', 'timer:everyMinute', 'OK', '2026-03-04T13:00:00.000Z'],
      ['nightly', 'timer:closeVotes', 'OK', '2026-03-04T13:00:00.000Z'],
    ])
  })

  it('an advance over several due times fires each one once, in order', async () => {
    await emulator.clock.advance(3 * 60_000)
    const minutely = (await ticks(emulator)).filter((t) => t.fn === 'minutely')
    expect(minutely.map((t) => t.seen)).toEqual([
      '2026-03-04T13:00:00.000Z',
      '2026-03-04T13:01:00.000Z',
      '2026-03-04T13:02:00.000Z',
    ])
    expect(emulator.clock.now()).toBe(Date.parse('2026-03-04T13:02:30Z'))
  })

  it('a frozen clock fires nothing in real time', async () => {
    await new Promise((r) => setTimeout(r, 1200))
    expect(await ticks(emulator)).toEqual([])
  })
})

describe('CloudBase cron', () => {
  const next = (expr: string, after: string) =>
    new Date(parseCron(expr).next(Date.parse(after)) as number).toISOString()

  it('evaluates in UTC+8', () => {
    // 02:00 on the 1st of the month in Shanghai is 18:00Z the day before
    expect(next('0 0 2 1 * * *', '2026-03-04T00:00:00Z')).toBe('2026-03-31T18:00:00.000Z')
    expect(next('0 15 10 * * MON-FRI *', '2026-03-06T03:00:00Z')).toBe('2026-03-09T02:15:00.000Z')
    expect(next('*/5 * * * * * *', '2026-03-04T00:00:03Z')).toBe('2026-03-04T00:00:05.000Z')
    expect(next('0 */30 9-17 * * * *', '2026-03-04T09:59:00Z')).toBe('2026-03-05T01:00:00.000Z')
    expect(next('0 0 12 * * WED 2027', '2026-03-04T00:00:00Z')).toBe('2027-01-06T04:00:00.000Z')
  })

  it('day and weekday both restricted: either one', () => {
    // the 15th, or a Sunday (2026-03-08 is a Sunday)
    expect(next('0 0 0 15 * 0 *', '2026-03-04T00:00:00Z')).toBe('2026-03-07T16:00:00.000Z')
  })

  it.each([
    ['0 0 2 1 * *', '6 fields; CloudBase needs 7'],
    ['0 0 25 * * * *', 'hour field "25": 25 is outside 0–23'],
    ['0 0 0 * * 7 *', 'weekday field "7": 7 is outside 0–6'],
    ['0 0 0 * FOO * *', 'month field "FOO": "FOO" is not a number'],
    ['0 0 0 31 2 * *', 'it never falls due'],
    ['0 0 0 * * * 2100', 'year field "2100"'],
    ['0 */0 * * * * *', 'step "0"'],
  ])('refuses %s', (expr, message) => {
    expect(() => parseCron(expr)).toThrow(message)
  })
})

describe('bad triggers are refused at start', () => {
  const withConfig = async (config: unknown): Promise<unknown> => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-triggers-'))
    fs.mkdirSync(path.join(dir, 'job'))
    fs.writeFileSync(path.join(dir, 'job', 'index.js'), 'exports.main = async () => 1')
    fs.writeFileSync(path.join(dir, 'job', 'config.json'), JSON.stringify(config))
    try {
      const emulator = await start({ functionsDir: dir })
      await emulator.close()
      return undefined
    } catch (e) {
      return (e as Error).message
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }

  it('names the file, the trigger and what is wrong', async () => {
    expect(
      await withConfig({
        triggers: [{ name: 'nightly', type: 'timer', config: '0 0 25 * * * *' }],
      }),
    ).toMatch(
      /job\/config\.json: trigger nightly: bad cron expression "0 0 25 \* \* \* \*": hour field "25"/,
    )
    expect(
      await withConfig({ triggers: [{ name: '1st', type: 'timer', config: '* * * * * * *' }] }),
    ).toMatch(/trigger name "1st" must start with a letter/)
    expect(await withConfig({ triggers: [{ name: 'a', type: 'cos', config: 'x' }] })).toMatch(
      /only "timer" is supported/,
    )
  })
})

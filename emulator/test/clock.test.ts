// The one clock: set, advance and reset through the programmatic API and POST /dev/clock; the
// functions' own Date and db.serverDate() read it; advance fires each due time once, in order.
import path from 'node:path'
import { Clock, type Emulator } from '../src/index'
import { sdkFor, start } from './helpers'

jest.setTimeout(60_000)

const FIXTURES = path.join(__dirname, 'fixtures', 'functions')

interface Seen {
  seenNow: number
  seenNew: string
  seenCall: string
  serverDate: string
}

describe('the clock seen by functions and the database', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({ functionsDir: FIXTURES, collections: [{ name: 'calls' }] })
  })

  afterAll(async () => {
    await emulator.close()
  })

  afterEach(() => emulator.clock.reset())

  it('a set clock is what new Date(), Date.now(), Date() and db.serverDate() read', async () => {
    emulator.clock.set('2026-03-04T12:59:00.000Z')
    expect(emulator.clock.now()).toBe(Date.UTC(2026, 2, 4, 12, 59))
    const seen = (await emulator.invoke('clock', {})) as Seen
    expect(seen).toEqual({
      seenNow: Date.UTC(2026, 2, 4, 12, 59),
      seenNew: '2026-03-04T12:59:00.000Z',
      seenCall: expect.stringContaining('Mar 04 2026'),
      serverDate: '2026-03-04T12:59:00.000Z',
    })
  })

  it('advance moves it; the SDK inside the function still gets its answers', async () => {
    emulator.clock.set(new Date('2026-03-04T12:59:00.000Z'))
    await emulator.clock.advance(2 * 60_000)
    const seen = (await emulator.invoke('clock', {})) as Seen
    expect(seen.seenNew).toBe('2026-03-04T13:01:00.000Z')
    expect(seen.serverDate).toBe('2026-03-04T13:01:00.000Z')
  })

  it('db.serverDate() from the host SDK reads the clock too', async () => {
    emulator.clock.set(Date.UTC(2030, 0, 1))
    const db = sdkFor(emulator).database()
    const { id } = await db.collection('calls').add({ at: db.serverDate({ offset: 1000 }) })
    const { data } = await db
      .collection('calls')
      .doc(id as string)
      .get()
    expect(new Date(data[0].at).toISOString()).toBe('2030-01-01T00:00:01.000Z')
  })

  it('reset goes back to real time', async () => {
    emulator.clock.set('2001-01-01T00:00:00Z')
    emulator.clock.reset()
    const before = Date.now()
    const seen = (await emulator.invoke('clock', {})) as Seen
    expect(seen.seenNow).toBeGreaterThanOrEqual(before)
    expect(seen.seenNow).toBeLessThanOrEqual(Date.now())
  })

  it('has no POST /dev/clock outside dev mode', async () => {
    const res = await fetch(`${emulator.url}/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ set: '2026-01-01T00:00:00Z' }),
    })
    expect(res.status).toBe(404)
    expect(Math.abs(emulator.clock.now() - Date.now())).toBeLessThan(5000)
  })
})

describe('POST /dev/clock in dev mode', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({ functionsDir: FIXTURES, dev: true, collections: [{ name: 'calls' }] })
  })

  afterAll(async () => {
    await emulator.close()
  })

  const post = async (body: unknown) => {
    const res = await fetch(`${emulator.url}/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }

  it('sets, then advances, and the function sees it', async () => {
    expect(await post({ set: '2026-03-04T12:59:00Z', advanceMs: 120_000 })).toEqual({
      status: 200,
      body: { now: '2026-03-04T13:01:00.000Z', frozen: true },
    })
    expect(((await emulator.invoke('clock', {})) as Seen).seenNew).toBe('2026-03-04T13:01:00.000Z')
    expect((await post({ reset: true })).body.frozen).toBe(false)
  })

  it('refuses a bad instant or a negative advance and leaves the clock alone', async () => {
    emulator.clock.set('2026-03-04T12:00:00Z')
    expect(await post({ set: 'tomorrow-ish' })).toMatchObject({
      status: 400,
      body: { code: 'INVALID_PARAM' },
    })
    expect((await post({ advanceMs: -5 })).status).toBe(400)
    expect(emulator.clock.now()).toBe(Date.UTC(2026, 2, 4, 12))
  })
})

describe('Clock.advance and schedules', () => {
  /** Due every `every` ms from 0; records what it fired and the clock reading while firing. */
  const everyMs = (clock: Clock, every: number) => {
    const fired: Array<{ at: number; seen: number }> = []
    clock.addSchedule({
      nextDue: (after) => (Math.floor(after / every) + 1) * every,
      fire: async (at) => {
        await new Promise((r) => setTimeout(r, 1))
        fired.push({ at, seen: clock.now() })
      },
    })
    return fired
  }

  it('fires each due time it moves past once, in order, with the clock at that time', async () => {
    const clock = new Clock()
    clock.set(10_500)
    const fired = everyMs(clock, 1000)
    await clock.advance(2_500)
    expect(fired).toEqual([
      { at: 11_000, seen: 11_000 },
      { at: 12_000, seen: 12_000 },
      { at: 13_000, seen: 13_000 },
    ])
    expect(clock.now()).toBe(13_000)
    await clock.advance(0)
    await clock.advance(999)
    expect(fired).toHaveLength(3)
    await clock.advance(1)
    expect(fired.map((f) => f.at)).toEqual([11_000, 12_000, 13_000, 14_000])
  })

  it('two concurrent advances never fire one due time twice', async () => {
    const clock = new Clock()
    clock.set(0)
    const fired = everyMs(clock, 100)
    await Promise.all([clock.advance(250), clock.advance(250)])
    expect(fired.map((f) => f.at)).toEqual([100, 200, 300, 400, 500])
    expect(clock.now()).toBe(500)
  })

  it('a set fires nothing', async () => {
    const clock = new Clock()
    clock.set(0)
    const fired = everyMs(clock, 100)
    clock.set(1_000)
    await clock.advance(0)
    expect(fired).toEqual([])
  })
})

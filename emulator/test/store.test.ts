// Sorted pages: a sort on indexed fields is done by SQLite when it orders the stored values exactly
// as MongoDB does, and by JavaScript otherwise. Either way the answer is MongoDB's order, checked
// here through the REAL @cloudbase/node-sdk against orders written out by hand.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import type { Emulator } from '../src/index'
import { Store } from '../src/store'
import { sdkFor, start, type App } from './helpers'

jest.setTimeout(60_000)

const key = (field: string, direction: 1 | -1 = 1) => ({ field, direction })

const COLLECTIONS = [
  {
    name: 's',
    indexes: [
      { name: 'g_n', keys: [key('g'), key('n', -1)] },
      { name: 'g_t', keys: [key('g'), key('t')] },
      { name: 'g_at', keys: [key('g'), key('at', -1)] },
      { name: 'g_b', keys: [key('g'), key('b')] },
      { name: 'g_x', keys: [key('g'), key('x')] },
    ],
  },
]

let emulator: Emulator
let app: App
let db: ReturnType<App['database']>

beforeAll(async () => {
  emulator = await start({ collections: COLLECTIONS })
  app = sdkFor(emulator)
  db = app.database()
})

afterAll(async () => {
  await emulator.close()
})

const ids = (list: unknown[]): string[] => list.map((d) => (d as { _id: string })._id)

/** Add documents of one group, one at a time (natural order = the order given). */
const addAll = async (g: string, docs: Array<Record<string, unknown>>): Promise<void> => {
  for (const d of docs) await db.collection('s').add({ ...d, g })
}

const page = async (
  g: string,
  field: string,
  dir: 'asc' | 'desc',
  opts: { skip?: number; limit?: number; then?: [string, 'asc' | 'desc'] } = {},
): Promise<string[]> => {
  let q = db.collection('s').where({ g }).orderBy(field, dir)
  if (opts.then) q = q.orderBy(opts.then[0], opts.then[1])
  if (opts.skip) q = q.skip(opts.skip)
  const { data } = await q.limit(opts.limit ?? 100).get()
  return ids(data)
}

describe('sorted pages', () => {
  it('numbers by value, missing and null first ascending and last descending, ties in natural order', async () => {
    await addAll('num', [
      { _id: 'n10', n: 10 },
      { _id: 'nm', x: 1 },
      { _id: 'n-2', n: -2 },
      { _id: 'n2.5', n: 2.5 },
      { _id: 'nnull', n: null },
      { _id: 'n2a', n: 2 },
      { _id: 'n2b', n: 2 },
    ])
    expect(await page('num', 'n', 'asc')).toEqual([
      'nm',
      'nnull',
      'n-2',
      'n2a',
      'n2b',
      'n2.5',
      'n10',
    ])
    expect(await page('num', 'n', 'desc')).toEqual([
      'n10',
      'n2.5',
      'n2a',
      'n2b',
      'n-2',
      'nm',
      'nnull',
    ])
    expect(await page('num', 'n', 'desc', { skip: 2, limit: 2 })).toEqual(['n2a', 'n2b'])
    expect(await page('num', 'n', 'desc', { then: ['_id', 'desc'], limit: 4 })).toEqual([
      'n10',
      'n2.5',
      'n2b',
      'n2a',
    ])
  })

  it('strings by code point: a full-width bracket before an emoji, as MongoDB compares UTF-8', async () => {
    await addAll('txt', [
      { _id: 't-emoji', t: '😀' },
      { _id: 't-paren', t: '（' },
      { _id: 't-zhang', t: '张' },
      { _id: 't-a', t: 'a' },
      { _id: 't-B', t: 'B' },
    ])
    // B (U+0042) < a (U+0061) < 张 (U+5F20) < （ (U+FF08) < 😀 (U+1F600)
    expect(await page('txt', 't', 'asc')).toEqual(['t-B', 't-a', 't-zhang', 't-paren', 't-emoji'])
    expect(await page('txt', 't', 'desc')).toEqual(['t-emoji', 't-paren', 't-zhang', 't-a', 't-B'])
  })

  it('dates by time', async () => {
    await addAll('date', [
      { _id: 'd-noon', at: new Date('2026-12-04T12:00:00.000Z') },
      { _id: 'd-1999', at: new Date('1999-01-01T00:00:00.000Z') },
      { _id: 'd-none' },
      { _id: 'd-ms', at: new Date('2026-12-04T12:00:00.001Z') },
    ])
    expect(await page('date', 'at', 'desc')).toEqual(['d-ms', 'd-noon', 'd-1999', 'd-none'])
    expect(await page('date', 'at', 'asc')).toEqual(['d-none', 'd-1999', 'd-noon', 'd-ms'])
  })

  it('mixed kinds sort in MongoDB type order (numbers before strings before booleans)', async () => {
    await addAll('mix', [
      { _id: 'm-true', b: true },
      { _id: 'm-2', b: 2 },
      { _id: 'm-false', b: false },
      { _id: 'm-str', b: 'z' },
      { _id: 'm-0', b: 0 },
    ])
    // SQLite alone would put true (1) between 0 and 2, and false (0) beside 0.
    expect(await page('mix', 'b', 'asc')).toEqual(['m-0', 'm-2', 'm-str', 'm-false', 'm-true'])
  })

  it('a write of another kind after the first sort is seen by the next one', async () => {
    await addAll('late', [
      { _id: 'l-3', x: 3 },
      { _id: 'l-1', x: 1 },
    ])
    expect(await page('late', 'x', 'asc')).toEqual(['l-1', 'l-3'])
    await addAll('late', [{ _id: 'l-true', x: true }])
    await db
      .collection('s')
      .doc('l-3')
      .update({ x: [0, 9] })
    // an array sorts by its smallest element ascending; booleans after numbers
    expect(await page('late', 'x', 'asc')).toEqual(['l-3', 'l-1', 'l-true'])
  })

  it('a string holding a lone surrogate sorts as MongoDB stores it (as U+FFFD), in JavaScript', async () => {
    await addAll('lone', [
      { _id: 'lo-emoji', t: 'a😀' },
      { _id: 'lo-sur', t: 'a\ud800' },
      { _id: 'lo-paren', t: 'a（' },
    ])
    // （ U+FF08 < U+FFFD < 😀 U+1F600; SQLite would put the surrogate's bytes (ED A0 80) first
    expect(await page('lone', 't', 'asc')).toEqual(['lo-paren', 'lo-sur', 'lo-emoji'])
  })
})

describe('the sort in SQL', () => {
  const fill = (s: Store, docs: Array<Record<string, unknown>>): void => {
    docs.forEach((d, i) => s.insertRow('s', `id${i}`, JSON.stringify(d)))
  }

  it('reads a page through the index, with no sort of the whole group', () => {
    const s = new Store({ file: null })
    s.declareCollection(COLLECTIONS[0])
    fill(s, [
      { g: 'v', n: 1 },
      { g: 'v', n: 2 },
    ])
    const plan = s.explain('s', { g: 'v' }, [{ field: 'n', dir: -1 }])
    expect(plan).toMatch(/USING INDEX ix_s_g_n/)
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
    // the second key breaks ties only
    expect(
      s.explain('s', { g: 'v' }, [
        { field: 'n', dir: -1 },
        { field: '_id', dir: -1 },
      ]),
    ).toMatch(/USING INDEX ix_s_g_n[\s\S]*TEMP B-TREE FOR (RIGHT PART|LAST 2 TERMS) OF ORDER BY/)
    s.close()
  })

  it('leaves the sort to JavaScript for a field of two kinds, an array, or no index', () => {
    const s = new Store({ file: null })
    s.declareCollection(COLLECTIONS[0])
    fill(s, [
      { g: 'v', n: 1, t: 'a', b: [1] },
      { g: 'v', n: 'one', t: 'b', b: [2] },
    ])
    expect(s.sortsInSql('s', [{ field: 't', dir: 1 }])).toBe(true)
    expect(s.sortsInSql('s', [{ field: 'n', dir: 1 }])).toBe(false)
    expect(s.sortsInSql('s', [{ field: 'b', dir: 1 }])).toBe(false)
    expect(s.sortsInSql('s', [{ field: 'free', dir: 1 }])).toBe(false)
    s.close()
  })

  it('stores dates with and without milliseconds at one width, so SQL sorts them by time', () => {
    const s = new Store({ file: null })
    s.declareCollection(COLLECTIONS[0])
    // relaxed EJSON leaves the milliseconds out when they are zero
    s.insertRow('s', 'whole', '{"g":"v","at":{"$date":"2026-12-04T12:00:00Z"}}')
    s.insertRow('s', 'later', '{"g":"v","at":{"$date":"2026-12-04T12:00:00.500Z"}}')
    s.insertRow('s', 'earlier', '{"g":"v","at":{"$date":"2026-12-04T11:59:59.999Z"}}')
    const keys = [{ field: 'at', dir: 1 as const }]
    expect(s.sortsInSql('s', keys)).toBe(true)
    expect(s.getRow('s', 'whole')?.doc).toBe('{"g":"v","at":{"$date":"2026-12-04T12:00:00.000Z"}}')
    expect([...s.scan('s', { g: 'v' }, keys)].map((r) => r.id)).toEqual([
      'earlier',
      'whole',
      'later',
    ])
    s.close()
  })

  it('a data file written before dates had one width: sorted in JavaScript until rewritten', () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/fengsi-store-old-${process.pid}.db`
    try {
      const first = new Store({ file })
      first.declareCollection(COLLECTIONS[0])
      first.close()
      // as the emulator stored it before: relaxed EJSON, no milliseconds when they are zero
      const raw = new Database(file)
      raw
        .prepare('INSERT INTO c_s (id, doc, ver) VALUES (?, ?, 1), (?, ?, 2)')
        .run(
          'old-whole',
          '{"g":"v","at":{"$date":"2026-12-04T12:00:00Z"}}',
          'old-ms',
          '{"g":"v","at":{"$date":"2026-12-04T11:00:00.500Z"}}',
        )
      raw.close()
      const keys = [{ field: 'at', dir: 1 as const }]
      const opened = new Store({ file })
      expect(opened.sortsInSql('s', keys)).toBe(false)
      opened.close()
      const rewritten = new Store({ file })
      rewritten.updateRow('s', 'old-whole', '{"g":"v","at":{"$date":"2026-12-04T12:00:00Z"}}')
      rewritten.close()
      const again = new Store({ file })
      expect(again.getRow('s', 'old-whole')?.doc).toContain('"2026-12-04T12:00:00.000Z"')
      expect(again.sortsInSql('s', keys)).toBe(true)
      expect([...again.scan('s', { g: 'v' }, keys)].map((r) => r.id)).toEqual([
        'old-ms',
        'old-whole',
      ])
      again.close()
    } finally {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
    }
  })

  it('finds a lone surrogate in the data it reads the kinds from', () => {
    const s = new Store({ file: null })
    s.declareCollection(COLLECTIONS[0])
    fill(s, [
      { g: 'v', t: 'a\ud800' },
      { g: 'v', t: 'b' },
    ])
    expect(s.sortsInSql('s', [{ field: 't', dir: 1 }])).toBe(false)
    s.close()
  })

  it('learns the kinds of data already in the file when it is opened again', () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/fengsi-store-${process.pid}.db`
    const first = new Store({ file })
    first.declareCollection(COLLECTIONS[0])
    fill(first, [
      { g: 'v', at: { $date: '2026-12-04T12:00:00.000Z' } },
      { g: 'v', at: true },
    ])
    first.close()
    const again = new Store({ file })
    expect(again.sortsInSql('s', [{ field: 'at', dir: -1 }])).toBe(false)
    again.close()
    const fresh = new Store({ file })
    fresh.clear('s')
    fill(fresh, [{ g: 'v', at: { $date: '2026-12-04T12:00:00.000Z' } }])
    fresh.close()
    const dates = new Store({ file })
    expect(dates.sortsInSql('s', [{ field: 'at', dir: -1 }])).toBe(true)
    dates.close()
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
  })
})

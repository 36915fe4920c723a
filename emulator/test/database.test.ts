// Every database action through the REAL @cloudbase/node-sdk against the emulator.
import type { Emulator } from '../src/index'
import { adminPost, idOf, rejectionOf, sdkFor, start, type App } from './helpers'

// Child processes, bundling and worker cold starts: generous when the whole suite shares 2 cores.
jest.setTimeout(60_000)

const COLLECTIONS = [
  { name: 'c', indexes: [{ name: 'a', keys: [{ field: 'a', direction: 1 as const }] }] },
  {
    name: 'members',
    indexes: [
      { name: 'openid', keys: [{ field: 'openid', direction: 1 as const }] },
      {
        name: 'villageId_openid',
        unique: true,
        keys: [
          { field: 'villageId', direction: 1 as const },
          { field: 'openid', direction: 1 as const },
        ],
      },
    ],
  },
  { name: 'big', indexes: [] },
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

// a raw request, signed as the SDK signs them (the emulator refuses unsigned ones)
const post = (body: Record<string, unknown>): Promise<Record<string, unknown>> =>
  adminPost(emulator, body)

describe('collections', () => {
  it('addCollection creates a collection once, then answers DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    await db.createCollection('fresh')
    expect((await db.collection('fresh').count()).total).toBe(0)
    const err = await rejectionOf(db.createCollection('fresh'))
    expect(err.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST')
  })

  it('a query, count, write or aggregate on a missing collection is DATABASE_COLLECTION_NOT_EXIST', async () => {
    const missing = db.collection('nope')
    for (const p of [
      missing.get(),
      missing.count(),
      missing.add({ a: 1 }),
      missing.where({ a: 1 }).update({ a: 2 }),
      missing.where({ a: 1 }).remove(),
      missing.aggregate().match({ a: 1 }).end(),
    ]) {
      const err = await rejectionOf(p)
      expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
      expect(String(err.message)).toContain('nope')
    }
  })

  it('answers errors as HTTP 200 with {code, message, requestId}', async () => {
    const body = await post({
      action: 'database.getDocument',
      collectionName: 'nope',
      queryType: 'WHERE',
    })
    expect(body).toEqual({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      message: '[ResourceNotFound] Db or Table not exist: nope',
      requestId: expect.any(String),
    })
    const unknown = await post({ action: 'database.dropEverything' })
    expect(unknown.code).toBe('INVALID_ACTION')
  })
})

describe('insert and read', () => {
  it('generates 32-lowercase-hex ids and round-trips types (dates, numbers, nested, regex values)', async () => {
    const t = new Date('2024-01-02T03:04:05.678Z')
    const id = idOf(
      await db.collection('c').add({
        a: 1,
        f: 1.5,
        t,
        nested: { x: { y: 1 } },
        tags: [],
        re: db.RegExp({ regexp: '^a', options: 'i' }),
      }),
    )
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    const { data } = await db.collection('c').doc(id).get()
    expect(data).toHaveLength(1)
    expect(data[0]).toMatchObject({ _id: id, a: 1, f: 1.5, t, nested: { x: { y: 1 } }, tags: [] })
    expect(data[0].t).toBeInstanceOf(Date)
  })

  it('resolves db.serverDate() to the server time, with its offset', async () => {
    const before = Date.now()
    const id = idOf(
      await db
        .collection('c')
        .add({ at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) }),
    )
    const after = Date.now()
    const [doc] = (await db.collection('c').doc(id).get()).data
    expect(doc.at).toBeInstanceOf(Date)
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before)
    expect(doc.at.getTime()).toBeLessThanOrEqual(after)
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000)
  })

  it('rejects a duplicate _id and writes nothing of a batch that contains one', async () => {
    await db.collection('c').add({ _id: 'dup-1', v: 1 })
    const err = await rejectionOf(db.collection('c').add({ _id: 'dup-1', v: 2 }))
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    expect(String(err.message)).toContain('duplicate key')
    const batch = await post({
      action: 'database.insertDocument',
      collectionName: 'c',
      data: ['{"_id":"fresh-in-batch","v":1}', '{"_id":"dup-1","v":3}'],
    })
    expect(batch.code).toBe('DATABASE_REQUEST_FAILED')
    expect((await db.collection('c').doc('fresh-in-batch').get()).data).toEqual([])
    expect((await db.collection('c').doc('dup-1').get()).data[0].v).toBe(1)
  })

  it('enforces declared unique indexes', async () => {
    await db.collection('members').add({ villageId: 'v1', openid: 'o1' })
    await db.collection('members').add({ villageId: 'v2', openid: 'o1' })
    const err = await rejectionOf(db.collection('members').add({ villageId: 'v1', openid: 'o1' }))
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    expect((await db.collection('members').where({ openid: 'o1' }).count()).total).toBe(2)
  })

  it('a missing doc reads as an empty list', async () => {
    expect((await db.collection('c').doc('no-such-doc').get()).data).toEqual([])
  })

  it('returns 100 documents by default and never more than 1,000', async () => {
    emulator.bulkInsert(
      'big',
      Array.from({ length: 1200 }, (_, i) => ({ i })),
    )
    expect((await db.collection('big').get()).data).toHaveLength(100)
    expect((await db.collection('big').limit(1000).get()).data).toHaveLength(1000)
    // The SDK refuses limits over 1,000 itself; the service caps a raw request too.
    const raw = await post({
      action: 'database.getDocument',
      collectionName: 'big',
      queryType: 'WHERE',
      limit: 5000,
    })
    expect((raw.data as { list: unknown[] }).list).toHaveLength(1000)
    expect((await db.collection('big').count()).total).toBe(1200)
  })

  it('applies where, orderBy, skip, limit and field projection', async () => {
    await db.collection('c').add([
      { g: 'q', n: 3, name: 'three', extra: true },
      { g: 'q', n: 1, name: 'one', extra: true },
      { g: 'q', n: 2, name: 'two', extra: true },
      { g: 'other', n: 0, name: 'zero' },
    ])
    const res = await db
      .collection('c')
      .where({ g: 'q' })
      .orderBy('n', 'desc')
      .skip(1)
      .limit(1)
      .field({ name: true, n: true })
      .get()
    expect(res.data).toEqual([{ _id: expect.any(String), n: 2, name: 'two' }])
    const all = await db.collection('c').where({ g: 'q' }).orderBy('n', 'asc').get()
    expect(all.data.map((d: { n: number }) => d.n)).toEqual([1, 2, 3])
  })

  it('supports command operators, $or/$and, $in, $exists and regular expressions', async () => {
    const _ = db.command
    await db.collection('c').add([
      { kind: 'rx', name: 'First', b: 3 },
      { kind: 'rx', name: 'second', b: 7 },
      { kind: 'rx', name: 'third', b: 9, deep: { x: 1 } },
    ])
    const byRegex = await db
      .collection('c')
      .where({ kind: 'rx', name: db.RegExp({ regexp: '^fir', options: 'i' }) })
      .get()
    expect(byRegex.data.map((d: { name: string }) => d.name)).toEqual(['First'])
    const byOr = await db
      .collection('c')
      .where(_.and([{ kind: 'rx' }, _.or([{ name: /^sec/ }, { b: _.in([9]) }])]))
      .get()
    expect(byOr.data.map((d: { name: string }) => d.name).sort()).toEqual(['second', 'third'])
    const range = await db
      .collection('c')
      .where({ kind: 'rx', b: _.gt(3).and(_.lte(9)) })
      .count()
    expect(range.total).toBe(2)
    const exists = await db
      .collection('c')
      .where({ kind: 'rx', 'deep.x': _.exists(true) })
      .count()
    expect(exists.total).toBe(1)
  })
})

describe('updates', () => {
  it('applies dotted and nested updates, $inc $push $addToSet $pull $unset, and serverDate', async () => {
    const _ = db.command
    const id = idOf(
      await db.collection('c').add({
        n: 1,
        tags: ['a', 'b'],
        nested: { x: { y: 1 }, keep: true },
        gone: 'soon',
      }),
    )
    const res = await db
      .collection('c')
      .doc(id)
      .update({
        n: _.inc(2),
        tags: _.push(['c', 'd']),
        'nested.x.z': 2,
        gone: _.remove(),
        updatedAt: db.serverDate(),
      })
    expect(res.updated).toBe(1)
    await db
      .collection('c')
      .doc(id)
      .update({ tags: _.addToSet('a') })
    await db
      .collection('c')
      .doc(id)
      .update({ tags: _.pull('b'), nested: { x: { w: 3 } } })
    const [doc] = (await db.collection('c').doc(id).get()).data
    expect(doc.n).toBe(3)
    expect(doc.tags).toEqual(['a', 'c', 'd'])
    expect(doc.nested).toEqual({ x: { y: 1, z: 2, w: 3 }, keep: true })
    expect(doc).not.toHaveProperty('gone')
    expect(doc.updatedAt).toBeInstanceOf(Date)
    await db
      .collection('c')
      .doc(id)
      .update({ tags: _.addToSet('a') })
    expect((await db.collection('c').doc(id).get()).data[0].tags).toEqual(['a', 'c', 'd'])
  })

  it('set() replaces a document, or inserts it under the given id', async () => {
    const created = await db.collection('c').doc('my-own-id').set({ a: 3, name: 'made' })
    expect(created.upsertedId).toBe('my-own-id')
    const replaced = await db.collection('c').doc('my-own-id').set({ name: 'replaced' })
    expect(replaced.updated).toBe(1)
    expect((await db.collection('c').doc('my-own-id').get()).data).toEqual([
      { _id: 'my-own-id', name: 'replaced' },
    ])
  })

  it('where().update() changes every match and reports how many', async () => {
    const _ = db.command
    await db.collection('c').add([
      { grp: 'm', v: 1 },
      { grp: 'm', v: 2 },
      { grp: 'm2', v: 3 },
    ])
    const res = await db
      .collection('c')
      .where({ grp: 'm' })
      .update({ flag: true, v: _.inc(10) })
    expect(res.updated).toBe(2)
    const docs = (
      await db
        .collection('c')
        .where({ grp: _.in(['m', 'm2']) })
        .get()
    ).data
    expect(docs.map((d: { v: number }) => d.v).sort((x: number, y: number) => x - y)).toEqual([
      3, 11, 12,
    ])
  })

  it('doc().update() of a missing document updates nothing', async () => {
    expect((await db.collection('c').doc('ghost').update({ a: 1 })).updated).toBe(0)
    expect((await db.collection('c').doc('ghost').get()).data).toEqual([])
  })

  it('modifyAndReturnDoc returns the updated document', async () => {
    const _ = db.command
    const id = idOf(await db.collection('c').add({ counter: 16 }))
    const res = await db
      .collection('c')
      .where({ _id: id })
      .updateAndReturn({ counter: _.inc(1) })
    expect(res.updated).toBe(1)
    expect(res.doc).toMatchObject({ _id: id, counter: 17 })
    const none = await db.collection('c').where({ _id: 'ghost' }).updateAndReturn({ counter: 1 })
    expect(none.updated).toBe(0)
    expect(none.doc).toBeNull()
  })

  it('100 concurrent _.inc(1) add exactly 100', async () => {
    const _ = db.command
    const id = idOf(await db.collection('c').add({ hits: 0 }))
    await Promise.all(
      Array.from({ length: 100 }, () =>
        db
          .collection('c')
          .doc(id)
          .update({ hits: _.inc(1) }),
      ),
    )
    expect((await db.collection('c').doc(id).get()).data[0].hits).toBe(100)
  })

  it('refuses to change _id', async () => {
    const id = idOf(await db.collection('c').add({ a: 1 }))
    const body = await post({
      action: 'database.modifyDocument',
      collectionName: 'c',
      queryType: 'DOC',
      query: JSON.stringify({ _id: id }),
      data: JSON.stringify({ $set: { _id: 'other' } }),
      merge: true,
      multi: false,
      upsert: false,
    })
    expect(body.code).toBeTruthy()
    expect((await db.collection('c').doc(id).get()).data).toHaveLength(1)
  })
})

describe('remove and count', () => {
  it('removes one document by id and many by query', async () => {
    const ids = (await db.collection('c').add([{ rm: 1 }, { rm: 1 }, { rm: 1 }, { rm: 2 }]))
      .ids as string[]
    expect((await db.collection('c').doc(ids[0]).remove()).deleted).toBe(1)
    expect((await db.collection('c').doc(ids[0]).remove()).deleted).toBe(0)
    expect((await db.collection('c').where({ rm: 1 }).remove()).deleted).toBe(2)
    expect(
      (
        await db
          .collection('c')
          .where({ rm: db.command.exists(true) })
          .count()
      ).total,
    ).toBe(1)
  })
})

describe('aggregate', () => {
  it('runs $match $group $sort $project $unwind $skip $limit $count', async () => {
    const $ = db.command.aggregate
    await db.collection('c').add([
      { agg: true, a: 1, b: 3, tags: ['x', 'y'] },
      { agg: true, a: 1, b: 7, tags: ['x'] },
      { agg: true, a: 2, b: 9, tags: [] },
    ])
    const grouped = await db
      .collection('c')
      .aggregate()
      .match({ agg: true })
      .group({ _id: '$a', total: $.sum('$b'), n: $.sum(1) })
      .sort({ _id: 1 })
      .end()
    expect(grouped.data).toEqual([
      { _id: 1, total: 10, n: 2 },
      { _id: 2, total: 9, n: 1 },
    ])
    const unwound = await db
      .collection('c')
      .aggregate()
      .match({ agg: true })
      .unwind('$tags')
      .project({ _id: 0, tag: '$tags', b: 1 })
      .sort({ b: 1, tag: 1 })
      .skip(1)
      .limit(2)
      .end()
    expect(unwound.data).toEqual([
      { b: 3, tag: 'y' },
      { b: 7, tag: 'x' },
    ])
    const counted = await db.collection('c').aggregate().match({ agg: true }).count('n').end()
    expect(counted.data).toEqual([{ n: 3 }])
  })

  it('runs $lookup against another collection', async () => {
    await db.collection('members').add({ _id: 'lk-1', villageId: 'lk', openid: 'lk-o', name: 'Li' })
    await db.collection('c').add({ lookupTest: true, memberId: 'lk-1' })
    const joined = await db
      .collection('c')
      .aggregate()
      .match({ lookupTest: true })
      .lookup({ from: 'members', localField: 'memberId', foreignField: '_id', as: 'member' })
      .project({ _id: 0, name: { $arrayElemAt: ['$member.name', 0] } })
      .end()
    expect(joined.data).toEqual([{ name: 'Li' }])
  })
})

describe('indexes and counters', () => {
  it('pushes equality and range filters on declared indexes down to SQLite', async () => {
    // The query planner must name the expression index: no full scan for an indexed lookup.
    const { Store } = await import('../src/store')
    const s = new Store({ file: null })
    s.declareCollection(COLLECTIONS[1])
    expect(s.explain('members', { openid: 'o1' })).toMatch(/USING INDEX ix_members_openid/)
    expect(s.explain('members', { villageId: 'v', openid: { $in: ['a', 'b'] } })).toMatch(
      /USING INDEX ix_members_villageId_openid/,
    )
    expect(s.explain('members', { name: 'x' })).toMatch(/SCAN/)
    s.close()
  })

  it('counts requests per collection and action', async () => {
    emulator.counters.reset()
    await db.collection('c').where({ a: 1 }).get()
    await db.collection('c').where({ a: 1 }).get()
    await db.collection('c').count()
    expect(emulator.counters.total({ collection: 'c', action: 'getDocument' })).toBe(2)
    expect(emulator.counters.snapshot().database).toEqual({
      c: { getDocument: 2, calculateDocument: 1 },
    })
    const stats = (await (await fetch(`${emulator.url}/dev/stats`)).json()) as {
      database: Record<string, Record<string, number>>
    }
    expect(stats.database.c.getDocument).toBe(2)
  })
})

// MongoDB's rules where mingo alone is lenient, through the REAL SDK: refused writes answer
// DATABASE_REQUEST_FAILED and write nothing (the whole collection is compared); queries, sorts and
// aggregation operators answer what MongoDB answers. Each case cites the MongoDB manual.
import type { Emulator } from '../src/index'
import { compareCodePoints, sortDocs } from '../src/rules'
import { rejectionOf, sdkFor, start, type App } from './helpers'

jest.setTimeout(60_000)

let emulator: Emulator
let db: ReturnType<App['database']>
let n = 0

beforeAll(async () => {
  emulator = await start({
    collections: [
      { name: 'w' },
      { name: 'q' },
      { name: 'lk' },
      {
        name: 'ix',
        indexes: [
          { name: 'tags', keys: [{ field: 'tags', direction: 1 as const }] },
          { name: 'ab', keys: [{ field: 'a.b', direction: 1 as const }] },
        ],
      },
    ],
  })
  db = sdkFor(emulator).database()
})

afterAll(async () => {
  await emulator.close()
})

/** A fresh document in `w` (a unique _id per call, so tests do not depend on each other). */
const seed = async (doc: Record<string, unknown>): Promise<string> => {
  n += 1
  const id = `d${n}`
  await db.collection('w').doc(id).set(doc)
  return id
}

const all = async (collection = 'w') =>
  (await db.collection(collection).limit(1000).get()).data as Array<Record<string, unknown>>

/** The update is refused with DATABASE_REQUEST_FAILED and MongoDB's message; nothing changes. */
const expectRefused = async (write: () => Promise<unknown>, message: RegExp): Promise<void> => {
  const before = await all()
  const err = await rejectionOf(write())
  expect(err.code).toBe('DATABASE_REQUEST_FAILED')
  expect(String(err.message)).toMatch(message)
  expect(await all()).toEqual(before)
}

describe('update operators MongoDB refuses', () => {
  // https://www.mongodb.com/docs/manual/reference/operator/update/set/ : "$set … will create the
  // embedded documents as needed", but a path through null or a scalar cannot be created
  // (PathNotViable: "Cannot create field 'by' in element {hiding: null}").
  it('a field inside null (the SDK writes a nested object as dotted paths)', async () => {
    const id = await seed({ hiding: null })
    await expectRefused(
      () =>
        db
          .collection('w')
          .doc(id)
          .update({ hiding: { by: 'moderator', pendingReview: false } }),
      /Cannot create field 'by' in element \{hiding: null\}/,
    )
  })

  it('a field inside a string, and a named field inside an array', async () => {
    const id = await seed({ s: 'text', arr: [1, 2] })
    await expectRefused(
      () =>
        db
          .collection('w')
          .doc(id)
          .update({ s: { x: 1 } }),
      /Cannot create field 'x' in element \{s: "text"\}/,
    )
    await expectRefused(
      () =>
        db
          .collection('w')
          .doc(id)
          .update({ arr: { x: 1 } }),
      /Cannot create field 'x' in element \{arr: \[1,2\]\}/,
    )
  })

  // https://www.mongodb.com/docs/manual/reference/operator/update/inc/ : "Use of the $inc
  // operator on a field with a null value will generate an error" (so on any non-number);
  // https://www.mongodb.com/docs/manual/reference/operator/update/mul/ likewise.
  it('$inc and $mul on a value that is not a number', async () => {
    const _ = db.command
    const id = await seed({ n: 'five', m: null, b: true })
    await expectRefused(
      () =>
        db
          .collection('w')
          .doc(id)
          .update({ n: _.inc(1) }),
      /Cannot apply \$inc to a value of non-numeric type.*'n' of non-numeric type string/,
    )
    await expectRefused(
      () =>
        db
          .collection('w')
          .doc(id)
          .update({ m: _.inc(1) }),
      /Cannot apply \$inc to a value of non-numeric type/,
    )
    await expectRefused(
      () =>
        db
          .collection('w')
          .doc(id)
          .update({ b: _.mul(2) }),
      /Cannot apply \$mul to a value of non-numeric type/,
    )
  })

  // https://www.mongodb.com/docs/manual/reference/operator/update/push/ : "If the field is not an
  // array, the operation will fail"; $addToSet ("If you use $addToSet on a field that is not an
  // array, the operation will fail"), $pull and $pop the same.
  it('$push, $addToSet, $pull and $pop on a value that is not an array', async () => {
    const _ = db.command
    const id = await seed({ tags: 'go' })
    const doc = () => db.collection('w').doc(id)
    await expectRefused(
      () => doc().update({ tags: _.push('js') }),
      /The field 'tags' must be an array but is of type string/,
    )
    await expectRefused(
      () => doc().update({ tags: _.addToSet('js') }),
      /Cannot apply \$addToSet to non-array field/,
    )
    await expectRefused(
      () => doc().update({ tags: _.pull('go') }),
      /Cannot apply \$pull to a non-array value/,
    )
    await expectRefused(
      () => doc().update({ tags: _.pop() }),
      /Path 'tags' contains an element of non-array type 'string'/,
    )
  })

  // https://www.mongodb.com/docs/manual/core/document/#the-_id-field : "you cannot update the
  // value of the _id field" ("… would modify the immutable field '_id'").
  it('a change of _id', async () => {
    const id = await seed({ a: 1 })
    await expectRefused(
      () =>
        db
          .collection('w')
          .options({ raw: true })
          .where({ _id: id })
          .update({ $set: { _id: 'another' } }),
      /would modify the immutable field '_id'/,
    )
  })

  // https://www.mongodb.com/docs/v4.4/reference/limits/#Restrictions-on-Field-Names : "Top-level
  // field names cannot start with the dollar sign ($) character"; storage validation refuses
  // them nested too ("The dollar ($) prefixed field … is not valid for storage").
  it('field names starting with $, in an insert and in an update', async () => {
    await expectRefused(() => db.collection('w').add({ $key: 1 }), /\$key.*not valid for storage/)
    await expectRefused(
      () => db.collection('w').add({ a: { $b: 1 } }),
      /\$b.*not valid for storage/,
    )
    const id = await seed({ a: 1 })
    await expectRefused(
      () => db.collection('w').doc(id).set({ $x: 1 }),
      /The dollar \(\$\) prefixed field '\$x' in '\$x' is not valid for storage/,
    )
  })

  // A multi-document update is refused as a whole here (MongoDB stops at the first failing
  // document; CloudBase answers an error): none of the matched documents changes.
  it('a refused multi-document update writes none of them', async () => {
    const _ = db.command
    await seed({ g: 'multi', n: 1 })
    await seed({ g: 'multi', n: 'x' })
    await expectRefused(
      () =>
        db
          .collection('w')
          .where({ g: 'multi' })
          .update({ n: _.inc(1) }),
      /Cannot apply \$inc/,
    )
  })

  it('what MongoDB allows still works: missing fields are created, whole values replaced', async () => {
    const _ = db.command
    const id = await seed({ hiding: null, s: 'text' })
    await db
      .collection('w')
      .doc(id)
      .update({
        hiding: _.set({ by: 'moderator' }),
        s: _.set({ x: 1 }),
        count: _.inc(2),
        list: _.push('a'),
        deep: { er: 1 },
      })
    expect((await db.collection('w').doc(id).get()).data[0]).toEqual({
      _id: id,
      hiding: { by: 'moderator' },
      s: { x: 1 },
      count: 2,
      list: ['a'],
      deep: { er: 1 },
    })
  })
})

describe('updated counts the documents matched', () => {
  // CloudBase answers `updated` = documents matched (Tencent's own SDK tests expect 1 for an
  // update that sets the value a document already has).
  it('an update that changes nothing still counts its document; a multi update counts all matched', async () => {
    const id = await seed({ v: 1, g: 'cnt' })
    await seed({ v: 2, g: 'cnt' })
    const same = await db.collection('w').doc(id).update({ v: 1 })
    expect(same.updated).toBe(1)
    const multi = await db.collection('w').where({ g: 'cnt' }).update({ v: 2 })
    expect(multi.updated).toBe(2)
    const ret = await db.collection('w').where({ _id: id }).updateAndReturn({ v: 2 })
    expect(ret.updated).toBe(1)
  })
})

describe('queries', () => {
  beforeAll(async () => {
    const docs = [
      { _id: 'str', v: 'b' },
      { _id: 'num', v: 5 },
      { _id: 'null', v: null },
      { _id: 'missing' },
      { _id: 'true', v: true },
      { _id: 'date', v: new Date('2026-01-01T00:00:00.000Z') },
      { _id: 'arr', v: [1, 9] },
      { _id: 'obj', v: { x: 1 } },
      { _id: 'empty', v: [] },
      { _id: 'numstr', v: '10' },
    ]
    await db.collection('q').add(docs)
  })

  const ids = (res: { data: unknown[] }) => res.data.map((d) => (d as { _id: string })._id)

  // https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/ : MinKey < null
  // (and missing) < numbers < strings < objects < arrays < … < ObjectId < booleans < dates; "an
  // empty array … less than null"; "With arrays, a less-than comparison or an ascending sort
  // compares the smallest elements of the arrays, and a greater-than comparison or a descending
  // sort compares the largest elements".
  it('sorts across types in BSON order, an array by its smallest (asc) or largest (desc) element', async () => {
    const asc = await db.collection('q').orderBy('v', 'asc').get()
    expect(ids(asc)).toEqual([
      'empty',
      'null',
      'missing',
      'arr', // smallest element 1
      'num', // 5
      'numstr',
      'str',
      'obj',
      'true',
      'date',
    ])
    const desc = await db.collection('q').orderBy('v', 'desc').get()
    expect(ids(desc)).toEqual([
      'date',
      'true',
      'obj',
      'str',
      'numstr',
      'arr', // largest element 9 sorts above 5
      'num',
      'null',
      'missing',
      'empty',
    ])
  })

  // https://www.mongodb.com/docs/manual/tutorial/query-for-null-fields/ : `{v: null}` matches a
  // null value and a missing field; `$ne: null` neither. Comparison operators only match values
  // of the same BSON type ("type bracketing"): `$gt: 5` does not match the string '10'.
  // (mingo already answered these as MongoDB does; kept as a guard.)
  it('null matches a missing field; ranges compare within one type; an array matches by its elements', async () => {
    const _ = db.command
    expect(ids(await db.collection('q').where({ v: null }).get()).sort()).toEqual([
      'missing',
      'null',
    ])
    expect(
      ids(
        await db
          .collection('q')
          .where({ v: _.gt(4) })
          .get(),
      ).sort(),
    ).toEqual(['arr', 'num'])
    expect(ids(await db.collection('q').where({ v: 9 }).get())).toEqual(['arr'])
  })

  // https://www.mongodb.com/docs/manual/tutorial/query-arrays/ : an equality on an array field
  // matches a document whose array holds the value; also through an array of embedded documents
  // (https://www.mongodb.com/docs/manual/tutorial/query-array-of-documents/). Here the fields are
  // indexed, so the SQL pre-filter must not lose those documents.
  it('an indexed field holding an array is found by one of its elements', async () => {
    await db.collection('ix').add([
      { _id: 'arr', tags: ['x', 'y'] },
      { _id: 'scalar', tags: 'y' },
      { _id: 'embedded', a: [{ b: 1 }, { b: 2 }] },
      { _id: 'plain', a: { b: 2 } },
    ])
    const _ = db.command
    expect(ids(await db.collection('ix').where({ tags: 'y' }).get()).sort()).toEqual([
      'arr',
      'scalar',
    ])
    expect(
      ids(
        await db
          .collection('ix')
          .where({ tags: _.in(['x']) })
          .get(),
      ),
    ).toEqual(['arr'])
    expect(ids(await db.collection('ix').where({ 'a.b': 2 }).get()).sort()).toEqual([
      'embedded',
      'plain',
    ])
  })

  // https://www.mongodb.com/docs/manual/reference/operator/query/elemMatch/ : with a document
  // condition, `$elemMatch` matches array elements that are documents satisfying it; scalars never.
  it('$elemMatch with a document condition does not match an array of scalars', async () => {
    const _ = db.command
    await db.collection('lk').add([
      { _id: 'scalars', tags: [1, 5, 7] },
      { _id: 'docs', tags: [{ value: 5 }, { value: -1 }] },
    ])
    const byDoc = await db
      .collection('lk')
      .where({ tags: _.elemMatch({ value: _.gt(0) }) })
      .get()
    expect(ids(byDoc)).toEqual(['docs'])
    const byValue = await db
      .collection('lk')
      .where({ tags: _.elemMatch(_.gt(6)) })
      .get()
    expect(ids(byValue)).toEqual(['scalars'])
  })

  // https://www.mongodb.com/docs/manual/reference/operator/query/jsonSchema/
  it('$jsonSchema: required, bsonType and properties', async () => {
    const _ = db.command
    const res = await db
      .collection('q')
      .where(
        _.jsonSchema({
          required: ['v'],
          properties: { v: { bsonType: 'string', minLength: 2 } },
        }),
      )
      .get()
    expect(ids(res)).toEqual(['numstr'])
  })
})

describe('aggregation operators', () => {
  const project = async (spec: Record<string, unknown>) =>
    (await db.collection('q').aggregate().match({ _id: 'str' }).project(spec).end()).data

  it('$week (Sunday-based, days before the first Sunday are week 0), $indexOfCP, $substrBytes with a negative length', async () => {
    const $ = db.command.aggregate
    // https://www.mongodb.com/docs/manual/reference/operator/aggregation/week/ : 2019-05-14 (a
    // Tuesday) is in week 19; 2026-01-03 (a Saturday, before the first Sunday) is in week 0.
    // https://www.mongodb.com/docs/manual/reference/operator/aggregation/indexOfCP/ : code points.
    // https://www.mongodb.com/docs/manual/reference/operator/aggregation/substrBytes/ : "If
    // <byte count> is negative, $substrBytes returns a substring that starts at the specified
    // index and includes the rest of the string".
    const out = await project({
      _id: 0,
      week: $.week(new Date('2019-05-14T09:38:51.686Z')),
      week0: $.week(new Date('2026-01-03T12:00:00.000Z')),
      cp: $.indexOfCP(['说事日在四号', '四']),
      rest: $.substrBytes(['1999/12/12', 8, -1]),
      restOld: $.substr(['1999/12/12', 5, -1]),
    })
    expect(out).toEqual([{ week: 19, week0: 0, cp: 4, rest: '12', restOld: '12/12' }])
  })
})

describe('ObjectId values', () => {
  // CloudBase answers ObjectId values, as _id and elsewhere, as their 24-hex string (Tencent's own
  // SDK tests expect `add().id` and a stored ObjectId field to equal the hex string); they stay
  // ObjectIds inside, so a query or $lookup by ObjectId matches.
  it('an ObjectId _id and field are stored, found by ObjectId, and answered as hex strings', async () => {
    const a = '6b0f2e351050062f58367d07'
    const b = '6b0f2e351050062f58367d08'
    const added = await db
      .collection('lk')
      .add({ _id: db.ObjectId({ id: a }), ref: db.ObjectId({ id: b }) })
    expect(added.id).toBe(a)
    await db.collection('lk').add({ _id: db.ObjectId({ id: b }), name: 'target' })
    const found = await db
      .collection('lk')
      .where({ ref: db.ObjectId({ id: b }) })
      .get()
    expect(found.data).toEqual([{ _id: a, ref: b }])
    // the string is not the ObjectId: a different _id type, a different document
    expect((await db.collection('lk').where({ ref: b }).get()).data).toEqual([])
    const joined = await db
      .collection('lk')
      .aggregate()
      .match({ _id: db.ObjectId({ id: a }) })
      .lookup({ from: 'lk', localField: 'ref', foreignField: '_id', as: 'target' })
      .end()
    expect(joined.data).toEqual([{ _id: a, ref: b, target: [{ _id: b, name: 'target' }] }])
  })
})

describe('BSON order of strings', () => {
  it('compares by code point, as MongoDB compares UTF-8 bytes, not by UTF-16 unit', () => {
    // （ is U+FF08, 😀 is U+1F600 (the surrogates D83D DE00 in UTF-16, below FF08)
    expect(compareCodePoints('（', '😀')).toBe(-1)
    expect(compareCodePoints('😀', '（')).toBe(1)
    expect(compareCodePoints('张三', '张')).toBe(1)
    expect(compareCodePoints('a', 'a')).toBe(0)
    const docs = [{ t: '😀' }, { t: '（' }, { t: 'B' }, { t: 'a' }, { t: '张' }]
    expect(sortDocs(docs, { t: 1 }).map((d) => d.t)).toEqual(['B', 'a', '张', '（', '😀'])
  })
})

// Transactions through the REAL SDK: doc-level get/add/update/set/remove, commit, rollback, and
// conflicts that make runTransaction retry.
import type { Emulator } from '../src/index'
import { rejectionOf, sdkFor, start, type App, type Tx } from './helpers'

// Child processes, bundling and worker cold starts: generous when the whole suite shares 2 cores.
jest.setTimeout(60_000)

let emulator: Emulator
let db: ReturnType<App['database']>

beforeAll(async () => {
  emulator = await start({ collections: [{ name: 'c' }, { name: 'audit' }] })
  db = sdkFor(emulator).database()
})

afterAll(async () => {
  await emulator.close()
})

const read = async (id: string) => (await db.collection('c').doc(id).get()).data[0]

describe('transactions', () => {
  it('commits doc-level get, add, update, set and remove together', async () => {
    const _ = db.command
    await db.collection('c').doc('acct').set({ n: 10 })
    await db.collection('c').doc('to-remove').set({ n: 1 })
    const result = await db.runTransaction(async (tx: Tx) => {
      const got = await tx.collection('c').doc('acct').get()
      expect(got.data).toMatchObject({ _id: 'acct', n: 10 })
      await tx
        .collection('c')
        .doc('acct')
        .update({ n: _.inc(5) })
      // reads inside the transaction see its own writes
      expect((await tx.collection('c').doc('acct').get()).data.n).toBe(15)
      const added = await tx.collection('audit').add({ what: 'inc' })
      await tx.collection('c').doc('brand-new').set({ name: 'set-in-tx' })
      await tx.collection('c').doc('to-remove').remove()
      // nothing is visible outside before commit
      expect(await read('acct')).toMatchObject({ n: 10 })
      expect(await read('brand-new')).toBeUndefined()
      return added.id as string
    })
    expect(await read('acct')).toMatchObject({ n: 15 })
    expect(await read('brand-new')).toEqual({ _id: 'brand-new', name: 'set-in-tx' })
    expect(await read('to-remove')).toBeUndefined()
    expect((await db.collection('audit').doc(result).get()).data).toHaveLength(1)
  })

  it('rolls back: nothing of an aborted transaction is written', async () => {
    await db.collection('c').doc('rb').set({ n: 1 })
    const err = await rejectionOf(
      db.runTransaction(async (tx: Tx) => {
        await tx.collection('c').doc('rb').update({ n: 2 })
        await tx.collection('c').add({ _id: 'rb-added' })
        await tx.rollback('changed my mind')
      }),
    )
    expect(err).toBe('changed my mind')
    expect(await read('rb')).toMatchObject({ n: 1 })
    expect(await read('rb-added')).toBeUndefined()
  })

  // MongoDB: a write to a document another open transaction has written fails at once with
  // WriteConflict and aborts the writer's transaction
  // (https://www.mongodb.com/docs/manual/core/transactions-production-consideration/#in-progress-transactions-and-write-conflicts).
  it('a write to a document another open transaction wrote conflicts at once, and the first one commits', async () => {
    const _ = db.command
    await db.collection('c').doc('contested').set({ n: 0 })
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await t1
      .collection('c')
      .doc('contested')
      .update({ n: _.inc(1) })
    const err = await rejectionOf(
      t2
        .collection('c')
        .doc('contested')
        .update({ n: _.inc(100) }),
    )
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    await t1.commit()
    // the conflict aborted t2: it no longer exists
    expect((await rejectionOf(t2.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
    expect(await read('contested')).toMatchObject({ n: 1 })
  })

  it('runTransaction retries after a conflict and then succeeds', async () => {
    const _ = db.command
    await db.collection('c').doc('retry').set({ n: 0 })
    let attempts = 0
    await db.runTransaction(async (tx: Tx) => {
      attempts += 1
      const doc = (await tx.collection('c').doc('retry').get()).data
      await tx
        .collection('c')
        .doc('retry')
        .update({ n: doc.n + 1 })
      if (attempts === 1) {
        // someone else writes the same document before this transaction commits
        await db
          .collection('c')
          .doc('retry')
          .update({ n: _.inc(10) })
      }
    })
    expect(attempts).toBe(2)
    expect(await read('retry')).toMatchObject({ n: 11 })
  })

  it('concurrent read-modify-write transactions never lose an update', async () => {
    await db.collection('c').doc('rmw').set({ n: 0 })
    const one = () =>
      db.runTransaction(async (tx: Tx) => {
        const doc = (await tx.collection('c').doc('rmw').get()).data
        await tx
          .collection('c')
          .doc('rmw')
          .update({ n: doc.n + 1 })
      }, 10)
    const outcomes = await Promise.allSettled([one(), one(), one()])
    const committed = outcomes.filter((o) => o.status === 'fulfilled').length
    expect(committed).toBeGreaterThan(0)
    expect(await read('rmw')).toMatchObject({ n: committed })
  })

  it('an insert of an existing _id inside a transaction fails', async () => {
    await db.collection('c').doc('taken').set({ n: 1 })
    const err = await rejectionOf(
      db.runTransaction(async (tx: Tx) => {
        await tx.collection('c').add({ _id: 'taken', n: 2 })
      }),
    )
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    expect(await read('taken')).toMatchObject({ n: 1 })
  })

  // MongoDB transactions read from a snapshot taken at their first operation ("read concern
  // snapshot … data from a snapshot of majority-committed data", and a transaction's reads do not
  // see writes committed after it began: https://www.mongodb.com/docs/manual/core/transactions/).
  it('reads see the snapshot of the first operation: later writes by others stay invisible', async () => {
    await db.collection('c').doc('snap-a').set({ v: 'a0' })
    await db.collection('c').doc('snap-b').set({ v: 'b0' })
    await db.collection('c').doc('snap-gone').set({ v: 'g0' })
    const tx = await db.startTransaction()
    // the snapshot is taken here, at the first operation
    expect((await tx.collection('c').doc('snap-a').get()).data).toEqual({ _id: 'snap-a', v: 'a0' })
    await db.collection('c').doc('snap-a').set({ v: 'a1' })
    await db.collection('c').doc('snap-b').update({ v: 'b1' })
    await db.collection('c').doc('snap-gone').remove()
    await db.collection('c').add({ _id: 'snap-new', v: 'n1' })
    expect((await tx.collection('c').doc('snap-a').get()).data).toEqual({ _id: 'snap-a', v: 'a0' })
    expect((await tx.collection('c').doc('snap-b').get()).data).toEqual({ _id: 'snap-b', v: 'b0' })
    expect((await tx.collection('c').doc('snap-gone').get()).data).toEqual({
      _id: 'snap-gone',
      v: 'g0',
    })
    expect((await tx.collection('c').doc('snap-new').get()).data).toBeNull()
    const _ = db.command
    const listed = await tx
      .collection('c')
      .where({ _id: _.in(['snap-a', 'snap-b', 'snap-gone', 'snap-new']) })
      .get()
    expect(listed.data).toEqual([
      { _id: 'snap-a', v: 'a0' },
      { _id: 'snap-b', v: 'b0' },
      { _id: 'snap-gone', v: 'g0' },
    ])
    await tx.rollback()
  })

  // MongoDB: "If a transaction attempts to modify a document that was modified outside the
  // transaction after the transaction started, the transaction aborts because of a write
  // conflict" — at that write, not at commit
  // (https://www.mongodb.com/docs/manual/core/transactions-production-consideration/#in-progress-transactions-and-write-conflicts).
  it('a write to a document changed by someone else after the snapshot conflicts at once and aborts', async () => {
    await db.collection('c').doc('skew').set({ v: 0 })
    const tx = await db.startTransaction()
    await tx.collection('c').doc('skew').get()
    await db.collection('c').doc('skew').update({ v: 1 })
    const err = await rejectionOf(tx.collection('c').doc('skew').update({ v: 2 }))
    expect(err).toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message:
        '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
    })
    expect((await rejectionOf(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
    expect(await read('skew')).toEqual({ _id: 'skew', v: 1 })
  })

  it('runTransaction runs the callback again when a write inside it conflicts', async () => {
    const _ = db.command
    await db.collection('c').doc('retry-at-write').set({ n: 0 })
    let attempts = 0
    const thrownByWrites: unknown[] = []
    await db.runTransaction(async (tx: Tx) => {
      attempts += 1
      const doc = (await tx.collection('c').doc('retry-at-write').get()).data
      if (attempts === 1) {
        await db
          .collection('c')
          .doc('retry-at-write')
          .update({ n: _.inc(10) })
      }
      try {
        await tx
          .collection('c')
          .doc('retry-at-write')
          .update({ n: doc.n + 1 })
      } catch (e) {
        thrownByWrites.push((e as { code?: unknown }).code)
        throw e
      }
    })
    // the first attempt's write itself was refused, and the SDK ran the callback again
    expect(thrownByWrites).toEqual(['DATABASE_TRANSACTION_CONFLICT'])
    expect(attempts).toBe(2)
    expect(await read('retry-at-write')).toEqual({ _id: 'retry-at-write', n: 11 })
  })

  // (The SDK sends no transaction id with where().update(), where().remove() or count(): those
  // run outside the transaction; where().get() and updateAndReturn() carry it.)
  it('where().get() and updateAndReturn() run inside a transaction, over its snapshot and its own writes', async () => {
    await db.collection('c').add([
      { _id: 'q1', kind: 'tx-query', n: 1 },
      { _id: 'q2', kind: 'tx-query', n: 2 },
    ])
    const tx = await db.startTransaction()
    await tx.collection('c').add({ _id: 'q3', kind: 'tx-query', n: 3 })
    await tx.collection('c').doc('q1').remove()
    await tx.collection('c').doc('q2').update({ n: 12 })
    const listed = await tx.collection('c').where({ kind: 'tx-query' }).orderBy('n', 'desc').get()
    expect(listed.data).toEqual([
      { _id: 'q2', kind: 'tx-query', n: 12 },
      { _id: 'q3', kind: 'tx-query', n: 3 },
    ])
    const returned = await tx
      .collection('c')
      .where({ kind: 'tx-query', n: 3 })
      .updateAndReturn({ flag: true })
    expect(returned).toMatchObject({
      updated: 1,
      doc: { _id: 'q3', kind: 'tx-query', n: 3, flag: true },
    })
    // nothing is visible outside before commit
    expect(await read('q2')).toEqual({ _id: 'q2', kind: 'tx-query', n: 2 })
    expect(await read('q3')).toBeUndefined()
    await tx.commit()
    const after = await db.collection('c').where({ kind: 'tx-query' }).orderBy('n', 'asc').get()
    expect(after.data).toEqual([
      { _id: 'q3', kind: 'tx-query', n: 3, flag: true },
      { _id: 'q2', kind: 'tx-query', n: 12 },
    ])
  })

  // MongoDB's _id may be any type but an array (https://www.mongodb.com/docs/manual/core/document/#the-_id-field).
  it('a numeric _id works inside a transaction and is a different document from its string', async () => {
    const tx = await db.startTransaction()
    const added = await tx.collection('c').add({ _id: 1700000000000, kind: 'number' })
    expect(added.id).toBe(1700000000000)
    expect(
      (
        await tx
          .collection('c')
          .doc(1700000000000 as unknown as string)
          .get()
      ).data,
    ).toEqual({
      _id: 1700000000000,
      kind: 'number',
    })
    await tx.commit()
    expect((await db.collection('c').doc('1700000000000').get()).data).toEqual([])
    expect((await db.collection('c').where({ _id: 1700000000000 }).get()).data).toEqual([
      { _id: 1700000000000, kind: 'number' },
    ])
  })

  it("after commit the transaction is gone: CloudBase's DATABASE_TRANSACTION_FAIL", async () => {
    const tx = await db.startTransaction()
    await tx.commit()
    const err = await rejectionOf(tx.collection('c').doc('any').set({ v: 1 }))
    expect(err).toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
      message:
        '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
    })
    expect(await read('any')).toBeUndefined()
  })
})

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
})

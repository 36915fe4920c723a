// The database actions of the CloudBase wire protocol, with mingo semantics on a SQLite store,
// made as strict as MongoDB where mingo is lenient (rules.ts, operators.ts).
// Shapes follow the captured SDK traffic (see emulator/README.md).
import { randomBytes } from 'node:crypto'
import { ObjectId } from 'bson'
import { update as mingoUpdate } from 'mingo'
import type { Counters } from './counters'
import { parseStored, parseWire, parseWireObject, stringifyDoc, isPlainObject } from './ejson'
import { EmulatorError, collectionNotExist, duplicateKey, invalidParam } from './errors'
import { geoNearStage, nearOfQuery, sortByDistance } from './geo'
import { aggregateDocs, compileQuery, projectDocs } from './operators'
import { assertStorable, assertUpdateAllowed, sortDocs, sortKeysOf, type SortKey } from './rules'
import { rowKey, type DocId, type Store } from './store'
import type { Doc } from './types'

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000
const TRANSACTION_IDLE_MS = 30_000

type Body = Record<string, unknown>
type Reply = Record<string, unknown>

interface TxWrite {
  readonly collection: string
  readonly key: string
  doc: Doc | null
}

interface Transaction {
  readonly id: string
  /** Write sequence of the snapshot its reads see: taken at its first operation, as MongoDB does. */
  snapshot: number | undefined
  readonly writes: Map<string, TxWrite>
  lastUsed: number
}

export const newId = (): string => randomBytes(16).toString('hex')

const txKey = (collection: string, key: string): string => `${collection}\u0000${key}`

const TRANSACTION_CONFLICT =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.'
const TRANSACTION_NOT_EXIST =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.'

const conflict = (): EmulatorError =>
  new EmulatorError('DATABASE_TRANSACTION_CONFLICT', TRANSACTION_CONFLICT)

const str = (body: Body, field: string): string => {
  const v = body[field]
  if (typeof v !== 'string' || v === '') throw invalidParam(`${field} is required`)
  return v
}

const optionalNumber = (body: Body, field: string): number | undefined => {
  const v = body[field]
  if (v === undefined || v === null || v === '') return undefined
  const n = typeof v === 'string' ? Number(v) : v
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw invalidParam(`${field} must be a non-negative integer`)
  }
  return n
}

/** An `_id` MongoDB accepts here: a non-empty string, a finite number or an ObjectId. */
const asDocId = (v: unknown): DocId => {
  if (typeof v === 'string' && v !== '') return v
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (v instanceof ObjectId) return v
  throw invalidParam('_id must be a non-empty string, a number or an ObjectId')
}

const docId = (query: Doc): DocId => {
  if (query._id === undefined) throw invalidParam('a DOC query needs an _id')
  return asDocId(query._id)
}

/** Documents as CloudBase answers them: ObjectId values (as `_id` and elsewhere) as their hex string. */
const answered = (value: unknown): unknown => {
  if (value instanceof ObjectId) return value.toHexString()
  if (Array.isArray(value)) return value.map(answered)
  if (!isPlainObject(value)) return value
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) out[k] = answered(v)
  return out
}

const wire = (doc: Doc): string => stringifyDoc(answered(doc))

const isOperatorDoc = (data: Doc): boolean => {
  const keys = Object.keys(data)
  const ops = keys.filter((k) => k.startsWith('$'))
  if (ops.length > 0 && ops.length !== keys.length) {
    throw invalidParam('an update mixes operators and plain fields')
  }
  return ops.length > 0
}

/**
 * Apply an update (operators, or plain fields meaning $set) to a copy, refusing what MongoDB
 * refuses (rules.ts); null when nothing changed.
 */
const applyUpdate = (doc: Doc, data: Doc): Doc | null => {
  const modifier = isOperatorDoc(data) ? data : { $set: data }
  assertUpdateAllowed(doc, modifier)
  const copy = parseStored(stringifyDoc(doc))
  const before = stringifyDoc(copy)
  try {
    mingoUpdate(copy, modifier as Parameters<typeof mingoUpdate>[1])
  } catch (e) {
    throw new EmulatorError('DATABASE_REQUEST_FAILED', (e as Error).message)
  }
  if (stringifyDoc({ v: copy._id }) !== stringifyDoc({ v: doc._id })) {
    throw new EmulatorError(
      'DATABASE_REQUEST_FAILED',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    )
  }
  return stringifyDoc(copy) === before ? null : copy
}

const replacement = (id: DocId, data: Doc): Doc => {
  assertStorable(data)
  if (data._id !== undefined && stringifyDoc({ v: data._id }) !== stringifyDoc({ v: id })) {
    throw invalidParam('_id cannot be modified')
  }
  return { ...data, _id: id }
}

export class DatabaseService {
  private readonly transactions = new Map<string, Transaction>()
  /** Documents written by an open transaction: txKey → that transaction's id (MongoDB's write locks). */
  private readonly locks = new Map<string, string>()

  constructor(
    private readonly store: Store,
    private readonly counters: Counters,
    /** The emulator's clock (`db.serverDate()` reads it). */
    private readonly clock: { now(): number } = { now: () => Date.now() },
  ) {}

  /** Handle one `database.*` action; returns the reply without requestId, or throws EmulatorError. */
  handle(action: string, body: Body): Reply {
    const now = this.clock.now()
    const collection = typeof body.collectionName === 'string' ? body.collectionName : ''
    this.counters.countDatabase(collection || '_', action)
    switch (action) {
      case 'getDocument':
        return this.get(body, now)
      case 'insertDocument':
        return this.insert(body, now)
      case 'modifyDocument':
        return this.modify(body, now)
      case 'modifyAndReturnDoc':
        return this.modifyAndReturn(body, now)
      case 'removeDocument':
        return this.remove(body, now)
      case 'calculateDocument':
        return this.calculate(body, now)
      case 'aggregateDocuments':
        return this.aggregate(body, now)
      case 'addCollection':
        this.store.createCollection(str(body, 'collectionName'))
        return {}
      case 'startTransaction':
        return { transactionId: this.startTransaction(now).id }
      case 'commitTransaction':
        this.commit(str(body, 'transactionId'))
        return {}
      case 'abortTransaction':
        this.abort(str(body, 'transactionId'))
        return {}
      default:
        throw new EmulatorError('INVALID_ACTION', `action database.${action} is not emulated`)
    }
  }

  // ---- reading ---------------------------------------------------------------------------

  private requireCollection(name: string): void {
    if (!this.store.hasCollection(name)) throw collectionNotExist(name)
  }

  /**
   * Documents matching `query`, natural order, stopping early after `stopAfter` matches; inside a
   * transaction, as of its snapshot with its own writes applied.
   */
  matching(
    collection: string,
    query: Doc | undefined,
    stopAfter = Infinity,
    tx?: Transaction,
  ): Doc[] {
    this.requireCollection(collection)
    const docs = tx ? this.txDocs(tx, collection) : this.storedDocs(collection, query)
    return firstMatching(docs, query, stopAfter)
  }

  /** Stored documents, parsed one at a time as they are read (the scan starts on the first). */
  private *storedDocs(
    collection: string,
    query: Doc | undefined,
    keys?: readonly SortKey[],
  ): Generator<Doc> {
    for (const row of this.store.scan(collection, query, keys)) yield parseStored(row.doc)
  }

  private query(body: Body, now: number): Doc | undefined {
    return body.query === undefined || body.query === ''
      ? undefined
      : parseWireObject(body.query, 'query', now)
  }

  private get(body: Body, now: number): Reply {
    const collection = str(body, 'collectionName')
    this.requireCollection(collection)
    const query = this.query(body, now)
    const projection =
      body.projection === undefined
        ? undefined
        : parseWireObject(body.projection, 'projection', now)
    const tx = this.txOf(body)
    if (tx && body.queryType === 'DOC' && query) {
      const doc = this.txRead(tx, collection, rowKey(docId(query)))
      const docs = doc ? this.project([doc], projection) : []
      return { data: { list: docs.map(wire) }, limit: DEFAULT_LIMIT, offset: 0 }
    }
    const order = body.order === undefined ? undefined : parseWireObject(body.order, 'order', now)
    const offset = optionalNumber(body, 'offset') ?? 0
    const limit = Math.min(optionalNumber(body, 'limit') ?? DEFAULT_LIMIT, MAX_LIMIT)
    const sorted = order && Object.keys(order).length > 0
    // MongoDB answers a $nearSphere query nearest first (unless sorted otherwise).
    const near = sorted ? undefined : nearOfQuery(query)
    // Outside a transaction, a sort SQL can do exactly reads the rows in order and stops at the page.
    const keys = sorted && !tx ? sortKeysOf(order) : []
    let docs: Doc[]
    if (keys.length > 0 && this.store.sortsInSql(collection, keys)) {
      docs = firstMatching(this.storedDocs(collection, query, keys), query, offset + limit)
    } else {
      docs = this.matching(collection, query, sorted || near ? Infinity : offset + limit, tx)
      if (sorted) docs = sortDocs(docs, order)
      else if (near) docs = sortByDistance(docs, near.field, near.near)
    }
    docs = docs.slice(offset, offset + limit)
    const list = this.project(docs, projection).map(wire)
    return { data: { list }, limit, offset }
  }

  private project(docs: Doc[], projection: Doc | undefined): Doc[] {
    if (!projection || Object.keys(projection).length === 0) return docs
    try {
      return projectDocs(docs, projection)
    } catch (e) {
      throw invalidParam(`invalid projection: ${(e as Error).message}`)
    }
  }

  private calculate(body: Body, now: number): Reply {
    const collection = str(body, 'collectionName')
    const query = this.query(body, now)
    return { data: { total: this.matching(collection, query, Infinity, this.txOf(body)).length } }
  }

  private aggregate(body: Body, now: number): Reply {
    const collection = str(body, 'collectionName')
    this.requireCollection(collection)
    if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array')
    const pipeline = body.stages.map((s: unknown, i: number) => {
      if (!isPlainObject(s) || typeof s.stageKey !== 'string' || !s.stageKey.startsWith('$')) {
        throw invalidParam(`stage ${i} must be { stageKey, stageValue }`)
      }
      return { [s.stageKey]: parseWire(s.stageValue, `stage ${s.stageKey}`, now) }
    })
    // A leading $match can use the indexes; a leading $geoNear (it must come first) is ours.
    const first = pipeline[0]
    const leadingMatch = first && isPlainObject(first.$match) ? (first.$match as Doc) : undefined
    const geoNear = first && isPlainObject(first.$geoNear) ? (first.$geoNear as Doc) : undefined
    try {
      const filter = geoNear && isPlainObject(geoNear.query) ? geoNear.query : leadingMatch
      let input = this.matching(collection, filter)
      if (geoNear) input = geoNearStage(input, geoNear)
      const collectionResolver = (name: string): Doc[] => this.matching(name, undefined)
      const rest = leadingMatch || geoNear ? pipeline.slice(1) : pipeline
      const out = aggregateDocs(input, rest, collectionResolver)
      return { data: { list: out.map(wire) } }
    } catch (e) {
      if (e instanceof EmulatorError) throw e
      throw new EmulatorError('DATABASE_REQUEST_FAILED', (e as Error).message)
    }
  }

  // ---- writing ---------------------------------------------------------------------------

  private insert(body: Body, now: number): Reply {
    const collection = str(body, 'collectionName')
    this.requireCollection(collection)
    if (!Array.isArray(body.data) || body.data.length === 0) {
      throw invalidParam('data must be a non-empty array of EJSON strings')
    }
    const docs = body.data.map((d: unknown) => {
      const doc = parseWireObject(d, 'data', now)
      assertStorable(doc)
      if (doc._id === undefined) return { ...doc, _id: newId() }
      return { ...doc, _id: asDocId(doc._id) }
    })
    const tx = this.txOf(body)
    if (tx) {
      for (const doc of docs) {
        const key = rowKey(doc._id)
        if (this.txRead(tx, collection, key)) {
          throw duplicateKey(collection, `dup key: { _id: ${stringifyDoc(answered(doc._id))} }`)
        }
        this.txWrite(tx, collection, key, doc)
      }
    } else {
      this.store.atomically(() => {
        for (const doc of docs) this.store.insertRow(collection, rowKey(doc._id), stringifyDoc(doc))
      })
    }
    return { data: { insertedIds: docs.map((d) => answered(d._id)) } }
  }

  private modify(body: Body, now: number): Reply {
    const collection = str(body, 'collectionName')
    this.requireCollection(collection)
    const query = this.query(body, now) ?? {}
    const data = parseWireObject(body.data, 'data', now)
    const merge = body.merge !== false
    const upsert = body.upsert === true
    const tx = this.txOf(body)
    if (body.queryType === 'DOC') {
      return this.modifyOne(collection, docId(query), data, merge, upsert, tx)
    }
    const multi = body.multi !== false
    const run = (): Reply => {
      const targets = this.matching(collection, query, multi ? Infinity : 1, tx)
      // Compute every change first: a refused update of one document writes none.
      const changes = targets.map((doc) => ({
        doc,
        next: merge ? applyUpdate(doc, data) : replacement(doc._id as DocId, data),
      }))
      for (const { doc, next } of changes) {
        const key = rowKey(doc._id as DocId)
        if (tx) this.txWrite(tx, collection, key, next ?? doc)
        else if (next && stringifyDoc(next) !== stringifyDoc(doc)) {
          this.store.updateRow(collection, key, stringifyDoc(next))
        }
      }
      if (targets.length === 0 && upsert) {
        const id =
          query._id !== undefined && !isPlainObject(query._id) ? asDocId(query._id) : newId()
        const seed: Doc = { _id: id }
        for (const [k, v] of Object.entries(query)) {
          if (!k.startsWith('$') && !k.includes('.') && !isPlainObject(v)) seed[k] = v
        }
        const doc = merge ? (applyUpdate(seed, data) ?? seed) : replacement(id, data)
        if (tx) this.txWrite(tx, collection, rowKey(id), doc)
        else this.store.insertRow(collection, rowKey(id), stringifyDoc(doc))
        return { data: { updated: 0, upsert_id: answered(id) } }
      }
      // CloudBase's `updated` counts the documents matched, changed or not.
      return { data: { updated: targets.length } }
    }
    return tx ? run() : this.store.atomically(run)
  }

  private modifyOne(
    collection: string,
    id: DocId,
    data: Doc,
    merge: boolean,
    upsert: boolean,
    tx: Transaction | undefined,
  ): Reply {
    const key = rowKey(id)
    const run = (): Reply => {
      const current = tx ? this.txRead(tx, collection, key) : this.readOne(collection, key)
      if (!current) {
        if (!upsert) return { data: { updated: 0 } }
        const doc = merge ? (applyUpdate({ _id: id }, data) ?? { _id: id }) : replacement(id, data)
        if (tx) this.txWrite(tx, collection, key, doc)
        else this.store.insertRow(collection, key, stringifyDoc(doc))
        return { data: { updated: 0, upsert_id: answered(id) } }
      }
      const next = merge ? applyUpdate(current, data) : replacement(id, data)
      const changed = next !== null && stringifyDoc(next) !== stringifyDoc(current)
      // Even a no-op write joins the write set, so a concurrent change still conflicts.
      if (tx) this.txWrite(tx, collection, key, changed ? next : current)
      else if (changed) this.store.updateRow(collection, key, stringifyDoc(next))
      return { data: { updated: 1 } }
    }
    return tx ? run() : this.store.atomically(run)
  }

  private modifyAndReturn(body: Body, now: number): Reply {
    const collection = str(body, 'collectionName')
    this.requireCollection(collection)
    const query = this.query(body, now) ?? {}
    const data = parseWireObject(body.data, 'data', now)
    const tx = this.txOf(body)
    const run = (): Reply => {
      const [current] = this.matching(collection, query, 1, tx)
      if (!current) return { data: { updated: 0, doc: null } }
      const next = applyUpdate(current, data) ?? current
      const key = rowKey(current._id as DocId)
      if (tx) this.txWrite(tx, collection, key, next)
      else if (next !== current) this.store.updateRow(collection, key, stringifyDoc(next))
      return { data: { updated: 1, doc: wire(next) } }
    }
    return tx ? run() : this.store.atomically(run)
  }

  private remove(body: Body, now: number): Reply {
    const collection = str(body, 'collectionName')
    this.requireCollection(collection)
    const query = this.query(body, now) ?? {}
    const tx = this.txOf(body)
    if (body.queryType === 'DOC') {
      const key = rowKey(docId(query))
      if (!tx) return { data: { deleted: this.store.deleteRow(collection, key) ? 1 : 0 } }
      if (!this.txRead(tx, collection, key)) return { data: { deleted: 0 } }
      this.txWrite(tx, collection, key, null)
      return { data: { deleted: 1 } }
    }
    const multi = body.multi !== false
    const run = (): Reply => {
      const targets = this.matching(collection, query, multi ? Infinity : 1, tx)
      for (const doc of targets) {
        const key = rowKey(doc._id as DocId)
        if (tx) this.txWrite(tx, collection, key, null)
        else this.store.deleteRow(collection, key)
      }
      return { data: { deleted: targets.length } }
    }
    return tx ? run() : this.store.atomically(run)
  }

  private readOne(collection: string, key: string): Doc | undefined {
    const row = this.store.getRow(collection, key)
    return row ? parseStored(row.doc) : undefined
  }

  // ---- transactions ----------------------------------------------------------------------
  // MongoDB's snapshot isolation: a transaction reads the data as of its first operation (plus its
  // own writes, which stay buffered until commit). A write to a document that another open
  // transaction has written, or that was written by anyone after the snapshot, fails at once with
  // DATABASE_TRANSACTION_CONFLICT (MongoDB's WriteConflict) and aborts the transaction, so
  // runTransaction runs the callback again in a new one. At commit, a document changed since the
  // snapshot (by a write outside transactions, which MongoDB would have made wait) conflicts too.

  private startTransaction(now: number): Transaction {
    for (const t of [...this.transactions.values()]) {
      if (now - t.lastUsed > TRANSACTION_IDLE_MS) this.drop(t)
    }
    const tx: Transaction = { id: newId(), snapshot: undefined, writes: new Map(), lastUsed: now }
    this.transactions.set(tx.id, tx)
    return tx
  }

  private txOf(body: Body): Transaction | undefined {
    const id = body.transactionId
    if (id === undefined || id === '') return undefined
    const tx = typeof id === 'string' ? this.transactions.get(id) : undefined
    if (!tx) throw new EmulatorError('DATABASE_TRANSACTION_FAIL', TRANSACTION_NOT_EXIST)
    tx.lastUsed = Date.now()
    if (tx.snapshot === undefined) {
      tx.snapshot = this.store.currentSeq()
      this.retain()
    }
    return tx
  }

  private snapshotOf(tx: Transaction): number {
    return tx.snapshot ?? this.store.currentSeq()
  }

  /** Keep the before-images the oldest open snapshot needs (none when no snapshot is open). */
  private retain(): void {
    let oldest: number | undefined
    for (const t of this.transactions.values()) {
      if (t.snapshot !== undefined && (oldest === undefined || t.snapshot < oldest))
        oldest = t.snapshot
    }
    this.store.retainSnapshotsAfter(oldest)
  }

  private txRead(tx: Transaction, collection: string, key: string): Doc | undefined {
    const w = tx.writes.get(txKey(collection, key))
    if (w) return w.doc ? parseStored(stringifyDoc(w.doc)) : undefined
    const row = this.store.rowAt(collection, key, this.snapshotOf(tx))
    return row ? parseStored(row.doc) : undefined
  }

  /** A collection as the transaction sees it: its snapshot, then its own writes. */
  private txDocs(tx: Transaction, collection: string): Doc[] {
    const out: Doc[] = []
    const seen = new Set<string>()
    for (const row of this.store.rowsAt(collection, this.snapshotOf(tx))) {
      seen.add(row.id)
      const w = tx.writes.get(txKey(collection, row.id))
      if (!w) out.push(parseStored(row.doc))
      else if (w.doc) out.push(parseStored(stringifyDoc(w.doc)))
    }
    for (const w of tx.writes.values()) {
      if (w.collection === collection && !seen.has(w.key) && w.doc) {
        out.push(parseStored(stringifyDoc(w.doc)))
      }
    }
    return out
  }

  private txWrite(tx: Transaction, collection: string, key: string, doc: Doc | null): void {
    const k = txKey(collection, key)
    const existing = tx.writes.get(k)
    if (existing) {
      existing.doc = doc
      return
    }
    const holder = this.locks.get(k)
    if (
      (holder !== undefined && holder !== tx.id && this.transactions.has(holder)) ||
      this.store.changedSince(collection, key, this.snapshotOf(tx))
    ) {
      this.drop(tx)
      throw conflict()
    }
    this.locks.set(k, tx.id)
    tx.writes.set(k, { collection, key, doc })
  }

  /** Forget a transaction: its buffered writes, its write locks, its snapshot. */
  private drop(tx: Transaction): void {
    this.transactions.delete(tx.id)
    for (const k of tx.writes.keys()) if (this.locks.get(k) === tx.id) this.locks.delete(k)
    this.retain()
  }

  private commit(transactionId: string): void {
    const tx = this.transactions.get(transactionId)
    if (!tx) throw new EmulatorError('DATABASE_TRANSACTION_FAIL', TRANSACTION_NOT_EXIST)
    const snapshot = this.snapshotOf(tx)
    try {
      this.store.atomically(() => {
        for (const w of tx.writes.values()) {
          if (this.store.changedSince(w.collection, w.key, snapshot)) throw conflict()
        }
        for (const w of tx.writes.values()) {
          const exists = this.store.getRow(w.collection, w.key) !== undefined
          if (w.doc === null) {
            if (exists) this.store.deleteRow(w.collection, w.key)
          } else if (exists) {
            this.store.updateRow(w.collection, w.key, stringifyDoc(w.doc))
          } else {
            this.store.insertRow(w.collection, w.key, stringifyDoc(w.doc))
          }
        }
      })
    } finally {
      this.drop(tx)
    }
  }

  private abort(transactionId: string): void {
    const tx = this.transactions.get(transactionId)
    if (tx) this.drop(tx)
  }
}

/** The first `stopAfter` of `docs` that match `query`, reading no further. */
const firstMatching = (docs: Iterable<Doc>, query: Doc | undefined, stopAfter: number): Doc[] => {
  const q = query && Object.keys(query).length ? compileQuery(query) : undefined
  const out: Doc[] = []
  if (stopAfter <= 0) return out
  for (const doc of docs) {
    if (!q || q.test(doc)) {
      out.push(doc)
      if (out.length >= stopAfter) break
    }
  }
  return out
}

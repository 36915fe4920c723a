// The database actions of the CloudBase wire protocol, with mingo semantics on a SQLite store.
// Shapes follow the captured SDK traffic (see emulator/README.md).
import { randomBytes } from 'node:crypto'
import { Query, aggregate as mingoAggregate, find as mingoFind, update as mingoUpdate } from 'mingo'
import type { Counters } from './counters'
import { parseStored, parseWire, parseWireObject, stringifyDoc, isPlainObject } from './ejson'
import { EmulatorError, collectionNotExist, duplicateKey, invalidParam } from './errors'
import type { Store } from './store'
import type { Doc } from './types'

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000
const TRANSACTION_IDLE_MS = 60_000

type Body = Record<string, unknown>
type Reply = Record<string, unknown>

interface TxWrite {
  readonly collection: string
  readonly id: string
  /** Version of the row when the transaction first touched it (0 = absent). */
  readonly baseVer: number
  doc: Doc | null
}

interface Transaction {
  readonly id: string
  readonly startSeq: number
  readonly writes: Map<string, TxWrite>
  lastUsed: number
}

export const newId = (): string => randomBytes(16).toString('hex')

const txKey = (collection: string, id: string): string => `${collection}\u0000${id}`

const mingoOptions = { idKey: '_id' }

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

const docId = (query: Doc): string => {
  const id = query._id
  if (typeof id !== 'string' || id === '') throw invalidParam('a DOC query needs a string _id')
  return id
}

const isOperatorDoc = (data: Doc): boolean => {
  const keys = Object.keys(data)
  const ops = keys.filter((k) => k.startsWith('$'))
  if (ops.length > 0 && ops.length !== keys.length) {
    throw invalidParam('an update mixes operators and plain fields')
  }
  return ops.length > 0
}

/** Apply an update (operators, or plain fields meaning $set) to a copy; null when nothing changed. */
const applyUpdate = (doc: Doc, data: Doc): Doc | null => {
  const modifier = isOperatorDoc(data) ? data : { $set: data }
  const copy = parseStored(stringifyDoc(doc))
  const before = stringifyDoc(copy)
  try {
    mingoUpdate(copy, modifier as Parameters<typeof mingoUpdate>[1])
  } catch (e) {
    throw new EmulatorError('DATABASE_REQUEST_FAILED', (e as Error).message)
  }
  if (copy._id !== doc._id) throw invalidParam('_id cannot be modified')
  return stringifyDoc(copy) === before ? null : copy
}

const replacement = (id: string, data: Doc): Doc => {
  if (Object.keys(data).some((k) => k.startsWith('$'))) {
    throw invalidParam('a replacement document cannot contain update operators')
  }
  if (data._id !== undefined && data._id !== id) throw invalidParam('_id cannot be modified')
  return { ...data, _id: id }
}

export class DatabaseService {
  private readonly transactions = new Map<string, Transaction>()

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
        return { transactionId: this.startTransaction().id }
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

  /** Documents matching `query`, natural order, stopping early after `stopAfter` matches. */
  matching(collection: string, query: Doc | undefined, stopAfter = Infinity): Doc[] {
    this.requireCollection(collection)
    const q = query && Object.keys(query).length ? new Query(query, mingoOptions) : undefined
    const out: Doc[] = []
    if (stopAfter <= 0) return out
    for (const row of this.store.scan(collection, query)) {
      const doc = parseStored(row.doc)
      if (!q || q.test(doc)) {
        out.push(doc)
        if (out.length >= stopAfter) break
      }
    }
    return out
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
    if (tx) {
      if (body.queryType !== 'DOC' || !query)
        throw invalidParam('only doc.get() runs in a transaction')
      const doc = this.txRead(tx, collection, docId(query))
      const docs = doc ? this.project([doc], projection) : []
      return { data: { list: docs.map(stringifyDoc) }, limit: DEFAULT_LIMIT, offset: 0 }
    }
    const order = body.order === undefined ? undefined : parseWireObject(body.order, 'order', now)
    const offset = optionalNumber(body, 'offset') ?? 0
    const limit = Math.min(optionalNumber(body, 'limit') ?? DEFAULT_LIMIT, MAX_LIMIT)
    const sorted = order && Object.keys(order).length > 0
    let docs = this.matching(collection, query, sorted ? Infinity : offset + limit)
    if (sorted) {
      docs = mingoFind(docs, {}, undefined, mingoOptions)
        .sort(order as Record<string, 1 | -1>)
        .skip(offset)
        .limit(limit)
        .all() as Doc[]
    } else {
      docs = docs.slice(offset, offset + limit)
    }
    const list = this.project(docs, projection).map(stringifyDoc)
    return { data: { list }, limit, offset }
  }

  private project(docs: Doc[], projection: Doc | undefined): Doc[] {
    if (!projection || Object.keys(projection).length === 0) return docs
    try {
      return mingoFind(docs, {}, projection, mingoOptions).all() as Doc[]
    } catch (e) {
      throw invalidParam(`invalid projection: ${(e as Error).message}`)
    }
  }

  private calculate(body: Body, now: number): Reply {
    const collection = str(body, 'collectionName')
    return { data: { total: this.matching(collection, this.query(body, now)).length } }
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
    // A leading $match can use the indexes.
    const first = pipeline[0]
    const leadingMatch = first && isPlainObject(first.$match) ? (first.$match as Doc) : undefined
    const input = this.matching(collection, leadingMatch)
    const collectionResolver = (name: string): Doc[] => this.matching(name, undefined)
    try {
      const out = mingoAggregate(input, leadingMatch ? pipeline.slice(1) : pipeline, {
        ...mingoOptions,
        collectionResolver,
      }) as Doc[]
      return { data: { list: out.map(stringifyDoc) } }
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
      if (doc._id === undefined) return { ...doc, _id: newId() }
      if (typeof doc._id !== 'string' || doc._id === '') throw invalidParam('_id must be a string')
      return doc
    })
    const tx = this.txOf(body)
    if (tx) {
      for (const doc of docs) {
        const id = doc._id as string
        if (this.txRead(tx, collection, id))
          throw duplicateKey(collection, `dup key: { _id: "${id}" }`)
        this.txWrite(tx, collection, id, doc)
      }
    } else {
      this.store.atomically(() => {
        for (const doc of docs)
          this.store.insertRow(collection, doc._id as string, stringifyDoc(doc))
      })
    }
    return { data: { insertedIds: docs.map((d) => d._id as string) } }
  }

  private modify(body: Body, now: number): Reply {
    const collection = str(body, 'collectionName')
    this.requireCollection(collection)
    const query = this.query(body, now) ?? {}
    const data = parseWireObject(body.data, 'data', now)
    const merge = body.merge !== false
    const upsert = body.upsert === true
    const tx = this.txOf(body)
    if (body.queryType === 'DOC' || tx) {
      const id = docId(query)
      return this.modifyOne(collection, id, data, merge, upsert, tx)
    }
    const multi = body.multi !== false
    return this.store.atomically(() => {
      const targets = this.matching(collection, query, multi ? Infinity : 1)
      let updated = 0
      for (const doc of targets) {
        const next = merge ? applyUpdate(doc, data) : replacement(doc._id as string, data)
        if (next && stringifyDoc(next) !== stringifyDoc(doc)) {
          this.store.updateRow(collection, doc._id as string, stringifyDoc(next))
          updated += 1
        }
      }
      if (targets.length === 0 && upsert) {
        const id = typeof query._id === 'string' ? query._id : newId()
        const seed: Doc = { _id: id }
        for (const [k, v] of Object.entries(query)) {
          if (!k.startsWith('$') && !k.includes('.') && !isPlainObject(v)) seed[k] = v
        }
        const doc = merge ? (applyUpdate(seed, data) ?? seed) : replacement(id, data)
        this.store.insertRow(collection, id, stringifyDoc(doc))
        return { data: { updated: 0, upsert_id: id } }
      }
      return { data: { updated } }
    })
  }

  private modifyOne(
    collection: string,
    id: string,
    data: Doc,
    merge: boolean,
    upsert: boolean,
    tx: Transaction | undefined,
  ): Reply {
    const run = (): Reply => {
      const current = tx ? this.txRead(tx, collection, id) : this.readOne(collection, id)
      if (!current) {
        if (!upsert) return { data: { updated: 0 } }
        const doc = merge ? (applyUpdate({ _id: id }, data) ?? { _id: id }) : replacement(id, data)
        if (tx) this.txWrite(tx, collection, id, doc)
        else this.store.insertRow(collection, id, stringifyDoc(doc))
        return { data: { updated: 0, upsert_id: id } }
      }
      const next = merge ? applyUpdate(current, data) : replacement(id, data)
      if (!next || stringifyDoc(next) === stringifyDoc(current)) {
        // Even a no-op write joins the write set, so a concurrent change still conflicts.
        if (tx) this.txWrite(tx, collection, id, current)
        return { data: { updated: 0 } }
      }
      if (tx) this.txWrite(tx, collection, id, next)
      else this.store.updateRow(collection, id, stringifyDoc(next))
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
    if (tx) {
      const id = docId(query)
      const current = this.txRead(tx, collection, id)
      if (!current) return { data: { updated: 0, doc: null } }
      const next = applyUpdate(current, data)
      this.txWrite(tx, collection, id, next ?? current)
      return { data: { updated: next ? 1 : 0, doc: stringifyDoc(next ?? current) } }
    }
    return this.store.atomically(() => {
      const [current] = this.matching(collection, query, 1)
      if (!current) return { data: { updated: 0, doc: null } }
      const next = applyUpdate(current, data)
      if (next) this.store.updateRow(collection, current._id as string, stringifyDoc(next))
      return { data: { updated: next ? 1 : 0, doc: stringifyDoc(next ?? current) } }
    })
  }

  private remove(body: Body, now: number): Reply {
    const collection = str(body, 'collectionName')
    this.requireCollection(collection)
    const query = this.query(body, now) ?? {}
    const tx = this.txOf(body)
    if (tx) {
      const id = docId(query)
      if (!this.txRead(tx, collection, id)) return { data: { deleted: 0 } }
      this.txWrite(tx, collection, id, null)
      return { data: { deleted: 1 } }
    }
    if (body.queryType === 'DOC') {
      return { data: { deleted: this.store.deleteRow(collection, docId(query)) ? 1 : 0 } }
    }
    const multi = body.multi !== false
    return this.store.atomically(() => {
      const targets = this.matching(collection, query, multi ? Infinity : 1)
      for (const doc of targets) this.store.deleteRow(collection, doc._id as string)
      return { data: { deleted: targets.length } }
    })
  }

  private readOne(collection: string, id: string): Doc | undefined {
    const row = this.store.getRow(collection, id)
    return row ? parseStored(row.doc) : undefined
  }

  // ---- transactions ----------------------------------------------------------------------
  // Optimistic, first committer wins: writes are buffered; at commit every written document must
  // still have the version it had when the transaction first touched it and must not have been
  // written since the transaction started, else DATABASE_TRANSACTION_CONFLICT.

  private startTransaction(): Transaction {
    const now = Date.now()
    for (const [id, t] of this.transactions) {
      if (now - t.lastUsed > TRANSACTION_IDLE_MS) this.transactions.delete(id)
    }
    const tx: Transaction = {
      id: newId(),
      startSeq: this.store.currentSeq(),
      writes: new Map(),
      lastUsed: now,
    }
    this.transactions.set(tx.id, tx)
    return tx
  }

  private txOf(body: Body): Transaction | undefined {
    const id = body.transactionId
    if (id === undefined || id === '') return undefined
    const tx = typeof id === 'string' ? this.transactions.get(id) : undefined
    if (!tx) {
      throw new EmulatorError('DATABASE_TRANSACTION_FAIL', `transaction ${String(id)} is not open`)
    }
    tx.lastUsed = Date.now()
    return tx
  }

  private txRead(tx: Transaction, collection: string, id: string): Doc | undefined {
    const w = tx.writes.get(txKey(collection, id))
    if (w) return w.doc ? parseStored(stringifyDoc(w.doc)) : undefined
    return this.readOne(collection, id)
  }

  private txWrite(tx: Transaction, collection: string, id: string, doc: Doc | null): void {
    const key = txKey(collection, id)
    const existing = tx.writes.get(key)
    if (existing) {
      existing.doc = doc
      return
    }
    const baseVer = this.store.getRow(collection, id)?.ver ?? 0
    tx.writes.set(key, { collection, id, baseVer, doc })
  }

  private commit(transactionId: string): void {
    const tx = this.transactions.get(transactionId)
    if (!tx) {
      throw new EmulatorError(
        'DATABASE_TRANSACTION_FAIL',
        `transaction ${transactionId} is not open`,
      )
    }
    this.transactions.delete(transactionId)
    this.store.atomically(() => {
      for (const w of tx.writes.values()) {
        const ver = this.store.getRow(w.collection, w.id)?.ver ?? 0
        if (ver !== w.baseVer || ver > tx.startSeq) {
          throw new EmulatorError('DATABASE_TRANSACTION_CONFLICT', 'Transaction is conflicted')
        }
      }
      for (const w of tx.writes.values()) {
        const exists = this.store.getRow(w.collection, w.id) !== undefined
        if (w.doc === null) {
          if (exists) this.store.deleteRow(w.collection, w.id)
        } else if (exists) {
          this.store.updateRow(w.collection, w.id, stringifyDoc(w.doc))
        } else {
          this.store.insertRow(w.collection, w.id, stringifyDoc(w.doc))
        }
      }
    })
  }

  private abort(transactionId: string): void {
    this.transactions.delete(transactionId)
  }
}

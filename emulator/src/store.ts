// SQLite storage: one table per collection (rowid = natural order, `id` = `_id`, `doc` = relaxed
// EJSON, `ver` = global write sequence used for transaction conflict checks). Declared indexes
// become expression indexes on json_extract(doc, path); equality and range conditions on indexed
// fields are pushed down to SQL as a pre-filter (mingo still decides what matches). A sort on
// indexed fields whose stored values SQL orders exactly as MongoDB does is done by SQL too, so a
// page of a large collection is read through the index, not sorted in JavaScript.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { ObjectId } from 'bson'
import { collectionNotExist, duplicateKey, EmulatorError, invalidParam } from './errors'
import { isPlainObject } from './ejson'
import type { SortKey } from './rules'
import type { CollectionSpec, Doc, IndexSpec } from './types'

export interface Row {
  readonly id: string
  readonly doc: string
  readonly ver: number
}

interface CollectionMeta {
  readonly name: string
  readonly table: string
  indexedFields: Set<string>
  /**
   * Indexed fields that some document holds an array on (anywhere along the path): an equality
   * on them cannot be pushed down, since MongoDB matches an array by its elements.
   */
  arrayFields: Set<string>
  /**
   * The kinds of value stored on an indexed field (or `_id`), learnt on the first sort by it and
   * kept up to date by every write after; never narrowed by a delete (a superset is safe).
   */
  readonly sortClasses: Map<string, Set<SortClass>>
}

/**
 * The kind of a stored value as a sort sees it. SQLite orders the values of one kind, with
 * missing and null first, as MongoDB does: numbers by value, strings by code point (UTF-8 bytes),
 * booleans false first, dates (stored as `{"$date":"<24-character ISO>"}`, a fixed-width text) by
 * time. Two kinds mixed, or anything else (arrays, objects, long numbers, a string holding a
 * lone surrogate), and the sort is left to JavaScript.
 */
type SortClass = 'null' | 'number' | 'text' | 'bool' | 'date' | 'other'

/**
 * Dates stored at one width: relaxed EJSON writes a date with no milliseconds without them
 * (`2026-12-04T10:00:00Z`, 20 characters) and others with them (24); stored all at 24, their
 * texts order as their times do, so SQL can sort them. The wire is unchanged (documents are
 * parsed and written out again). A key `"$date"` is only ever an EJSON wrapper: field names
 * cannot start with `$`, and a quote inside a string is escaped.
 */
const SHORT_DATE = /"\$date":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z"/g
const fixedWidthDates = (doc: string): string =>
  doc.includes('"$date":"') ? doc.replace(SHORT_DATE, '"$date":"$1.000Z"') : doc

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const ISO_DATE_LENGTH = 24

/** The sort kind of a value of a stored document read as plain JSON (a Date is `{$date}`). */
const sortClassOf = (v: unknown): SortClass => {
  if (v === undefined || v === null) return 'null'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'string') return LONE_SURROGATE.test(v) ? 'other' : 'text'
  if (isPlainObject(v)) {
    const keys = Object.keys(v)
    const iso = v.$date
    if (keys.length === 1 && typeof iso === 'string' && iso.length === ISO_DATE_LENGTH) {
      return 'date'
    }
  }
  return 'other'
}

/** The sort kind of a row key: a string id as itself, a number or ObjectId behind \u0001. */
const idSortClass = (id: string): SortClass =>
  id.startsWith('\u0001') || LONE_SURROGATE.test(id) ? 'other' : 'text'

type SqlValue = string | number

interface Condition {
  readonly sql: string
  readonly params: SqlValue[]
}

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,100}$/
const FIELD_PATH = /^[A-Za-z0-9_$\u0080-\uffff-]+(\.[A-Za-z0-9_$\u0080-\uffff-]+)*$/
const MAX_IN_LIST = 500

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`

/** The SQL expression for a field; identical text in indexes and queries so SQLite uses them. */
export const fieldExpr = (field: string): string =>
  field === '_id' ? 'id' : `json_extract(doc, '${jsonPath(field)}')`

/** The JSON path of a field for SQLite's json functions: `$."a"."b"`. */
const jsonPath = (field: string): string =>
  `$.${field
    .split('.')
    .map((p) => `"${p}"`)
    .join('.')}`

/** SQL giving a stored document's sort kind on a field (see SortClass). */
const sortClassSql = (field: string): string => {
  const p = jsonPath(field)
  return `CASE json_type(doc, '${p}')
    WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number'
    WHEN 'true' THEN 'bool' WHEN 'false' THEN 'bool'
    WHEN 'null' THEN 'null'
    WHEN 'text' THEN CASE WHEN doc LIKE '%\\ud%' THEN 'other' ELSE 'text' END
    WHEN 'object' THEN CASE
      WHEN json_type(doc, '${p}."$date"') = 'text'
        AND length(json_extract(doc, '${p}."$date"')) = ${ISO_DATE_LENGTH}
        AND (SELECT count(*) FROM json_each(doc, '${p}')) = 1
      THEN 'date' ELSE 'other' END
    ELSE CASE WHEN json_type(doc, '${p}') IS NULL THEN 'null' ELSE 'other' END
  END`
}

const sqlScalar = (v: unknown): SqlValue | undefined => {
  if (typeof v === 'string') return v
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'boolean') return v ? 1 : 0
  return undefined
}

/** A document's `_id` as MongoDB allows it here: a string, a number or an ObjectId. */
export type DocId = string | number | ObjectId

/**
 * The row key of an `_id`: a string as itself, a number or an ObjectId behind a \u0001 prefix, so
 * `'1'`, `1` and `ObjectId('…')` are three different documents, as in MongoDB.
 */
export const rowKey = (id: DocId): string =>
  typeof id === 'string'
    ? id
    : typeof id === 'number'
      ? `\u0001n:${id}`
      : `\u0001o:${id.toHexString()}`

const idScalar = (v: unknown): SqlValue | undefined => {
  if (typeof v === 'string') return v
  if (typeof v === 'number' && Number.isFinite(v)) return rowKey(v)
  if (v instanceof ObjectId) return rowKey(v)
  return undefined
}

const RANGE_OPS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

/**
 * Conditions on one field that are safe as a pre-filter (a superset of mingo's matches): equality
 * and `$in` on values `toSql` maps, ranges on the operands `rangeOk` accepts.
 */
const conditionsOn = (
  expr: string,
  value: unknown,
  toSql: (v: unknown) => SqlValue | undefined,
  rangeOk: (v: unknown) => v is SqlValue,
): Condition[] => {
  const eq = toSql(value)
  if (eq !== undefined) return [{ sql: `${expr} = ?`, params: [eq] }]
  if (!isPlainObject(value)) return []
  const ops = Object.keys(value)
  if (ops.length === 0 || !ops.every((k) => k.startsWith('$'))) return []
  const out: Condition[] = []
  for (const op of ops) {
    const operand = value[op]
    if (op === '$eq') {
      const v = toSql(operand)
      if (v !== undefined) out.push({ sql: `${expr} = ?`, params: [v] })
    } else if (op === '$in' && Array.isArray(operand)) {
      const vs = operand.map(toSql)
      if (vs.length > 0 && vs.length <= MAX_IN_LIST && vs.every((v) => v !== undefined)) {
        out.push({ sql: `${expr} IN (${vs.map(() => '?').join(', ')})`, params: vs as SqlValue[] })
      }
    } else if (op in RANGE_OPS && rangeOk(operand)) {
      out.push({ sql: `${expr} ${RANGE_OPS[op]} ?`, params: [operand] })
    }
  }
  return out
}

const finiteOrString = (v: unknown): v is SqlValue =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))

/** Pre-filter conditions on a declared index field. */
const fieldConditions = (field: string, value: unknown): Condition[] =>
  conditionsOn(fieldExpr(field), value, sqlScalar, finiteOrString)

/** Pre-filter conditions on `_id`: equality and `$in` on any id, ranges on strings only. */
const idConditions = (value: unknown): Condition[] =>
  conditionsOn('id', value, idScalar, (v): v is string => typeof v === 'string')

export interface StoreOptions {
  /** SQLite file path, or null for an in-memory database. */
  readonly file: string | null
  /** 'NORMAL' (default) survives a killed process; 'FULL' also survives power loss. */
  readonly synchronous?: 'NORMAL' | 'FULL'
}

export class Store {
  readonly db: Database.Database
  readonly file: string | null
  private seq = 0
  private readonly collections = new Map<string, CollectionMeta>()
  private readonly statements = new Map<string, Database.Statement>()
  /**
   * Before-images for snapshot reads: for each row changed after `retainAfter`, the rows it was
   * before each change (`seq` = the change's write sequence), oldest first. Kept only while a
   * transaction whose snapshot needs them is open.
   */
  private retainAfter: number | undefined
  private readonly history = new Map<string, Array<{ seq: number; row: Row | undefined }>>()

  constructor(options: StoreOptions) {
    this.file = options.file
    if (options.file) fs.mkdirSync(path.dirname(options.file), { recursive: true })
    this.db = new Database(options.file ?? ':memory:')
    if (options.file) {
      this.db.pragma('journal_mode = WAL')
      this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
      this.db.pragma('busy_timeout = 5000')
    }
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, tbl TEXT NOT NULL, indexes TEXT NOT NULL)',
    )
    const rows = this.db.prepare('SELECT name, tbl, indexes FROM _collections').all() as Array<{
      name: string
      tbl: string
      indexes: string
    }>
    for (const r of rows) {
      const specs = JSON.parse(r.indexes) as IndexSpec[]
      this.collections.set(r.name, this.metaOf(r.name, r.tbl, specs))
      const max = this.db.prepare(`SELECT max(ver) AS m FROM ${quoteIdent(r.tbl)}`).get() as {
        m: number | null
      }
      this.seq = Math.max(this.seq, max.m ?? 0)
    }
  }

  close(): void {
    this.db.close()
  }

  /** Size in bytes of the database file plus its write-ahead log (0 in memory). */
  fileSize(): number {
    if (!this.file) return 0
    let size = 0
    for (const f of [this.file, `${this.file}-wal`]) {
      if (fs.existsSync(f)) size += fs.statSync(f).size
    }
    return size
  }

  /** The last write sequence number handed out. */
  currentSeq(): number {
    return this.seq
  }

  nextVer(): number {
    this.seq += 1
    return this.seq
  }

  /**
   * Keep before-images of rows changed after `seq` (the oldest open snapshot), dropping older ones;
   * `undefined` when no snapshot is open.
   */
  retainSnapshotsAfter(seq: number | undefined): void {
    this.retainAfter = seq
    if (seq === undefined) {
      this.history.clear()
      return
    }
    for (const [key, entries] of this.history) {
      const kept = entries.filter((e) => e.seq > seq)
      if (kept.length === 0) this.history.delete(key)
      else this.history.set(key, kept)
    }
  }

  private remember(collection: string, id: string): void {
    if (this.retainAfter === undefined) return
    const key = `${collection}\u0000${id}`
    const before = this.getRow(collection, id)
    const entries = this.history.get(key) ?? []
    entries.push({ seq: this.seq + 1, row: before })
    this.history.set(key, entries)
  }

  /** The row as it was at write sequence `seq` (a snapshot), or undefined if it did not exist. */
  rowAt(collection: string, id: string, seq: number): Row | undefined {
    const entry = this.history.get(`${collection}\u0000${id}`)?.find((e) => e.seq > seq)
    return entry ? entry.row : this.getRow(collection, id)
  }

  /** True when the row was written (inserted, changed or deleted) after write sequence `seq`. */
  changedSince(collection: string, id: string, seq: number): boolean {
    if ((this.getRow(collection, id)?.ver ?? 0) > seq) return true
    return this.history.get(`${collection}\u0000${id}`)?.some((e) => e.seq > seq) ?? false
  }

  /** Every row of a collection as it was at write sequence `seq`, in natural order. */
  rowsAt(collection: string, seq: number): Row[] {
    const m = this.meta(collection)
    const out: Row[] = []
    const seen = new Set<string>()
    const all = this.stmt(
      `SELECT id, doc, ver FROM ${quoteIdent(m.table)} ORDER BY rowid`,
    ).all() as Row[]
    for (const row of all) {
      seen.add(row.id)
      const at = this.rowAt(collection, row.id, seq)
      if (at) out.push(at)
    }
    const prefix = `${collection}\u0000`
    for (const key of this.history.keys()) {
      if (!key.startsWith(prefix)) continue
      const id = key.slice(prefix.length)
      if (seen.has(id)) continue
      const at = this.rowAt(collection, id, seq)
      if (at) out.push(at)
    }
    return out
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  collectionNames(): string[] {
    return [...this.collections.keys()]
  }

  /** Create a collection; fails with DATABASE_COLLECTION_ALREADY_EXIST if it exists. */
  createCollection(name: string): void {
    if (!COLLECTION_NAME.test(name)) throw invalidParam(`invalid collection name: ${name}`)
    if (this.collections.has(name)) {
      throw new EmulatorError(
        'DATABASE_COLLECTION_ALREADY_EXIST',
        '[ResourceUnavailable.ResourceExist] Table exist.',
      )
    }
    this.declareCollection({ name, indexes: [] })
  }

  /** Make sure a declared collection and exactly its declared indexes exist. */
  declareCollection(spec: CollectionSpec): void {
    if (!COLLECTION_NAME.test(spec.name))
      throw invalidParam(`invalid collection name: ${spec.name}`)
    const indexes = spec.indexes ?? []
    for (const ix of indexes) {
      if (!/^[A-Za-z0-9_-]+$/.test(ix.name)) throw invalidParam(`invalid index name: ${ix.name}`)
      for (const k of ix.keys) {
        if (!FIELD_PATH.test(k.field)) throw invalidParam(`invalid index field: ${k.field}`)
      }
    }
    const table = `c_${spec.name}`
    const run = this.db.transaction(() => {
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} (id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, ver INTEGER NOT NULL)`,
      )
      const existing = this.db
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        )
        .all(table) as Array<{ name: string; sql: string }>
      const wanted = new Map(
        indexes.map((ix) => {
          const name = `ix_${spec.name}_${ix.name}`
          const cols = ix.keys
            .map((k) => `${fieldExpr(k.field)}${k.direction === -1 ? ' DESC' : ''}`)
            .join(', ')
          const sql = `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(name)} ON ${quoteIdent(table)} (${cols})`
          return [name, sql] as const
        }),
      )
      for (const ex of existing) {
        if (wanted.get(ex.name) !== ex.sql) this.db.exec(`DROP INDEX ${quoteIdent(ex.name)}`)
      }
      const kept = new Set(
        existing.filter((ex) => wanted.get(ex.name) === ex.sql).map((e) => e.name),
      )
      for (const [name, sql] of wanted) {
        if (!kept.has(name)) this.db.exec(sql)
      }
      this.db
        .prepare(
          'INSERT INTO _collections (name, tbl, indexes) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET indexes = excluded.indexes',
        )
        .run(spec.name, table, JSON.stringify(indexes))
    })
    try {
      run()
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateKey(spec.name, `(while creating a unique index)`)
      throw e
    }
    this.statements.clear()
    this.collections.set(spec.name, this.metaOf(spec.name, table, indexes))
  }

  private metaOf(name: string, table: string, indexes: readonly IndexSpec[]): CollectionMeta {
    const indexedFields = fieldsOf(indexes)
    return {
      name,
      table,
      indexedFields,
      arrayFields: this.fieldsHoldingArrays(table, indexedFields),
      sortClasses: new Map(),
    }
  }

  /** The indexed fields on which a stored document holds an array somewhere along the path. */
  private fieldsHoldingArrays(table: string, fields: Set<string>): Set<string> {
    const out = new Set<string>()
    for (const field of fields) {
      const parts = field.split('.')
      for (let i = 1; i <= parts.length && !out.has(field); i += 1) {
        const expr = `json_type(doc, '$.${parts
          .slice(0, i)
          .map((p) => `"${p}"`)
          .join('.')}')`
        const hit = this.db
          .prepare(`SELECT 1 FROM ${quoteIdent(table)} WHERE ${expr} = 'array' LIMIT 1`)
          .get()
        if (hit) out.add(field)
      }
    }
    return out
  }

  /**
   * Note what a document about to be stored holds on the indexed fields: the ones it holds an
   * array on, and the sort kinds of the fields a sort has asked about.
   */
  private noteShapes(m: CollectionMeta, id: string, doc: string): void {
    const learnArrays = m.indexedFields.size !== m.arrayFields.size
    if (!learnArrays && m.sortClasses.size === 0) return
    const parsed = JSON.parse(doc) as unknown
    m.sortClasses.get('_id')?.add(idSortClass(id))
    for (const field of m.indexedFields) {
      const classes = m.sortClasses.get(field)
      if (!classes && (!learnArrays || m.arrayFields.has(field))) continue
      let cur: unknown = parsed
      for (const part of field.split('.')) {
        if (!isPlainObject(cur)) {
          cur = undefined
          break
        }
        cur = cur[part]
        if (Array.isArray(cur)) {
          m.arrayFields.add(field)
          break
        }
      }
      classes?.add(sortClassOf(cur))
    }
  }

  /** The sort kinds stored on a field, learnt from the table on the first call. */
  private sortClasses(m: CollectionMeta, field: string): Set<SortClass> {
    let classes = m.sortClasses.get(field)
    if (classes) return classes
    const table = quoteIdent(m.table)
    if (field === '_id') {
      const odd = this.db
        .prepare(`SELECT 1 FROM ${table} WHERE substr(id, 1, 1) = char(1) LIMIT 1`)
        .get()
      classes = new Set<SortClass>(odd ? ['text', 'other'] : ['text'])
    } else {
      const rows = this.db
        .prepare(`SELECT DISTINCT ${sortClassSql(field)} AS c FROM ${table}`)
        .all() as Array<{ c: SortClass }>
      classes = new Set(rows.map((r) => r.c))
    }
    m.sortClasses.set(field, classes)
    return classes
  }

  private meta(collection: string): CollectionMeta {
    const m = this.collections.get(collection)
    if (!m) throw collectionNotExist(collection)
    return m
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  getRow(collection: string, id: string): Row | undefined {
    const m = this.meta(collection)
    return this.stmt(`SELECT id, doc, ver FROM ${quoteIdent(m.table)} WHERE id = ?`).get(id) as
      Row | undefined
  }

  /** SQL pre-filter for a query: conditions on `_id` and on declared index fields only. */
  pushdown(collection: string, query: Doc | undefined): Condition[] {
    const m = this.meta(collection)
    const out: Condition[] = []
    const visit = (q: Doc): void => {
      for (const [k, v] of Object.entries(q)) {
        if (k === '$and' && Array.isArray(v)) {
          for (const sub of v) if (isPlainObject(sub)) visit(sub)
        } else if (k === '_id') {
          out.push(...idConditions(v))
        } else if (!k.startsWith('$') && m.indexedFields.has(k) && !m.arrayFields.has(k)) {
          out.push(...fieldConditions(k, v))
        }
      }
    }
    if (query) visit(query)
    return out
  }

  /**
   * Rows that may match `query`, in natural (insertion) order, or sorted by `keys` (ties in
   * natural order) when `sortsInSql` said SQL orders them exactly as MongoDB does.
   */
  scan(
    collection: string,
    query: Doc | undefined,
    keys?: readonly SortKey[],
  ): IterableIterator<Row> {
    const { sql, params } = this.select(collection, query, keys)
    return this.stmt(sql).iterate(...params) as IterableIterator<Row>
  }

  /**
   * Whether SQL orders the stored values of these keys exactly as MongoDB does: each an indexed
   * field (or `_id`) holding no array and one sort kind (besides missing and null).
   */
  sortsInSql(collection: string, keys: readonly SortKey[]): boolean {
    const m = this.meta(collection)
    return (
      keys.length > 0 &&
      keys.every(({ field }) => {
        if (field !== '_id' && (!m.indexedFields.has(field) || m.arrayFields.has(field))) {
          return false
        }
        const kinds = [...this.sortClasses(m, field)].filter((c) => c !== 'null')
        return kinds.length <= 1 && kinds[0] !== 'other'
      })
    )
  }

  /** The SQL query plan for a query (used by tests to prove an index is used). */
  explain(collection: string, query: Doc | undefined, keys?: readonly SortKey[]): string {
    const sorted = keys && this.sortsInSql(collection, keys) ? keys : undefined
    const { sql, params } = this.select(collection, query, sorted)
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{
      detail: string
    }>
    return rows.map((r) => r.detail).join('\n')
  }

  private select(
    collection: string,
    query: Doc | undefined,
    keys: readonly SortKey[] | undefined,
  ): { sql: string; params: SqlValue[] } {
    const m = this.meta(collection)
    const conds = this.pushdown(collection, query)
    const where = conds.length ? ` WHERE ${conds.map((c) => c.sql).join(' AND ')}` : ''
    const order = [
      ...(keys ?? []).map((k) => `${fieldExpr(k.field)}${k.dir === -1 ? ' DESC' : ''}`),
      'rowid',
    ].join(', ')
    return {
      sql: `SELECT id, doc, ver FROM ${quoteIdent(m.table)}${where} ORDER BY ${order}`,
      params: conds.flatMap((c) => c.params),
    }
  }

  insertRow(collection: string, id: string, text: string): void {
    const m = this.meta(collection)
    const doc = fixedWidthDates(text)
    this.remember(collection, id)
    this.noteShapes(m, id, doc)
    try {
      this.stmt(`INSERT INTO ${quoteIdent(m.table)} (id, doc, ver) VALUES (?, ?, ?)`).run(
        id,
        doc,
        this.nextVer(),
      )
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateKey(collection, uniqueDetail(e, id))
      throw e
    }
  }

  updateRow(collection: string, id: string, text: string): void {
    const m = this.meta(collection)
    const doc = fixedWidthDates(text)
    this.remember(collection, id)
    this.noteShapes(m, id, doc)
    try {
      this.stmt(`UPDATE ${quoteIdent(m.table)} SET doc = ?, ver = ? WHERE id = ?`).run(
        doc,
        this.nextVer(),
        id,
      )
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateKey(collection, uniqueDetail(e, id))
      throw e
    }
  }

  deleteRow(collection: string, id: string): boolean {
    const m = this.meta(collection)
    if (!this.getRow(collection, id)) return false
    this.remember(collection, id)
    const deleted = this.stmt(`DELETE FROM ${quoteIdent(m.table)} WHERE id = ?`).run(id).changes > 0
    // A delete takes a write sequence number too, so a snapshot sees it happen after itself.
    if (deleted) this.nextVer()
    return deleted
  }

  /** Delete every document of a collection (keeps the collection and its indexes). */
  clear(collection: string): number {
    const m = this.meta(collection)
    if (this.retainAfter !== undefined) {
      const ids = this.db.prepare(`SELECT id FROM ${quoteIdent(m.table)}`).all() as Array<{
        id: string
      }>
      let n = 0
      for (const { id } of ids) if (this.deleteRow(collection, id)) n += 1
      return n
    }
    return this.db.prepare(`DELETE FROM ${quoteIdent(m.table)}`).run().changes
  }

  /** Run `fn` atomically: all its writes or none. Nested calls join the outer transaction. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }
}

const fieldsOf = (specs: readonly IndexSpec[]): Set<string> =>
  new Set(specs.flatMap((ix) => ix.keys.map((k) => k.field)))

const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' &&
  e !== null &&
  'code' in e &&
  typeof (e as { code: unknown }).code === 'string' &&
  ((e as { code: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (e as { code: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')

const uniqueDetail = (e: unknown, id: string): string => {
  const message = e instanceof Error ? e.message : ''
  return message.includes('.id')
    ? `index: _id_ dup key: { _id: ${JSON.stringify(id)} }`
    : `dup key on a unique index (${message})`
}

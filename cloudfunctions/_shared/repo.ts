/** Document-level reads and writes every function's repository builds on. */
import type { Position } from '../../domain/shared/cursor'
import type { Database, Transaction } from './cloud'
import { fail } from './handler'

/** Where a read can happen: the database, or inside a transaction. */
export type Reader = Database | Transaction

/** One document by id, or undefined when there is none. */
export async function byId<T>(r: Reader, collection: string, id: string): Promise<T | undefined> {
  try {
    const { data } = await r.collection(collection).doc(id).get()
    return (Array.isArray(data) ? data[0] : data) as T | undefined
  } catch (error) {
    // A transaction's get of a missing document fails instead of answering nothing.
    if ((error as { code?: string }).code === 'DATABASE_DOCUMENT_NOT_EXIST') return undefined
    throw error
  }
}

/** Adds a document and answers its generated id. */
export async function addDoc(w: Reader, collection: string, doc: object): Promise<string> {
  const res = (await w.collection(collection).add(doc)) as { id?: string; _id?: string }
  return res.id ?? res._id ?? fail('INTERNAL', '服务出了点问题，请稍后再试。')
}

/**
 * Writes a document inside a transaction without changing what it says, so that another
 * transaction writing it meanwhile conflicts with this one and a rule read from it holds (our
 * transactions conflict on writes only). A counter moves (`writeSeq`): MongoDB skips an update
 * that leaves a document as it was, which would write nothing and conflict with nothing.
 */
export async function touch(
  t: Transaction,
  db: Database,
  collection: string,
  id: string,
): Promise<void> {
  await t
    .collection(collection)
    .doc(id)
    .update({ writeSeq: db.command.inc(1) })
}

/**
 * The condition for the documents past `position` in a list ordered on (`field`, `_id`): after it
 * when the list is ascending, before it when descending. With `orderBy(field)` and `orderBy('_id')`
 * it is the one way every list pages (the cursor: domain/shared/cursor).
 */
export function pastPosition(
  db: Database,
  field: string,
  position: Position,
  order: 'asc' | 'desc',
): object {
  const _ = db.command
  const past = (v: unknown) => (order === 'asc' ? _.gt(v) : _.lt(v))
  return _.or([
    { [field]: past(position.at) },
    { [field]: _.eq(position.at), _id: past(position.id) },
  ])
}

/** `text` as a regular expression that matches exactly it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The most documents one query returns from a function. */
const PAGE = 1000

/**
 * Every document matching `where` (only `field`s when given), paged on the unique `_id` (a stable
 * order, no skip()). Past `maxPages` pages it refuses rather than stop silently.
 */
export async function allWhere<T extends { _id: string }>(
  db: Database,
  collection: string,
  where: object,
  options: { maxPages?: number; field?: Record<string, true> } = {},
): Promise<T[]> {
  const _ = db.command
  const maxPages = options.maxPages ?? 100
  const out: T[] = []
  for (let page = 0; page < maxPages; page += 1) {
    const last = out[out.length - 1]
    let query = db
      .collection(collection)
      .where(last ? _.and([where, { _id: _.gt(last._id) }]) : where)
    if (options.field) query = query.field(options.field)
    const { data } = await query.orderBy('_id', 'asc').limit(PAGE).get()
    out.push(...(data as T[]))
    if (data.length < PAGE) return out
  }
  return fail('CONFLICT', `数据太多（超过 ${PAGE * maxPages} 条），请联系管理员分批处理。`)
}

/** Writes documents whole by their ids (upserts) inside a transaction, 100 requests at a time. */
export async function setAll(
  t: Transaction,
  collection: string,
  docs: ReadonlyArray<{ _id: string }>,
): Promise<void> {
  const BATCH = 100
  for (let i = 0; i < docs.length; i += BATCH) {
    await Promise.all(
      docs
        .slice(i, i + BATCH)
        .map(({ _id, ...rest }) => t.collection(collection).doc(_id).set(rest)),
    )
  }
}

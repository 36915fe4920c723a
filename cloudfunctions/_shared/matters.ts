/**
 * The `matters` collection, for every function: the matters function acts on matters, the
 * discussion function reads the matter a statement belongs to.
 */
import type { Matter } from '../../types/model/matter'
import type { Position } from '../../domain/shared/cursor'
import { COLLECTION } from './collections'
import type { Database, Transaction } from './cloud'
import { NOT_FOUND, refuse } from './authorize'
import { addDoc, byId, escapeRegExp, pastPosition, type Reader } from './repo'

/** The matter, when it exists. */
export function findMatter(r: Reader, id: string): Promise<Matter | undefined> {
  return byId<Matter>(r, COLLECTION.matters, id)
}

export async function loadMatter(r: Reader, id: string): Promise<Matter> {
  return (await byId<Matter>(r, COLLECTION.matters, id)) ?? refuse(NOT_FOUND.matter)
}

export async function addMatter(t: Transaction, matter: Omit<Matter, '_id'>): Promise<string> {
  return addDoc(t, COLLECTION.matters, matter)
}

/**
 * Raised matters of every village whose response deadline lies within `windowMs` of `now`, either
 * side, soonest first (the scheduler's 接诉即办 reminders; the status+respondBy index).
 */
export async function raisedAround(
  db: Database,
  now: Date,
  windowMs: number,
  limit: number,
): Promise<Matter[]> {
  const _ = db.command
  const { data } = await db
    .collection(COLLECTION.matters)
    .where({
      status: 'raised',
      respondBy: _.and([
        _.gt(new Date(now.getTime() - windowMs)),
        _.lt(new Date(now.getTime() + windowMs)),
      ]),
    })
    .orderBy('respondBy', 'asc')
    .limit(limit)
    .get()
  return data as Matter[]
}

export async function updateMatter(
  t: Transaction,
  id: string,
  patch: Partial<Matter>,
): Promise<void> {
  await t.collection(COLLECTION.matters).doc(id).update(patch)
}

export interface MatterQuery {
  villageId: string
  status?: string
  /** Any of these statuses. */
  statuses?: readonly string[]
  urgent?: boolean
  /** A word of the title or the body (already normalised; matched case-insensitively). */
  q?: string
  raisedBy?: string
  /** Only these matters (a talk day's agenda). */
  ids?: readonly string[]
  overdueAt?: Date
  before?: Position
  limit: number
}

/** One page of a village's matters, newest first, paged on (raisedAt, _id). */
export async function queryMatters(db: Database, q: MatterQuery): Promise<Matter[]> {
  const _ = db.command
  const filters: object[] = [{ villageId: q.villageId }]
  if (q.status) filters.push({ status: q.status })
  if (q.statuses) filters.push({ status: _.in([...q.statuses]) })
  if (q.urgent !== undefined) filters.push({ urgent: q.urgent })
  if (q.q) {
    const word = db.RegExp({ regexp: escapeRegExp(q.q), options: 'i' })
    filters.push(_.or([{ title: word }, { body: word }]))
  }
  if (q.raisedBy) filters.push({ raisedBy: q.raisedBy })
  if (q.ids) filters.push({ _id: _.in([...q.ids]) })
  if (q.overdueAt) filters.push({ status: 'raised', respondBy: _.lt(q.overdueAt) })
  if (q.before) {
    filters.push(pastPosition(db, 'raisedAt', q.before, 'desc'))
  }
  const { data } = await db
    .collection(COLLECTION.matters)
    .where(_.and(filters))
    .orderBy('raisedAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(q.limit)
    .get()
  return data as Matter[]
}

export async function mattersByIds(
  db: Database,
  villageId: string,
  ids: string[],
): Promise<Matter[]> {
  if (ids.length === 0) return []
  const _ = db.command
  const { data } = await db
    .collection(COLLECTION.matters)
    .where({ villageId, _id: _.in(ids) })
    .limit(ids.length)
    .get()
  return data as Matter[]
}

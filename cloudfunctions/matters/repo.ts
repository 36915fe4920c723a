/** Every database access of the `matters` function. */
import type { AuditRecord } from '../../types/model/audit'
import type { Matter, Rating } from '../../types/model/matter'
import type { Member } from '../../types/model/member'
import { COLLECTION } from '../_shared/collections'
import type { Database, Transaction } from '../_shared/cloud'
import type { Position } from '../../domain/shared/cursor'
import { fail } from '../_shared/handler'
import { addDoc, byId, type Reader } from '../_shared/repo'

export async function getMatter(r: Reader, id: string): Promise<Matter> {
  return (
    (await byId<Matter>(r, COLLECTION.matters, id)) ??
    fail('NOT_FOUND', '找不到这件事，可能已被删除。')
  )
}

export async function addMatter(t: Transaction, matter: Omit<Matter, '_id'>): Promise<string> {
  return addDoc(t, COLLECTION.matters, matter)
}

export async function updateMatter(
  t: Transaction,
  id: string,
  patch: Partial<Matter>,
): Promise<void> {
  await t.collection(COLLECTION.matters).doc(id).update(patch)
}

export async function getMember(r: Reader, id: string): Promise<Member> {
  return (await byId<Member>(r, COLLECTION.members, id)) ?? fail('NOT_FOUND', '找不到这位村民。')
}

export function ratingId(matterId: string, memberId: string): string {
  return `${matterId}_${memberId}`
}

export async function findRating(t: Transaction, matterId: string, memberId: string) {
  return byId<Rating>(t, COLLECTION.ratings, ratingId(matterId, memberId))
}

export async function saveRating(t: Transaction, rating: Rating): Promise<void> {
  const { _id, ...rest } = rating
  await t.collection(COLLECTION.ratings).doc(_id).set(rest)
}

/**
 * One page of a matter's timeline (its audit records), newest first, before the position
 * `before` (exclusive), paged on (at, _id). Answers at most `limit` + 1 so the caller knows if more
 * follow: the latest entries are always on the first page, however long the timeline.
 */
export async function timelineOf(
  db: Database,
  matterId: string,
  before: Position | undefined,
  limit: number,
): Promise<AuditRecord[]> {
  const _ = db.command
  const where = { subjectId: matterId, subjectType: 'matter' }
  const { data } = await db
    .collection(COLLECTION.auditLogs)
    .where(
      before
        ? _.and([
            where,
            _.or([{ at: _.lt(before.at) }, { at: _.eq(before.at), _id: _.lt(before.id) }]),
          ])
        : where,
    )
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get()
  return data as AuditRecord[]
}

/** The latest visible statements on a matter, newest first. */
export async function latestStatements(db: Database, matterId: string, limit: number) {
  const { data } = await db
    .collection(COLLECTION.statements)
    .where({ matterId, hidden: false, deleted: false })
    .orderBy('at', 'desc')
    .limit(limit)
    .get()
  return data as StatementRecord[]
}

/** The fields of a stored statement the matter detail shows (the discussion function owns them). */
export interface StatementRecord {
  _id: string
  authorName: string
  text: string
  at: Date
  replyTo?: string
}

export interface MatterQuery {
  villageId: string
  status?: string
  raisedBy?: string
  overdueAt?: Date
  before?: { at: Date; id: string }
  limit: number
}

/** One page of a village's matters, newest first, paged on (raisedAt, _id). */
export async function listMatters(db: Database, q: MatterQuery): Promise<Matter[]> {
  const _ = db.command
  const filters: object[] = [{ villageId: q.villageId }]
  if (q.status) filters.push({ status: q.status })
  if (q.raisedBy) filters.push({ raisedBy: q.raisedBy })
  if (q.overdueAt) filters.push({ status: 'raised', respondBy: _.lt(q.overdueAt) })
  if (q.before) {
    filters.push(
      _.or([
        { raisedAt: _.lt(q.before.at) },
        { raisedAt: _.eq(q.before.at), _id: _.lt(q.before.id) },
      ]),
    )
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

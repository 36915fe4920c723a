/**
 * The `auditLogs` collection: audit records, written inside the same transaction as the change
 * they describe; a matter's records are its timeline.
 */
import type { AuditRecord } from '../../types/model/audit'
import { COLLECTION } from './collections'
import type { Position } from '../../domain/shared/cursor'
import type { Database, Transaction } from './cloud'
import { pastPosition } from './repo'

export type AuditInput = Omit<AuditRecord, '_id'>

export async function audit(t: Transaction, record: AuditInput): Promise<void> {
  await t.collection(COLLECTION.auditLogs).add(record)
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
    .where(before ? _.and([where, pastPosition(db, 'at', before, 'desc')]) : where)
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get()
  return data as AuditRecord[]
}

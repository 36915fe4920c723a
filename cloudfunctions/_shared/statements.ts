/**
 * The `statements` collection (and the posting windows of its rate limit), for every function:
 * the discussion function owns statements, the matter detail shows the latest ones.
 */
import type { PostingWindow, Statement } from '../../types/model/statement'
import type { Position } from '../../domain/shared/cursor'
import { COLLECTION } from './collections'
import type { Database, Transaction } from './cloud'
import { fail } from './handler'
import { addDoc, byId, pastPosition, type Reader } from './repo'

export async function getStatement(r: Reader, id: string): Promise<Statement> {
  return (
    (await byId<Statement>(r, COLLECTION.statements, id)) ?? fail('NOT_FOUND', '找不到这条发言。')
  )
}

/** The member's recent posting times, read inside the posting transaction. */
export async function postingWindow(t: Transaction, memberId: string): Promise<Date[]> {
  const found = await byId<PostingWindow>(t, COLLECTION.postingWindows, memberId)
  return (found?.recent ?? []).map((at) => new Date(at))
}

export async function savePostingWindow(
  t: Transaction,
  memberId: string,
  window: Omit<PostingWindow, '_id'>,
): Promise<void> {
  await t.collection(COLLECTION.postingWindows).doc(memberId).set(window)
}

export async function addStatement(
  t: Transaction,
  statement: Omit<Statement, '_id'>,
): Promise<string> {
  return addDoc(t, COLLECTION.statements, statement)
}

export async function updateStatement(
  t: Transaction,
  id: string,
  patch: Partial<Omit<Statement, '_id'>>,
): Promise<void> {
  await t.collection(COLLECTION.statements).doc(id).update(patch)
}

/**
 * One page of a matter's statements, oldest first, after the position `after` (exclusive);
 * one query on the matterId+at index. Answers at most `limit` + 1 so the caller knows if more follow.
 */
export async function pageOfStatements(
  db: Database,
  matterId: string,
  after: Position | undefined,
  limit: number,
): Promise<Statement[]> {
  const _ = db.command
  const where = after ? _.and([{ matterId }, pastPosition(db, 'at', after, 'asc')]) : { matterId }
  const { data } = await db
    .collection(COLLECTION.statements)
    .where(where)
    .orderBy('at', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit + 1)
    .get()
  return data as Statement[]
}

/** The latest visible statements on a matter, newest first (for the matter detail). */
export async function latestStatements(
  db: Database,
  matterId: string,
  limit: number,
): Promise<Statement[]> {
  const { data } = await db
    .collection(COLLECTION.statements)
    .where({ matterId, hidden: false, deleted: false })
    .orderBy('at', 'desc')
    .limit(limit)
    .get()
  return data as Statement[]
}

/** Every database access of the `discussion` function. */
import type { Matter } from '../../types/model/matter'
import type { Village } from '../../types/model/member'
import type { Statement, StatementHiding } from '../../types/model/statement'
import { NOT_FOUND, refuse } from '../_shared/authorize'
import { COLLECTION } from '../_shared/collections'
import { database, type Database, type Transaction } from '../_shared/cloud'
import { addDoc, byId, type Reader } from '../_shared/repo'

export async function getMatter(r: Reader, id: string): Promise<Matter> {
  return (await byId<Matter>(r, COLLECTION.matters, id)) ?? refuse(NOT_FOUND.matter)
}

/** The village, when it exists (its settings hold the report threshold). */
export function findVillage(r: Reader, id: string): Promise<Village | undefined> {
  return byId<Village>(r, COLLECTION.villages, id)
}

export async function getStatement(r: Reader, id: string): Promise<Statement> {
  return (await byId<Statement>(r, COLLECTION.statements, id)) ?? refuse(NOT_FOUND.statement)
}

/** How many statements `authorId` posted after `since`: one count on the authorId+at index. */
export async function countStatementsSince(
  db: Database,
  authorId: string,
  since: Date,
): Promise<number> {
  const _ = db.command
  const { total } = await db
    .collection(COLLECTION.statements)
    .where({ authorId, at: _.gt(since) })
    .count()
  return total ?? 0
}

export async function addStatement(
  db: Database,
  statement: Omit<Statement, '_id'>,
): Promise<string> {
  return addDoc(db, COLLECTION.statements, statement)
}

/** A change to a statement; `hiding: null` removes the field (a statement in sight has none). */
export type StatementPatch = Partial<Omit<Statement, '_id' | 'hiding'>> & {
  hiding?: StatementHiding | null
}

export async function updateStatement(
  t: Transaction,
  id: string,
  patch: StatementPatch,
): Promise<void> {
  const _ = database().command
  const { hiding, ...rest } = patch
  await t
    .collection(COLLECTION.statements)
    .doc(id)
    .update({
      ...rest,
      // The whole object, never dotted paths into it: the SDK turns a nested object into
      // `hiding.by`, `hiding.at`…, which would keep fields of an earlier hiding.
      ...(hiding === undefined ? {} : { hiding: hiding === null ? _.remove() : _.set(hiding) }),
    })
}

/**
 * One page of a matter's statements, oldest first, after the position `after` (exclusive);
 * one query on the matterId+at index. Answers at most `limit` + 1 so the caller knows if more follow.
 */
export async function pageOfStatements(
  db: Database,
  matterId: string,
  after: { at: Date; id: string } | undefined,
  limit: number,
): Promise<Statement[]> {
  const _ = db.command
  const where = after
    ? _.and([
        { matterId },
        _.or([{ at: _.gt(after.at) }, { at: _.eq(after.at), _id: _.gt(after.id) }]),
      ])
    : { matterId }
  const { data } = await db
    .collection(COLLECTION.statements)
    .where(where)
    .orderBy('at', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit + 1)
    .get()
  return data as Statement[]
}

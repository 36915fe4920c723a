/**
 * The `statements` collection (and the posting windows of its rate limit), for every function:
 * the discussion function owns statements, the matter detail shows the latest ones.
 */
import type {
  PostingWindow,
  Statement,
  StatementHiding,
  StatementReport,
} from '../../types/model/statement'
import type { Position } from '../../domain/shared/cursor'
import { NOT_FOUND, refuse } from './authorize'
import { COLLECTION } from './collections'
import { database, type Database, type Transaction } from './cloud'
import { addDoc, byId, pastPosition, type Reader } from './repo'

/** The statement, when it exists. */
export function findStatement(r: Reader, id: string): Promise<Statement | undefined> {
  return byId<Statement>(r, COLLECTION.statements, id)
}

export async function getStatement(r: Reader, id: string): Promise<Statement> {
  return (await byId<Statement>(r, COLLECTION.statements, id)) ?? refuse(NOT_FOUND.statement)
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

/** A member's report of a statement has this id: one per member and statement. */
export function reportId(statementId: string, memberId: string): string {
  return `${statementId}_${memberId}`
}

export function findReport(
  r: Reader,
  statementId: string,
  memberId: string,
): Promise<StatementReport | undefined> {
  return byId<StatementReport>(r, COLLECTION.statementReports, reportId(statementId, memberId))
}

export async function addReport(t: Transaction, report: StatementReport): Promise<void> {
  const { _id, ...rest } = report
  await t.collection(COLLECTION.statementReports).doc(_id).set(rest)
}

/** The reports of `statement` that still count (made after its last restore): one count query. */
export async function countActiveReports(
  r: Reader,
  statement: Pick<Statement, '_id' | 'restoredAt'>,
): Promise<number> {
  const _ = database().command
  const since = statement.restoredAt ? new Date(statement.restoredAt) : undefined
  const { total } = await r
    .collection(COLLECTION.statementReports)
    .where(since ? { statementId: statement._id, at: _.gt(since) } : { statementId: statement._id })
    .count()
  return total
}

/**
 * The report times of each of `statements` (one aggregation for a page of them), for
 * activeReports. Statements without reports are absent from the map.
 */
export async function reportTimes(
  db: Database,
  statements: ReadonlyArray<Pick<Statement, '_id'>>,
): Promise<Map<string, Array<Pick<StatementReport, 'at'>>>> {
  if (statements.length === 0) return new Map()
  const _ = db.command
  const $ = db.command.aggregate
  const { data } = await db
    .collection(COLLECTION.statementReports)
    .aggregate()
    .match({ statementId: _.in(statements.map((s) => s._id)) })
    .group({ _id: '$statementId', at: $.push('$at') })
    .end()
  const rows = data as Array<{ _id: string; at: Date[] }>
  return new Map(rows.map((row) => [row._id, row.at.map((at) => ({ at: new Date(at) }))]))
}

/**
 * The `statements` collection (and the posting windows of its rate limit), for every function:
 * the discussion function owns statements, the matter detail shows the first page of them.
 */
import type {
  PostingWindow,
  Statement,
  StatementHiding,
  StatementReport,
} from '../../types/model/statement'
import type { StatementItem } from '../../types/api/discussion'
import type { Matter } from '../../types/model/matter'
import { encodeCursor, type Position } from '../../domain/shared/cursor'
import { activeReports, toStatementItem } from '../../domain/discussion/rules'
import { can, type Actor } from '../../domain/permissions'
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

/**
 * One page of a matter's discussion as `viewer` may see it (oldest first, a cursor when more
 * follow): what `discussion.listStatements` answers and the matter page's first page, built here
 * only. One query on the matterId+at index, and for moderators one aggregation of the reports.
 */
export async function discussionPage(
  db: Database,
  viewer: Actor,
  matter: Pick<Matter, '_id' | 'villageId'>,
  after: Position | undefined,
  limit: number,
  now: Date,
): Promise<{ items: StatementItem[]; nextCursor?: string }> {
  const page = await pageOfStatements(db, matter._id, after, limit)
  const shown = page.slice(0, limit)
  // Moderators see how many reports still count on each statement.
  const moderator = can(viewer, 'hideStatement', { villageId: matter.villageId }).allowed
  const reports = moderator ? await reportTimes(db, shown) : new Map()
  const items = shown.map((s) =>
    toStatementItem(s, viewer, now, activeReports(reports.get(s._id) ?? [], s)),
  )
  const last = shown[shown.length - 1]
  return page.length > limit && last
    ? { items, nextCursor: encodeCursor(new Date(last.at), last._id) }
    : { items }
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

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
import {
  awaitsModerator,
  compareQueue,
  queueGroup,
  type QueueGroup,
  type QueuePosition,
} from '../../domain/discussion/queue'
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

/** The most statements the moderators' queue reads at once (each of its sources: one query). */
const QUEUE_READ = 1000

export interface QueueEntry {
  statement: Statement
  /** Its reports that still count (made after its last restore). */
  reports: number
  group: QueueGroup
  position: QueuePosition
}

/**
 * The moderators' queue of a village, in order (domain/discussion/queue): three requests at most —
 * the hidden statements (villageId+hidden index), the village's reports grouped by statement (one
 * aggregation on the villageId index), and the reported statements still in sight by id.
 */
export async function moderationQueue(db: Database, villageId: string): Promise<QueueEntry[]> {
  const _ = db.command
  const $ = db.command.aggregate
  const [hiddenRes, reportRes] = await Promise.all([
    db
      .collection(COLLECTION.statements)
      .where({ villageId, hidden: true, deleted: false })
      .limit(QUEUE_READ)
      .get(),
    db
      .collection(COLLECTION.statementReports)
      .aggregate()
      .match({ villageId })
      .group({ _id: '$statementId', at: $.push('$at') })
      .limit(QUEUE_READ)
      .end(),
  ])
  const hidden = hiddenRes.data as Statement[]
  const reports = new Map(
    (reportRes.data as Array<{ _id: string; at: Date[] }>).map((r) => [
      r._id,
      r.at.map((at) => ({ at: new Date(at) })),
    ]),
  )
  const known = new Set(hidden.map((s) => s._id))
  const others = [...reports.keys()].filter((id) => !known.has(id))
  const visible =
    others.length === 0
      ? []
      : ((
          await db
            .collection(COLLECTION.statements)
            .where({ villageId, _id: _.in(others), hidden: false, deleted: false })
            .limit(QUEUE_READ)
            .get()
        ).data as Statement[])
  const out: QueueEntry[] = []
  for (const statement of [...hidden, ...visible]) {
    const active = activeReports(reports.get(statement._id) ?? [], statement)
    const group = queueGroup(statement, active)
    if (group === undefined) continue
    out.push({
      statement,
      reports: active,
      group,
      position: { group, at: new Date(statement.at).getTime(), id: statement._id },
    })
  }
  return out.sort((a, b) => compareQueue(a.position, b.position))
}

/** How many statements of the village a moderator still has to look at. */
export async function moderationPending(db: Database, villageId: string): Promise<number> {
  return (await moderationQueue(db, villageId)).filter((e) => awaitsModerator(e.group)).length
}

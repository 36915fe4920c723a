/**
 * The rules of 民事民议 as pure functions: where one may speak, how long a statement stays
 * editable, how fast a member may post, when reports hide a statement, and what each caller sees.
 */
import type { StatementItem, StatementState } from '../../types/api/discussion'
import type { MatterStatus } from '../../types/model/matter'
import type { VillageSettings } from '../../types/model/member'
import type { Statement, StatementHiding, StatementReport } from '../../types/model/statement'
import { can, type Actor } from '../permissions'
import { STATUS_LABELS } from '../matters/lifecycle'
import { DomainError } from '../shared/errors'

/** Statements on the matter's page (the discussion's first page, as listStatements pages it). */
export const DISCUSSION_PAGE = 20

export const DISCUSSION_LIMITS = { text: 500, reason: 200 } as const

/** A statement may be edited by its author for this long after it was posted. */
export const EDIT_WINDOW_MS = 10 * 60 * 1000

/** At most `statements` statements per member within any `windowMs`. */
export const RATE_LIMIT = { statements: 10, windowMs: 60 * 1000 } as const

/** Reports that hide a statement pending review, unless the village sets its own number. */
export const DEFAULT_REPORT_THRESHOLD = 3

/**
 * Matter statuses whose discussion is open: from acceptance (on an agenda, or urgent) until the
 * outcome is published and rated. Not before acceptance (the committee has not taken it up), and
 * not once it is declined, merged, withdrawn or closed.
 */
export const DISCUSSION_OPEN: readonly MatterStatus[] = [
  'accepted',
  'discussing',
  'deciding',
  'decided',
  'handling',
  'resolved',
]

export function acceptsStatements(status: MatterStatus): boolean {
  return DISCUSSION_OPEN.includes(status)
}

/** Throws CONFLICT, in plain words, when a matter in `status` takes no statements. */
export function assertAcceptsStatements(status: MatterStatus): void {
  if (acceptsStatements(status)) return
  const message =
    status === 'raised'
      ? '这件事还在等村委会受理，受理以后才能发言。'
      : `这件事已经“${STATUS_LABELS[status]}”，不能再发言了。`
  throw new DomainError('CONFLICT', message)
}

/** The last moment the author may edit a statement posted at `at`. */
export function editableUntil(at: Date): Date {
  return new Date(at.getTime() + EDIT_WINDOW_MS)
}

/** Whether a statement posted at `at` may still be edited at `now` (10 minutes, inclusive). */
export function withinEditWindow(at: Date, now: Date): boolean {
  return now.getTime() <= editableUntil(at).getTime()
}

/** Statements posted after this instant count towards the rate limit at `now`. */
export function rateWindowStart(now: Date): Date {
  return new Date(now.getTime() - RATE_LIMIT.windowMs)
}

/** Whether a member who posted `recent` statements within the window may post one more. */
export function mayPostAnother(recent: number): boolean {
  return recent < RATE_LIMIT.statements
}

/** The village's report threshold, or the default when it has none (or a nonsensical one). */
export function reportThreshold(settings: Partial<VillageSettings> | undefined): number {
  const n = settings?.reportThreshold
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : DEFAULT_REPORT_THRESHOLD
}

/**
 * Reports that still count: those made after the statement's last restore (a moderator has seen
 * the rest).
 */
export function activeReports(
  reports: ReadonlyArray<Pick<StatementReport, 'at'>>,
  statement: Pick<Statement, 'restoredAt'>,
): number {
  const since = statement.restoredAt ? new Date(statement.restoredAt).getTime() : -Infinity
  return reports.filter((r) => new Date(r.at).getTime() > since).length
}

/** Whether `active` reports (activeReports) reach `threshold` and the statement is still in sight. */
export function shouldAutoHide(
  statement: Pick<Statement, 'hidden' | 'deleted'>,
  active: number,
  threshold: number,
): boolean {
  return !statement.deleted && !statement.hidden && active >= threshold
}

export function stateOf(statement: Pick<Statement, 'hidden' | 'deleted'>): StatementState {
  if (statement.deleted) return 'deleted'
  return statement.hidden ? 'hidden' : 'visible'
}

/** The fields that put a statement out of sight, pending a moderator's review or not. */
export function hiddenFields(
  by: StatementHiding['by'],
  at: Date,
  moderation?: { moderatorId: string; reason: string },
): Pick<Statement, 'hidden' | 'hiding'> {
  return {
    hidden: true,
    hiding: moderation
      ? {
          by,
          at,
          moderatorId: moderation.moderatorId,
          reason: moderation.reason,
          pendingReview: false,
        }
      : { by, at, pendingReview: true },
  }
}

export const HIDDEN_TEXT = '该发言已被隐藏'
export const DELETED_TEXT = '该发言已被删除'

/**
 * A statement as `viewer` may see it. Hidden text stays readable to its author (so they know what
 * was hidden) and to the village's moderators (who review it); everyone else reads HIDDEN_TEXT.
 */
export function toStatementItem(
  statement: Statement,
  viewer: Actor,
  now: Date,
  /** Its reports that still count (activeReports); only moderators see the figure. */
  reports = 0,
): StatementItem {
  const state = stateOf(statement)
  const subject = { villageId: statement.villageId, ownerId: statement.authorId }
  const mine = statement.authorId === viewer.memberId
  const at = new Date(statement.at)
  const moderator = can(viewer, 'hideStatement', subject).allowed
  let text = statement.text
  if (state === 'deleted') text = DELETED_TEXT
  else if (state === 'hidden' && !can(viewer, 'viewHiddenStatement', subject).allowed) {
    text = HIDDEN_TEXT
  }
  const item: StatementItem = {
    id: statement._id,
    authorName: statement.authorName,
    text,
    at: at.toISOString(),
    state,
    mine,
    edited: statement.editedAt !== undefined,
  }
  if (statement.replyTo) item.replyTo = statement.replyTo
  if (mine && state === 'visible' && withinEditWindow(at, now)) {
    item.editableUntil = editableUntil(at).toISOString()
  }
  if (moderator && state !== 'deleted') {
    item.moderation = {
      pendingReview: statement.hiding?.pendingReview ?? false,
      reports,
    }
    if (statement.hidden && statement.hiding) {
      item.moderation.hiddenBy = statement.hiding.by
      if (statement.hiding.reason) item.moderation.reason = statement.hiding.reason
    }
  }
  return item
}

/** A page position after the statement posted at `at` with id `id`: the one cursor format. */
export { CURSOR_PATTERN, decodeCursor, encodeCursor } from '../shared/cursor'

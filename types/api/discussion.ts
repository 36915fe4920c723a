import type { ActionSpec } from './envelope'
import type { StatementView } from './matters'
import type { StatementHiding } from '../model/statement'

type Ok = { ok: true }

/** visible: shown to everyone; hidden: out of sight pending or after review; deleted: by its author. */
export type StatementState = 'visible' | 'hidden' | 'deleted'

/**
 * A statement as the discussion list shows it to one caller. Dates travel as ISO strings.
 * `text` is what this caller may read: a hidden statement reads "该发言已被隐藏" to everyone but its
 * author and the village's moderators; a deleted one reads "该发言已被删除" to all.
 */
export interface StatementItem extends StatementView {
  state: StatementState
  /** The caller wrote it. */
  mine: boolean
  edited: boolean
  /** Until when the caller may still edit it (their own, visible statements within 10 minutes). */
  editableUntil?: string
  /** Why it is hidden and how many reported it: for moderators only. */
  moderation?: {
    hiddenBy?: StatementHiding['by']
    reason?: string
    pendingReview: boolean
    reports: number
  }
}

export interface PostStatementRequest {
  matterId: string
  text: string
  /**
   * The statement this answers. Replies are one level deep: answering a reply attaches the new
   * statement to that reply's top-level statement.
   */
  replyTo?: string
}

export interface StatementRef {
  statementId: string
}

export interface ListStatementsRequest {
  matterId: string
  /** `nextCursor` of the previous page. */
  cursor?: string
  limit: number
}

/** Actions of the `discussion` function (民事民议). */
export interface DiscussionApi {
  /** `hidden`: the content check asked for a moderator's review, so others do not see it yet. */
  postStatement: ActionSpec<
    PostStatementRequest,
    { statementId: string; replyTo?: string; hidden: boolean }
  >
  editStatement: ActionSpec<StatementRef & { text: string }, { hidden: boolean }>
  deleteStatement: ActionSpec<StatementRef, Ok>
  /** `hidden`: the statement is now out of sight pending review. */
  reportStatement: ActionSpec<StatementRef & { reason: string }, { hidden: boolean }>
  hideStatement: ActionSpec<StatementRef & { reason: string }, Ok>
  restoreStatement: ActionSpec<StatementRef & { reason: string }, Ok>
  /** Oldest first (a reply always comes after its statement), paged on (at, id). */
  listStatements: ActionSpec<ListStatementsRequest, { items: StatementItem[]; nextCursor?: string }>
}

/** A statement in the moderators' queue: reported or hidden, with the matter it belongs to. */
export interface ModerationItem extends StatementItem {
  matterId: string
  matterTitle: string
}

/** Actions the moderator's queue adds to the `discussion` function. */
export interface DiscussionModerationApi {
  /**
   * Moderators: statements hidden (pending review first) or reported and still visible, of the
   * whole village, oldest first, a page at a time.
   */
  listModerationQueue: ActionSpec<
    { cursor?: string; limit: number },
    { items: ModerationItem[]; nextCursor?: string }
  >
}

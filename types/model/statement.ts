/** Stored shape of the `discussion` aggregate (民事民议): one statement or reply on a matter. */

/** Why a statement is out of sight, and whether a moderator still has to look at it. */
export interface StatementHiding {
  /**
   * reports: hidden automatically when reports reached the village's threshold;
   * contentCheck: the content check asked for a person's review;
   * moderator: a moderator hid it (with a reason).
   */
  by: 'reports' | 'contentCheck' | 'moderator'
  at: Date
  /** The moderator who hid it (by: 'moderator'). */
  moderatorId?: string
  reason?: string
  /** True until a moderator has confirmed (hideStatement) or lifted (restoreStatement) it. */
  pendingReview: boolean
}

/**
 * One member's report of a statement, in collection `statementReports`: `_id` is
 * `<statementId>_<memberId>`, so the database keeps one per member, and reports by different
 * members never write the same document (fifty people reporting at once do not take turns).
 */
export interface StatementReport {
  _id: string
  villageId: string
  statementId: string
  memberId: string
  reason: string
  at: Date
}

/**
 * When a member last posted (the posts within the rate limit's window): `_id` is the member id.
 * Every post reads and writes it in the post's transaction, so concurrent posts by one member
 * take turns and the limit holds.
 */
export interface PostingWindow {
  _id: string
  villageId: string
  /** Posting times within the window, oldest first. */
  recent: Date[]
}

export interface Statement {
  _id: string
  villageId: string
  matterId: string
  authorId: string
  /** The author's name at the time, so a list reads without another lookup. */
  authorName: string
  /** Empty once deleted. */
  text: string
  /** When it was posted: the edit window and the rate limit count from here. */
  at: Date
  /** The top-level statement this replies to (one level of replies only). */
  replyTo?: string
  editedAt?: Date
  /** Soft delete by the author: the text is removed, the place in the thread stays. */
  deleted: boolean
  deletedAt?: Date
  /** Out of sight (a plain flag, so a read of visible statements is one equality query). */
  hidden: boolean
  /**
   * Why it is hidden; absent while it is in sight (never null: MongoDB refuses to set a field inside
   * null, so a null here would make the next hiding fail). Written as a whole object.
   */
  hiding?: StatementHiding
  /** When a moderator last restored it; reports before this no longer count towards hiding. */
  restoredAt?: Date
}

/**
 * The reports of a statement as they were stored before `statementReports`: a list on the
 * statement. Only the migration (cloudfunctions/discussion/migrateStatementReports.ts) reads it.
 */
export interface LegacyStatementReports {
  reports: Array<{ memberId: string; reason: string; at: Date }>
}

/**
 * Stable machine codes of every error a user can meet. The message that goes with a code is plain
 * Chinese for the person on the screen; the code is for programs and tests.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_TALK_DAYS'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  /** Too many people acted on the same thing at once and the retries ran out: try again. */
  | 'BUSY'
  /** Polls (民事民决): the caller's person is not in the poll's frozen electorate, or not linked. */
  | 'NOT_ELIGIBLE'
  | 'POLL_NOT_OPEN'
  | 'POLL_CLOSED'
  | 'INVALID_CHOICE'
  /** The poll's design breaks a rule of law or of the village (the message says which). */
  | 'POLL_DESIGN'
  /** The person was ticked off as voting on paper at the meeting: no online or 代投 ballot now. */
  | 'VOTED_ON_PAPER'
  /** Paper counts that do not add up to the persons ticked off, or a confirmation that differs. */
  | 'PAPER_MISMATCH'
  /** The recorder has made the village's most 代投 (`proxyLimit`) in this poll. */
  | 'PROXY_LIMIT'
  /**
   * Something the function depends on cannot be reached or is not set up (the database, WeChat's
   * content check): nothing was done, and trying again later may work.
   */
  | 'UNAVAILABLE'
  | 'NETWORK'
  | 'FUNCTION_ERROR'
  | 'INTERNAL'

export interface AppError {
  code: ErrorCode
  message: string
}

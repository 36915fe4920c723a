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
  | 'NETWORK'
  | 'FUNCTION_ERROR'
  | 'INTERNAL'

export interface AppError {
  code: ErrorCode
  message: string
}

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
  | 'NETWORK'
  | 'FUNCTION_ERROR'
  | 'INTERNAL'

export interface AppError {
  code: ErrorCode
  message: string
}

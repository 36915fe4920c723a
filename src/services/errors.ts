/**
 * How a screen answers a failed call. The functions already answer a plain Chinese message for
 * every code; this says which failures are worth a 再试一次 button (the same request may well work
 * a moment later) and gives the message for the few codes the phone itself produces.
 */
import type { AppError, ErrorCode } from '../../types/api'

/** Failures that a retry of the same request can cure. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'NETWORK',
  'BUSY',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'FUNCTION_ERROR',
  'INTERNAL',
])

export function canRetry(error: AppError): boolean {
  return RETRYABLE.has(error.code)
}

/** The member is not (or no longer) signed in to a village: the screen offers 我的 → 加入村子. */
export function needsMembership(error: AppError): boolean {
  return error.code === 'UNAUTHENTICATED'
}

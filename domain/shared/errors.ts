import type { AppError, ErrorCode } from '../../types/api/errors'

/** A broken rule: a stable code for programs and a plain Chinese message for the person. */
export class DomainError extends Error implements AppError {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'DomainError'
    this.code = code
  }

  toJSON(): AppError {
    return { code: this.code, message: this.message }
  }
}

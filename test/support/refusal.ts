import type { ErrorCode } from '../../types/api/errors'
import { DomainError } from '../../domain/shared/errors'

/** Runs `f`, expects it to throw a DomainError with `code`, and answers its message. */
export function refusal(f: () => unknown, code: ErrorCode = 'INVALID_INPUT'): string {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError)
    expect((e as DomainError).code).toBe(code)
    return (e as DomainError).message
  }
  throw new Error(`expected a refusal with ${code}, nothing was thrown`)
}

// Errors are values with stable codes. The codes are the ones @cloudbase/node-sdk knows or that
// CloudBase answers with (see emulator/README.md for which ones were observed and which are guesses).

export type ErrorCode =
  | 'INVALID_PARAM'
  | 'INVALID_ACTION'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_REQUEST_FAILED'
  | 'FUNCTIONS_NOT_EXIST'
  | 'FUNCTIONS_EXECUTE_FAIL'
  | 'FUNCTIONS_TIME_LIMIT_EXCEEDED'
  | 'DEV_TOKEN_INVALID'
  | 'DEV_MEMBER_NOT_FOUND'
  | 'FUNCTION_EXCEED_RESOURCE_LIMIT'
  | 'SIGN_PARAM_INVALID'
  | 'PAYLOAD_TOO_LARGE'

export class EmulatorError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.code = code
    this.name = 'EmulatorError'
  }
}

export const collectionNotExist = (name: string): EmulatorError =>
  new EmulatorError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}`,
  )

export const invalidParam = (message: string): EmulatorError =>
  new EmulatorError('INVALID_PARAM', message)

export const duplicateKey = (collection: string, detail: string): EmulatorError =>
  new EmulatorError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${collection} ${detail}`,
  )

export const toEmulatorError = (e: unknown): EmulatorError => {
  if (e instanceof EmulatorError) return e
  const message = e instanceof Error ? e.message : String(e)
  return new EmulatorError('DATABASE_REQUEST_FAILED', message)
}

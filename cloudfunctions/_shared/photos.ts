/** Photos a request names must be files of the environment this function runs in. */
import { BAD_PHOTO, photoEnvironment } from '../../domain/shared/validate'
import { fail } from './handler'

/** This function's CloudBase environment id (the emulator sets the same variables). */
export function currentEnvironment(env: Record<string, string | undefined> = process.env) {
  return env.TCB_ENV || env.SCF_NAMESPACE || undefined
}

/**
 * Refuses a photo id of another environment (the schema already refused any other shape).
 * Without a known environment every photo is refused: fail closed.
 */
export function assertOwnPhotos(fileIds: readonly string[]): void {
  const here = currentEnvironment()
  for (const id of fileIds) {
    if (!here || photoEnvironment(id) !== here) fail('INVALID_INPUT', BAD_PHOTO)
  }
}

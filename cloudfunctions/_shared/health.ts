/**
 * The `health` action every function answers (types/api/envelope.ts HealthReport), the `scheduler`
 * too: `npm run smoke` calls it on each function of an environment after a deploy. It is answered
 * to anyone, signed in or not, and costs exactly one database request that reads no document and
 * writes nothing: a get, in `villages`, of an `_id` no document can have. That request proves the
 * function reaches its environment's database with its credentials and that the collections were
 * created (a missing collection is an error, as a broken connection is). Nothing about the caller
 * or any village is read, so the answer tells nobody anything but the bundle's version.
 */
import type { AppError, Envelope } from '../../types/api'
import type { HealthReport } from '../../types/api/envelope'
import { COLLECTION } from './collections'
import type { Database } from './cloud'
import { FUNCTION_VERSION } from './version'

/** The `_id` the probe asks for: ids are made by the database or by our code, never with `~`. */
export const HEALTH_PROBE_ID = '~health-probe'

export const DATABASE_UNAVAILABLE: AppError = {
  code: 'UNAVAILABLE',
  message: '数据库暂时连不上，请稍后再试。',
}

/** Answers the health of function `name`: its version once the database has answered the probe. */
export async function health(name: string, db: () => Database): Promise<Envelope<HealthReport>> {
  try {
    const res = (await db().collection(COLLECTION.villages).doc(HEALTH_PROBE_ID).get()) as {
      code?: unknown
      message?: unknown
    }
    // The SDK may answer a failure as `{ code, message }` instead of throwing it.
    if (res && typeof res === 'object' && res.code) {
      throw new Error(`${String(res.code)}: ${String(res.message ?? '')}`)
    }
  } catch (error) {
    console.error(
      `[health] ${name}: the database did not answer: ${error instanceof Error ? error.message : String(error)}`,
    )
    return { ok: false, error: DATABASE_UNAVAILABLE }
  }
  return { ok: true, data: { function: name, version: FUNCTION_VERSION, database: 'ok' } }
}

/**
 * One function per aggregate, one handler per use case. `createMain` turns a table of handlers
 * into the function's `main(event)`: it finds the action, validates the payload with the handler's
 * schema (unknown fields are dropped), runs the handler and answers with an envelope. A broken rule
 * answers its own code and message; anything unexpected answers INTERNAL and is logged. Every
 * function also answers `{ action: 'health' }` (HEALTH_ACTION, see health.ts) to anyone, before
 * any identity or membership is looked up.
 *
 * The event's optional top-level `villageId` (FunctionEvent) names which of the caller's own
 * memberships the call acts as (#14); it must be a short string when present (else
 * INVALID_INPUT), and only `actor()` and the handlers that list memberships read it.
 */
import type { GenericSchema } from 'valibot'
import type { ActionSpec, AppError, Envelope } from '../../types/api'
import { HEALTH_ACTION } from '../../types/api/envelope'
import { parseInput } from '../../domain/shared/validate'
import { DomainError } from '../../domain/shared/errors'
import { BUSY_MESSAGE, callerOpenid, database, isTransactionConflict, type Database } from './cloud'
import { loadActor, type ActorRecord } from './actor'
import { health } from './health'
import { findStaffByOpenid } from './staff'
import type { Staff } from '../../types/model/township'

export interface HandlerContext {
  /** The caller's OPENID from the platform, or undefined for an anonymous caller. */
  openid: string | undefined
  /** The village the call names as the caller's (FunctionEvent.villageId), if any. */
  villageId: string | undefined
  db: Database
  /** The time of this request (one clock for the whole request). */
  now: Date
  /** The caller's membership in `villageId` (or the default one), loaded on first use (one request). */
  actor(): Promise<ActorRecord | null>
  /** The caller's active staff records above the village (#14), loaded on first use. */
  staff(): Promise<Staff[]>
}

export interface Handler<Req, Res> {
  schema: GenericSchema<unknown, Req>
  run(input: Req, ctx: HandlerContext): Promise<Res>
}

export function handler<Req, Res>(
  schema: GenericSchema<unknown, Req>,
  run: (input: Req, ctx: HandlerContext) => Promise<Res>,
): Handler<Req, Res> {
  return { schema, run }
}

export type Handlers<Api> = {
  [A in keyof Api]: Api[A] extends ActionSpec<infer Req, infer Res> ? Handler<Req, Res> : never
}

const INTERNAL: AppError = { code: 'INTERNAL', message: '服务出了点问题，请稍后再试。' }

/** A DomainError, also when it crossed a bundle boundary or the SDK's transaction runner. */
export function asAppError(error: unknown): AppError | undefined {
  if (error instanceof DomainError) return error.toJSON()
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null
  if (
    e &&
    e.name === 'DomainError' &&
    typeof e.code === 'string' &&
    typeof e.message === 'string'
  ) {
    return { code: e.code as AppError['code'], message: e.message }
  }
  return undefined
}

const BAD_VILLAGE: AppError = {
  code: 'INVALID_INPUT',
  message: '选的村子不对，请回到“我的”重新选择村子。',
}

/** The event's village: absent, or an id of at most 64 characters. */
function namedVillage(value: unknown): string | undefined | AppError {
  if (value === undefined) return undefined
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : BAD_VILLAGE
}

function createContext(villageId: string | undefined): HandlerContext {
  const openid = callerOpenid()
  const db = database()
  let actor: Promise<ActorRecord | null> | undefined
  let staff: Promise<Staff[]> | undefined
  return {
    openid,
    villageId,
    db,
    now: new Date(),
    actor: () => (actor ??= loadActor(db, openid, villageId)),
    staff: () => (staff ??= findStaffByOpenid(db, openid)),
  }
}

/** The function `name`'s main (`name` is what its `health` answers). */
export function createMain<Api>(name: string, handlers: Handlers<Api>) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const { action, payload, villageId } = (event ?? {}) as {
      action?: unknown
      payload?: unknown
      villageId?: unknown
    }
    if (action === HEALTH_ACTION) return health(name, database)
    const h =
      typeof action === 'string' && Object.prototype.hasOwnProperty.call(handlers, action)
        ? (handlers[action as keyof Api] as Handler<unknown, unknown>)
        : undefined
    if (!h) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: '不认识这个操作。' } }
    }
    const village = namedVillage(villageId)
    if (typeof village === 'object') return { ok: false, error: village }
    try {
      const input = parseInput(h.schema, payload)
      return { ok: true, data: await h.run(input, createContext(village)) }
    } catch (error) {
      const known = asAppError(error)
      if (known) return { ok: false, error: known }
      // A conflict that escaped runTransaction's retries is still contention, not a crash.
      if (isTransactionConflict(error)) {
        return { ok: false, error: { code: 'BUSY', message: BUSY_MESSAGE } }
      }
      console.error(`[${String(action)}]`, error)
      return { ok: false, error: INTERNAL }
    }
  }
}

export function fail(code: AppError['code'], message: string): never {
  throw new DomainError(code, message)
}

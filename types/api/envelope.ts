import type { AppError } from './errors'

/** What every cloud function action answers, and what `src/services/cloud.ts` hands to pages. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppError }

/** One action of a function: what the caller sends and what it gets back on success. */
export interface ActionSpec<Req, Res> {
  request: Req
  response: Res
}

/**
 * The event a function receives. Identity is never part of it: the platform injects the caller's
 * OPENID into the function's context, and anything identity-like in `payload` is ignored.
 *
 * `villageId` is context, not identity (#14): which of the caller's OWN memberships the call acts
 * as, when they belong to several villages (the app sends the one chosen on 我的 → 切换村子). A
 * village they are not a member of gives them no membership at all: they call as a stranger.
 * Without it, the default of domain/village/memberships applies (one membership: that one).
 */
export interface FunctionEvent<A extends string = string, P = unknown> {
  action: A
  payload: P
  villageId?: string
}

/**
 * What every function (the `scheduler` too) answers to `{ action: 'health' }`, from anyone: the
 * bundle's version and whether the database answered. It reads no document and writes nothing;
 * `npm run smoke` calls it on each function of an environment after a deploy.
 */
export interface HealthReport {
  function: string
  version: string
  database: 'ok'
}

/** The action every function answers besides its own (not in any function's Api map). */
export const HEALTH_ACTION = 'health'

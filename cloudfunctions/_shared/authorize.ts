/**
 * Asking the permissions, so that a refusal never tells a caller who may not see a thing whether
 * it exists: one who is not a verified member is refused before anything is read, and a member
 * of another village gets the very answer a made-up id gets.
 */
import { can, NOT_A_MEMBER, type Action, type Subject } from '../../domain/permissions'
import { DomainError } from '../../domain/shared/errors'
import type { AppError } from '../../types/api'
import type { ActorRecord } from './actor'
import type { HandlerContext } from './handler'

/** What a lookup by id answers when there is no such thing (and, through `authorize`, when it is not the caller's to see). */
export const NOT_FOUND = {
  matter: { code: 'NOT_FOUND', message: '找不到这件事，可能已被删除。' },
  statement: { code: 'NOT_FOUND', message: '找不到这条发言。' },
  member: { code: 'NOT_FOUND', message: '找不到这位村民。' },
} as const satisfies Record<string, AppError>

export function refuse(error: AppError): never {
  throw new DomainError(error.code, error.message)
}

/** The caller, who must be a verified member: checked before any document is read. */
export async function verifiedActor(ctx: HandlerContext): Promise<ActorRecord> {
  const actor = await ctx.actor()
  if (!actor || actor.status !== 'verified') refuse(NOT_A_MEMBER)
  return actor
}

/**
 * The verified caller and a read started at the same moment (one round trip instead of two): the
 * caller is still judged first, so what the read answers (a NOT_FOUND, say) reaches only a
 * verified member, and a stranger learns nothing from it.
 */
export async function verifiedActorAnd<T>(
  ctx: HandlerContext,
  read: Promise<T>,
): Promise<[ActorRecord, T]> {
  read.catch(() => undefined) // judged below, after the caller
  const actor = await verifiedActor(ctx)
  return [actor, await read]
}

/**
 * Asks domain/permissions and throws its refusal; returns the actor, now known to be allowed.
 * `unseen`, for a subject read by an id the caller sent: the answer a member of another village
 * gets, the same as for an id that names nothing (so it does not tell them the thing exists).
 */
export function authorize(
  actor: ActorRecord | null,
  action: Action,
  subject: Subject,
  unseen?: AppError,
): ActorRecord {
  const decision = can(actor, action, subject)
  if (decision.allowed) return actor as ActorRecord
  if (unseen && actor && actor.status === 'verified' && actor.villageId !== subject.villageId) {
    refuse(unseen)
  }
  return refuse(decision.error)
}

import { can, type Action, type Subject } from '../../domain/permissions'
import { DomainError } from '../../domain/shared/errors'
import type { ActorRecord } from './actor'

/** Asks domain/permissions and throws its refusal; returns the actor, now known to be allowed. */
export function authorize(
  actor: ActorRecord | null,
  action: Action,
  subject: Subject,
): ActorRecord {
  const decision = can(actor, action, subject)
  if (!decision.allowed) throw new DomainError(decision.error.code, decision.error.message)
  return actor as ActorRecord
}

/**
 * The one way a matter's status changes: in a transaction, read the matter, ask the permissions,
 * ask the lifecycle table, write the change with its time, and leave the audit/timeline record.
 */
import type { Matter, MatterStatus } from '../../types/model/matter'
import type { Action } from '../../domain/permissions'
import { transition, type TransitionAction } from '../../domain/matters/lifecycle'
import type { ActorRecord } from '../_shared/actor'
import { audit } from '../_shared/audit'
import { authorize } from '../_shared/authorize'
import { runTransaction, type Transaction } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/handler'
import { getMatter, updateMatter } from './repo'

export function subjectOf(matter: Matter) {
  return {
    villageId: matter.villageId,
    ownerId: matter.raisedBy,
    handlerId: matter.handling?.handlerId,
  }
}

export interface Change {
  matterId: string
  action: TransitionAction & Action
  /** Shown on the timeline (a reason, the decision, the outcome). */
  note?: string
  /** Further fields to write with the new status; may read more inside the transaction. */
  patch?: (
    matter: Matter,
    t: Transaction,
    actor: ActorRecord,
  ) => Promise<Partial<Matter>> | Partial<Matter>
}

export async function changeMatter(
  ctx: HandlerContext,
  change: Change,
): Promise<{ matter: Matter; to: MatterStatus }> {
  const actor = await ctx.actor()
  return runTransaction(ctx.db, async (t) => {
    const matter = await getMatter(t, change.matterId)
    const who = authorize(actor, change.action, subjectOf(matter))
    const to = transition(matter.status, change.action)
    const extra = change.patch ? await change.patch(matter, t, who) : {}
    await updateMatter(t, change.matterId, {
      ...extra,
      status: to,
      statusAt: { ...matter.statusAt, [to]: ctx.now },
      updatedAt: ctx.now,
    })
    await audit(t, {
      villageId: matter.villageId,
      subjectType: 'matter',
      subjectId: change.matterId,
      action: change.action,
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      from: matter.status,
      to,
      note: change.note,
    })
    return { matter, to }
  })
}

/**
 * The one way a matter is acted on: in a transaction, read the matter, ask the permissions, do the
 * work, write the matter's new fields, and leave the audit/timeline record. `changeMatter` adds the
 * lifecycle table for the acts that move a matter to another status.
 */
import type { Matter, MatterCategory, MatterStatus } from '../../types/model/matter'
import type { Action } from '../../domain/permissions'
import { transition, type TransitionAction } from '../../domain/matters/lifecycle'
import { matterSubject } from '../../domain/matters/actions'
import type { ActorRecord } from '../_shared/actor'
import { audit } from '../_shared/audit'
import { authorize, NOT_FOUND, verifiedActor } from '../_shared/authorize'
import { runTransaction, type Transaction } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/handler'
import { addDeltas, deltaOf, matterContribution, type Delta } from '../../domain/dashboard/rollups'
import { recordRollups } from '../_shared/rollups'
import { loadMatter, updateMatter } from './repo'

export interface Outcome<R> {
  /** Fields to write on the matter (updatedAt is added; the matter is written in any case). */
  patch?: Partial<Matter>
  /**
   * The audit record; every act on a matter leaves one. It is a timeline entry (subjectType
   * 'matter') unless it names another subjectType (a rating: counted, never shown one by one).
   */
  entry: {
    /** Statuses, or the categories of a category change (its own action). */
    from?: MatterStatus | MatterCategory
    to?: MatterStatus | MatterCategory
    note?: string
    subjectType?: 'rating'
  }
  /**
   * What the act adds to the dashboards' counts beyond the matter's own change (a rating's), in
   * the same transaction; the matter's change (contribution after − before) is always added.
   */
  rollup?: Delta
  result: R
}

type Work<R> = (matter: Matter, t: Transaction, who: ActorRecord) => Promise<Outcome<R>>

export async function actOnMatter<R>(
  ctx: HandlerContext,
  matterId: string,
  action: Action,
  work: Work<R>,
): Promise<R> {
  const actor = await verifiedActor(ctx)
  return runTransaction(ctx.db, async (t) => {
    const matter = await loadMatter(t, matterId)
    const who = authorize(actor, action, matterSubject(matter), NOT_FOUND.matter)
    const { patch, entry, rollup, result } = await work(matter, t, who)
    // Always written, so two acts on one matter never both pass a check on the same old state.
    await updateMatter(t, matterId, { ...patch, updatedAt: ctx.now })
    const counted = deltaOf(matterContribution(matter), matterContribution({ ...matter, ...patch }))
    await recordRollups(t, matter.villageId, matterId, addDeltas(counted, rollup ?? {}), ctx.now)
    await audit(t, {
      villageId: matter.villageId,
      subjectId: matterId,
      action,
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      ...entry,
      subjectType: entry.subjectType ?? 'matter',
    })
    return result
  })
}

export interface Change {
  matterId: string
  action: TransitionAction & Action
  /** Shown on the timeline (a reason, the decision, the outcome); a function sees the new fields. */
  note?: string | ((changed: Matter) => string)
  /** Further fields to write with the new status; may read more inside the transaction. */
  patch?: (
    matter: Matter,
    t: Transaction,
    actor: ActorRecord,
  ) => Promise<Partial<Matter>> | Partial<Matter>
}

/** Moves a matter along the lifecycle table, with the time of the new status. */
export async function changeMatter(ctx: HandlerContext, change: Change): Promise<MatterStatus> {
  return actOnMatter(ctx, change.matterId, change.action, async (matter, t, who) => {
    const to = transition(matter.status, change.action)
    const extra = change.patch ? await change.patch(matter, t, who) : {}
    const note =
      typeof change.note === 'function' ? change.note({ ...matter, ...extra }) : change.note
    return {
      patch: { ...extra, status: to, statusAt: { ...matter.statusAt, [to]: ctx.now } },
      entry: { from: matter.status, to, note },
      result: to,
    }
  })
}

/**
 * A member accepted WeChat's subscription dialog: records it (`<topic>_<subject>_<member>`, one per
 * person, topic and subject; asking again renews a used one, and 50 identical calls at once leave
 * one record). On a matter: only its raiser, while it waits for the committee's answer; on a poll:
 * any member who may see it, until it is counted; the committee's topic: committee members. When
 * there is nothing left to tell (the matter answered, the poll counted) it answers
 * `subscribed: false` and writes nothing.
 *
 * The staff topic (#14, 吹哨报到): a staff record of a department, township or district, for the
 * whistles its unit must answer. `subjectId` names which of the caller's own active staff records
 * (ctx.staff(), from the platform's OPENID) — any other id is refused (NOT_STAFF), and no village
 * membership is needed or read. Recorded as `staff_<unit>_<staffId>` (domain/notifications/whistle.ts).
 */
import type { StaffSubscription, Subscription } from '../../../types/model/notification'
import type { HandlerContext } from '../../_shared/handler'
import { NOT_STAFF } from '../../../domain/township/access'
import {
  staffSubscriptionId,
  unitOfStaff,
  unitSubject,
} from '../../../domain/notifications/whistle'
import { NOTIFICATION_SCHEMAS } from '../../../domain/notifications/schemas'
import { subscriptionId, subscriptionSubject, usable } from '../../../domain/notifications/rules'
import { authorize, NOT_FOUND, refuse, verifiedActor } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { COLLECTION } from '../../_shared/collections'
import { handler } from '../../_shared/handler'
import { saveSubscription } from '../../_shared/notify'
import { findMatter } from '../../_shared/matters'
import { findPoll, NOT_FOUND_POLL } from '../../polls/repo'
import { byId } from '../../_shared/repo'

/** The staff topic: the caller's own staff record `staffId`, whatever their memberships. */
async function subscribeStaff(
  ctx: HandlerContext,
  staffId: string,
  templateIds: readonly string[],
): Promise<{ subscribed: boolean }> {
  const staff = (await ctx.staff()).find((s) => s._id === staffId && s.status === 'active')
  if (!staff) return refuse(NOT_STAFF)
  const subject = unitSubject(unitOfStaff(staff.unit))
  const id = staffSubscriptionId(subject, staff._id)
  await runTransaction(ctx.db, async (t) => {
    const found = await byId<StaffSubscription>(t, COLLECTION.subscriptions, id)
    if (found && usable(found)) return
    const doc: Omit<StaffSubscription, '_id'> = {
      staffId: staff._id,
      districtId: staff.unit.districtId,
      topic: 'staff',
      subjectId: subject,
      templateIds: [...new Set(templateIds)],
      createdAt: ctx.now,
    }
    await saveSubscription(t, id, doc)
  })
  return { subscribed: true }
}

export const subscribe = handler(NOTIFICATION_SCHEMAS.subscribe, async (input, ctx) => {
  if (input.topic === 'staff') return subscribeStaff(ctx, input.subjectId, input.templateIds)
  const caller = await verifiedActor(ctx)
  const villageId = caller.villageId
  let open: boolean
  if (input.topic === 'matterAnswered') {
    const matter = await findMatter(ctx.db, input.subjectId)
    if (!matter) return refuse(NOT_FOUND.matter)
    authorize(
      caller,
      'subscribeMatter',
      { villageId: matter.villageId, ownerId: matter.raisedBy },
      NOT_FOUND.matter,
    )
    open = matter.status === 'raised'
  } else if (input.topic === 'pollResult') {
    const poll = await findPoll(ctx.db, input.subjectId)
    // A draft is nobody's business but its drafters': it reads as no poll at all.
    if (!poll || poll.status === 'draft') return refuse(NOT_FOUND_POLL)
    authorize(caller, 'subscribePoll', { villageId: poll.villageId }, NOT_FOUND_POLL)
    open = poll.status === 'open'
  } else {
    authorize(caller, 'subscribeCommittee', { villageId })
    open = true
  }
  if (!open) return { subscribed: false }
  const topic = input.topic
  const id = subscriptionId(topic, input.subjectId, caller.memberId)
  await runTransaction(ctx.db, async (t) => {
    const found = await byId<Subscription>(t, COLLECTION.subscriptions, id)
    // Already waiting for its message: nothing to change (identical calls write nothing twice).
    if (found && usable(found)) return
    const doc: Omit<Subscription, '_id'> = {
      villageId,
      memberId: caller.memberId,
      topic,
      subjectId: subscriptionSubject(topic, input.subjectId),
      templateIds: [...new Set(input.templateIds)],
      createdAt: ctx.now,
    }
    await saveSubscription(t, id, doc)
  })
  return { subscribed: true }
})

/**
 * A member accepted WeChat's subscription dialog: records it (`<topic>_<subject>_<member>`, one per
 * person, topic and subject; asking again renews a used one, and 50 identical calls at once leave
 * one record). On a matter: only its raiser, while it waits for the committee's answer; on a poll:
 * any member who may see it, until it is counted; the committee's topic: committee members. When
 * there is nothing left to tell (the matter answered, the poll counted) it answers
 * `subscribed: false` and writes nothing.
 */
import type { Subscription } from '../../../types/model/notification'
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

export const subscribe = handler(NOTIFICATION_SCHEMAS.subscribe, async (input, ctx) => {
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
  const id = subscriptionId(input.topic, input.subjectId, caller.memberId)
  await runTransaction(ctx.db, async (t) => {
    const found = await byId<Subscription>(t, COLLECTION.subscriptions, id)
    // Already waiting for its message: nothing to change (identical calls write nothing twice).
    if (found && usable(found)) return
    const doc: Omit<Subscription, '_id'> = {
      villageId,
      memberId: caller.memberId,
      topic: input.topic,
      subjectId: subscriptionSubject(input.topic, input.subjectId),
      templateIds: [...new Set(input.templateIds)],
      createdAt: ctx.now,
    }
    await saveSubscription(t, id, doc)
  })
  return { subscribed: true }
})

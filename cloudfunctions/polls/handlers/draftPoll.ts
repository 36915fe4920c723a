/** The committee (or the moderator on the matter's talk day) drafts a poll on a matter in discussion. */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { matterSubject } from '../../../domain/matters/actions'
import { audit } from '../../_shared/audit'
import { authorize, NOT_FOUND, verifiedActor } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { loadMatter } from '../../_shared/matters'
import { loadVillage } from '../../_shared/villages'
import { assertDiscussing, assertMayRun } from '../access'
import { draftFields } from '../draft'
import { addPoll } from '../repo'

export const draftPoll = handler(POLL_SCHEMAS.draftPoll, async (input, ctx) => {
  const actor = await verifiedActor(ctx)
  return runTransaction(ctx.db, async (t) => {
    const matter = await loadMatter(t, input.matterId)
    const who = authorize(actor, 'draftPoll', matterSubject(matter), NOT_FOUND.matter)
    assertMayRun(who, matter, ctx.now)
    assertDiscussing(matter)
    const village = await loadVillage(t, matter.villageId)
    const fields = draftFields(input, village, ctx.now)
    const pollId = await addPoll(t, {
      villageId: matter.villageId,
      matterId: matter._id,
      ...fields,
      status: 'draft',
      createdBy: who.memberId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    await audit(t, {
      villageId: matter.villageId,
      subjectType: 'poll',
      subjectId: pollId,
      action: 'draftPoll',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
    })
    return { pollId, closesAt: fields.closesAt.toISOString() }
  })
})

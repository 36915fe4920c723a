/** A draft is rewritten whole until the poll opens; after that nothing of its design changes. */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { matterSubject } from '../../../domain/matters/actions'
import { audit } from '../../_shared/audit'
import { authorize, NOT_FOUND, verifiedActor } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { loadMatter } from '../../_shared/matters'
import { loadVillage } from '../../_shared/villages'
import { assertDraft, assertMayRun } from '../access'
import { draftFields } from '../draft'
import { loadPoll, NOT_FOUND_POLL, replaceDraft } from '../repo'

export const updateDraft = handler(POLL_SCHEMAS.updateDraft, async (input, ctx) => {
  const actor = await verifiedActor(ctx)
  return runTransaction(ctx.db, async (t) => {
    const poll = await loadPoll(t, input.pollId)
    authorize(actor, 'draftPoll', { villageId: poll.villageId }, NOT_FOUND_POLL)
    const matter = await loadMatter(t, poll.matterId)
    const who = authorize(actor, 'draftPoll', matterSubject(matter), NOT_FOUND.matter)
    assertMayRun(who, matter, ctx.now)
    assertDraft(poll)
    const village = await loadVillage(t, poll.villageId)
    const fields = draftFields(input, village, ctx.now)
    // Replaced whole: a yesNo draft that was a choice draft keeps no options.
    const kept = {
      villageId: poll.villageId,
      matterId: poll.matterId,
      status: poll.status,
      createdBy: poll.createdBy,
      createdAt: poll.createdAt,
    }
    await replaceDraft(t, poll._id, { ...kept, ...fields, updatedAt: ctx.now })
    await audit(t, {
      villageId: poll.villageId,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'updateDraft',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
    })
    return { closesAt: fields.closesAt.toISOString() }
  })
})

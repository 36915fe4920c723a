/** The committee declines a pending request with a reason the person will see. */
import { checkReview } from '../../../domain/village/roles'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { audit } from '../../_shared/audit'
import { authorize, NOT_FOUND } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { loadMember, updateMember } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const declineMember = handler(VILLAGE_SCHEMAS.declineMember, async (input, ctx) => {
  const actor = await allowedInOwnVillage(ctx, 'declineMember')
  return runTransaction(ctx.db, async (t) => {
    const member = await loadMember(t, input.memberId)
    const who = authorize(actor, 'declineMember', { villageId: member.villageId }, NOT_FOUND.member)
    checkReview(member)
    await updateMember(t, member._id, {
      status: 'declined',
      declineReason: input.reason,
      reviewedAt: ctx.now,
      reviewedBy: who.memberId,
    })
    await audit(t, {
      villageId: member.villageId,
      subjectType: 'member',
      subjectId: member._id,
      action: 'declineMember',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      from: member.status,
      to: 'declined',
      note: input.reason,
    })
    return { ok: true as const }
  })
})

/** The committee approves a pending request (已认证), linking the registered household if any. */
import { householdId } from '../../../domain/village/households'
import { checkReview } from '../../../domain/village/roles'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { audit } from '../../_shared/audit'
import { authorize, NOT_FOUND } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { findHousehold, loadMember, updateMember } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const approveMember = handler(VILLAGE_SCHEMAS.approveMember, async (input, ctx) => {
  const actor = await allowedInOwnVillage(ctx, 'approveMember')
  return runTransaction(ctx.db, async (t) => {
    const member = await loadMember(t, input.memberId)
    const who = authorize(actor, 'approveMember', { villageId: member.villageId }, NOT_FOUND.member)
    checkReview(member)
    const household = await findHousehold(t, householdId(member.villageId, member.householdNo))
    await updateMember(t, member._id, {
      status: 'verified',
      reviewedAt: ctx.now,
      reviewedBy: who.memberId,
      ...(household ? { householdId: household._id } : {}),
    })
    await audit(t, {
      villageId: member.villageId,
      subjectType: 'member',
      subjectId: member._id,
      action: 'approveMember',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      from: member.status,
      to: 'verified',
    })
    return household ? { householdId: household._id } : {}
  })
})

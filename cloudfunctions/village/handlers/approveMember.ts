/**
 * The committee approves a pending request (已认证), linking the registered household if any and,
 * when `personId` is given, the account to that person on the register (cloudfunctions/village/
 * links.ts), all in one transaction with one audit record.
 */
import { householdId } from '../../../domain/village/households'
import { checkReview } from '../../../domain/village/roles'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { audit } from '../../_shared/audit'
import { authorize, NOT_FOUND } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { personLabel, setLink } from '../links'
import { findHousehold, loadMember, updateMember } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const approveMember = handler(VILLAGE_SCHEMAS.approveMember, async (input, ctx) => {
  const actor = await allowedInOwnVillage(ctx, 'approveMember')
  return runTransaction(ctx.db, async (t) => {
    const member = await loadMember(t, input.memberId)
    const who = authorize(actor, 'approveMember', { villageId: member.villageId }, NOT_FOUND.member)
    checkReview(member)
    const household = await findHousehold(t, householdId(member.villageId, member.householdNo))
    const approval = {
      status: 'verified' as const,
      reviewedAt: ctx.now,
      reviewedBy: who.memberId,
      ...(household ? { householdId: household._id } : {}),
    }
    const link = input.personId
      ? await setLink(t, member, input.personId, ctx.now, approval)
      : undefined
    if (!link?.changed) await updateMember(t, member._id, approval)
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
      ...(link?.to ? { note: `关联名册上的${personLabel(link.to)}` } : {}),
    })
    return {
      ...(household ? { householdId: household._id } : {}),
      ...(link?.to ? { personId: link.to._id } : {}),
    }
  })
})

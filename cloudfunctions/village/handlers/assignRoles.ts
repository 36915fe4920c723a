/** The committee sets a verified member's roles; 'resident' stays, and never one's own. */
import { checkRoleChange, normalizeRoles, sameRoles } from '../../../domain/village/roles'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { audit } from '../../_shared/audit'
import { authorize, NOT_FOUND } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { loadMember, updateMember } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const assignRoles = handler(VILLAGE_SCHEMAS.assignRoles, async (input, ctx) => {
  const actor = await allowedInOwnVillage(ctx, 'assignRoles')
  return runTransaction(ctx.db, async (t) => {
    const member = await loadMember(t, input.memberId)
    const who = authorize(actor, 'assignRoles', { villageId: member.villageId }, NOT_FOUND.member)
    checkRoleChange(who.memberId, member)
    const roles = normalizeRoles(input.roles)
    if (sameRoles(member.roles, roles)) return { roles, changed: false }
    await updateMember(t, member._id, { roles })
    await audit(t, {
      villageId: member.villageId,
      subjectType: 'member',
      subjectId: member._id,
      action: 'assignRoles',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      from: member.roles.join(','),
      to: roles.join(','),
    })
    return { roles, changed: true }
  })
})

/**
 * The committee links a verified member's account to their person on the register (audited).
 * Another account may link to the same person (a new phone); re-linking a member moves the link.
 */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { audit } from '../../_shared/audit'
import { authorize, NOT_FOUND } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { personLabel, setLink } from '../links'
import { loadMember } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const NOT_VERIFIED = '只有已认证的村民才能关联名册上的人，请先审核通过。'

export const linkPerson = handler(VILLAGE_SCHEMAS.linkPerson, async (input, ctx) => {
  const actor = await allowedInOwnVillage(ctx, 'linkPerson')
  return runTransaction(ctx.db, async (t) => {
    const member = await loadMember(t, input.memberId)
    const who = authorize(actor, 'linkPerson', { villageId: member.villageId }, NOT_FOUND.member)
    if (member.status !== 'verified') fail('CONFLICT', NOT_VERIFIED)
    const link = await setLink(t, member, input.personId, ctx.now)
    if (!link.changed) return { changed: false }
    await audit(t, {
      villageId: member.villageId,
      subjectType: 'member',
      subjectId: member._id,
      action: 'linkPerson',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      ...(link.from ? { from: link.from._id } : {}),
      to: input.personId,
      note: link.from
        ? `由名册上的${personLabel(link.from)}改为${link.to ? personLabel(link.to) : ''}`
        : `关联名册上的${link.to ? personLabel(link.to) : ''}`,
    })
    return { changed: true }
  })
})

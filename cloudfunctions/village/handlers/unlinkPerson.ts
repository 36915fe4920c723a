/** The committee removes a member's link to their person on the register (audited). */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { audit } from '../../_shared/audit'
import { authorize, NOT_FOUND } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { personLabel, setLink } from '../links'
import { loadMember } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const unlinkPerson = handler(VILLAGE_SCHEMAS.unlinkPerson, async (input, ctx) => {
  const actor = await allowedInOwnVillage(ctx, 'linkPerson')
  return runTransaction(ctx.db, async (t) => {
    const member = await loadMember(t, input.memberId)
    const who = authorize(actor, 'linkPerson', { villageId: member.villageId }, NOT_FOUND.member)
    const link = await setLink(t, member, undefined, ctx.now)
    if (!link.changed) return { changed: false }
    await audit(t, {
      villageId: member.villageId,
      subjectType: 'member',
      subjectId: member._id,
      action: 'unlinkPerson',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      ...(member.personId ? { from: member.personId } : {}),
      note: link.from ? `解除与名册上${personLabel(link.from)}的关联` : '解除关联',
    })
    return { changed: true }
  })
})

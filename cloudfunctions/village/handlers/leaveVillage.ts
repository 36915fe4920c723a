/**
 * A member leaves their village (退出本村, audited): the membership becomes `left`, its roles go
 * back to 村民 and its link to a person on the register is dropped; they may ask to join again
 * (requestJoin starts the same membership afresh). The village's last committee member may not.
 *
 * The rule reads the other committee members and writes this one: two last committee members
 * leaving at once would each see the other and both go (write skew). So a committee member's
 * leave also writes the village, first thing in the transaction: two such leaves conflict, and
 * the one run again sees the other gone.
 */
import { checkLeave } from '../../../domain/village/roles'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { audit } from '../../_shared/audit'
import { verifiedActor } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { patchVillage } from '../../_shared/villages'
import { personLabel, setLink } from '../links'
import { committeeMemberIds, loadMember, updateMember } from '../repo'

export const leaveVillage = handler(VILLAGE_SCHEMAS.leaveVillage, async (_input, ctx) => {
  const actor = await verifiedActor(ctx)
  return runTransaction(ctx.db, async (t) => {
    let held = false
    const holdVillage = async () => {
      // Written first: a concurrent committee leave fails here at once and runs again later,
      // before doing any other work (a write to a document another open transaction wrote).
      await patchVillage(t, actor.villageId, { updatedAt: ctx.now })
      held = true
    }
    if (actor.roles.includes('committee')) await holdVillage()
    const member = await loadMember(t, actor.memberId)
    if (member.status !== 'verified') fail('CONFLICT', '您已经不是本村的认证村民了。')
    const committee = member.roles.includes('committee')
    if (committee) {
      if (!held) await holdVillage()
      // Committed now, so at least as new as the snapshot: a committee leave committed after
      // the snapshot also wrote the village, and this transaction then conflicts.
      const others = (await committeeMemberIds(ctx.db, member.villageId)).filter(
        (id) => id !== member._id,
      )
      checkLeave(member, others.length)
    }
    const link = member.personId ? await setLink(t, member, undefined, ctx.now) : undefined
    await updateMember(t, member._id, { status: 'left', roles: ['resident'] })
    const note = [
      committee ? '卸任村委会成员' : '',
      link?.from ? `解除与名册上${personLabel(link.from)}的关联` : '',
    ].filter(Boolean)
    await audit(t, {
      villageId: member.villageId,
      subjectType: 'member',
      subjectId: member._id,
      action: 'leaveVillage',
      actorId: member._id,
      actorName: member.name,
      at: ctx.now,
      from: 'verified',
      to: 'left',
      ...(note.length ? { note: note.join('；') } : {}),
    })
    return { ok: true as const }
  })
})

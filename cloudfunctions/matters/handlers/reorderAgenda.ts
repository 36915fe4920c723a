/** The committee puts one 说事日's agenda in a new order. */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { audit } from '../../_shared/audit'
import { authorize } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { agendaId, findAgenda, saveAgenda } from '../repo'

export const reorderAgenda = handler(MATTER_SCHEMAS.reorderAgenda, async (input, ctx) => {
  const actor = await ctx.actor()
  const who = authorize(actor, 'reorderAgenda', { villageId: actor?.villageId ?? '' })
  return runTransaction(ctx.db, async (t) => {
    const agenda = await findAgenda(t, who.villageId, input.talkDay)
    if (!agenda) fail('NOT_FOUND', `${input.talkDay} 还没有议程。`)
    const same =
      input.matterIds.length === agenda.matterIds.length &&
      new Set(input.matterIds).size === input.matterIds.length &&
      input.matterIds.every((id) => agenda.matterIds.includes(id))
    if (!same) fail('CONFLICT', '议程已经变了，请刷新后再调整顺序。')
    await saveAgenda(t, { ...agenda, matterIds: input.matterIds, updatedAt: ctx.now })
    await audit(t, {
      villageId: who.villageId,
      subjectType: 'agenda',
      subjectId: agendaId(who.villageId, input.talkDay),
      action: 'reorderAgenda',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      note: input.matterIds.join(','),
    })
    return { ok: true as const }
  })
})

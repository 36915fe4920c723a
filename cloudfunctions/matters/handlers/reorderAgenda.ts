/** The committee puts one 说事日's agenda in a new order. */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { audit } from '../../_shared/audit'
import { authorize } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { agendaIn, writeOrder } from '../agenda'

export const reorderAgenda = handler(MATTER_SCHEMAS.reorderAgenda, async (input, ctx) => {
  const actor = await ctx.actor()
  const who = authorize(actor, 'reorderAgenda', { villageId: actor?.villageId ?? '' })
  return runTransaction(ctx.db, async (t) => {
    const slots = await agendaIn(t, ctx.db, who.villageId, input.talkDay)
    if (slots.length === 0) fail('NOT_FOUND', `${input.talkDay} 还没有议程。`)
    const byMatter = new Map(slots.map((s) => [s.matterId, s]))
    const same =
      input.matterIds.length === slots.length &&
      new Set(input.matterIds).size === input.matterIds.length &&
      input.matterIds.every((id) => byMatter.has(id))
    if (!same) fail('CONFLICT', '议程已经变了，请刷新后再调整顺序。')
    // Every slot of the day is written, so two reorders of one day conflict.
    await writeOrder(
      t,
      input.matterIds.map((id) => byMatter.get(id)!),
    )
    await audit(t, {
      villageId: who.villageId,
      subjectType: 'agenda',
      subjectId: `${who.villageId}_${input.talkDay}`,
      action: 'reorderAgenda',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      note: input.matterIds.join(','),
    })
    return { ok: true as const }
  })
})

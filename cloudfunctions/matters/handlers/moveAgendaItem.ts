/** The committee moves an accepted matter to another 说事日. */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { fail, handler } from '../../_shared/handler'
import { placeOnAgenda, removeFromAgenda } from '../agenda'
import { actOnMatter } from '../change'
import { loadVillage } from '../../_shared/villages'

export const moveAgendaItem = handler(MATTER_SCHEMAS.moveAgendaItem, async (input, ctx) =>
  actOnMatter(ctx, input.matterId, 'moveAgendaItem', async (matter, t) => {
    if (matter.status !== 'accepted' || !matter.talkDay) {
      fail('CONFLICT', '只有已受理、还没开始议事的事项才能换说事日。')
    }
    if (matter.talkDay === input.talkDay) fail('INVALID_INPUT', '已经排在这一天了。')
    const village = await loadVillage(t, matter.villageId)
    await placeOnAgenda(t, ctx.db, village, matter._id, ctx.now, input.talkDay)
    await removeFromAgenda(t, ctx.db, matter.villageId, matter._id, matter.talkDay)
    return {
      patch: { talkDay: input.talkDay },
      entry: { note: `从 ${matter.talkDay} 改到 ${input.talkDay} 说事日` },
      result: { ok: true as const },
    }
  }),
)

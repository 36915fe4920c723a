/**
 * The committee accepts a raised matter with its category: onto a 说事日's agenda, or urgent
 * (遇事解事).
 */
import { CATEGORIES } from '../../../domain/matters/categories'
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { handler } from '../../_shared/handler'
import { placeOnAgenda } from '../agenda'
import { changeMatter } from '../change'
import { loadVillage } from '../../_shared/villages'
import { deliverQueued } from '../../_shared/notify'
import { answerRaiser } from '../notifyAnswer'

export const acceptMatter = handler(MATTER_SCHEMAS.acceptMatter, async (input, ctx) => {
  let talkDay: string | undefined
  let message: string | undefined
  await changeMatter(ctx, {
    matterId: input.matterId,
    action: 'acceptMatter',
    patch: async (matter, t, who) => {
      talkDay = undefined
      if (!input.urgent) {
        const village = await loadVillage(t, matter.villageId)
        talkDay = await placeOnAgenda(t, ctx.db, village, matter._id, ctx.now, input.talkDay)
      }
      message = await answerRaiser(
        t,
        matter,
        who,
        { kind: 'accepted', urgent: input.urgent, talkDay },
        ctx.now,
      )
      return input.urgent
        ? { urgent: true, category: input.category }
        : { talkDay, category: input.category }
    },
    note: (m) =>
      `${m.talkDay ? `排入 ${m.talkDay} 说事日` : '急事急办'}；类别：${CATEGORIES[input.category].label}`,
  })
  if (message) await deliverQueued(ctx.db, [message])
  return { talkDay }
})

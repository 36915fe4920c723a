/** The committee declines a raised matter, with a reason the raiser sees (不予受理). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { handler } from '../../_shared/handler'
import { deliverQueued } from '../../_shared/notify'
import { changeMatter } from '../change'
import { answerRaiser } from '../notifyAnswer'

export const declineMatter = handler(MATTER_SCHEMAS.declineMatter, async (input, ctx) => {
  let message: string | undefined
  await changeMatter(ctx, {
    matterId: input.matterId,
    action: 'declineMatter',
    note: input.reason,
    patch: async (matter, t, who) => {
      message = await answerRaiser(
        t,
        matter,
        who,
        { kind: 'declined', reason: input.reason },
        ctx.now,
      )
      return { declineReason: input.reason }
    },
  })
  if (message) await deliverQueued(ctx.db, [message])
  return { ok: true as const }
})

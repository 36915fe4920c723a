/** The committee declines a raised matter, with a reason the raiser sees (不予受理). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { handler } from '../../_shared/handler'
import { changeMatter } from '../change'

export const declineMatter = handler(MATTER_SCHEMAS.declineMatter, async (input, ctx) => {
  await changeMatter(ctx, {
    matterId: input.matterId,
    action: 'declineMatter',
    note: input.reason,
    patch: () => ({ declineReason: input.reason }),
  })
  return { ok: true as const }
})

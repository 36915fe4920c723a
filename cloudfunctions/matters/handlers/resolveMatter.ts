/** The handler (or the committee) reports it done; the outcome is published (已办结). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { addDays } from '../../../domain/matters/rules'
import { handler } from '../../_shared/handler'
import { changeMatter } from '../change'
import { loadVillage } from '../../_shared/villages'

export const resolveMatter = handler(MATTER_SCHEMAS.resolveMatter, async (input, ctx) => {
  await changeMatter(ctx, {
    matterId: input.matterId,
    action: 'resolveMatter',
    note: input.outcome,
    patch: async (matter, t) => {
      const village = await loadVillage(t, matter.villageId)
      return {
        outcome: input.outcome,
        ratingEndsAt: addDays(ctx.now, village.settings.ratingWindowDays),
      }
    },
  })
  return { ok: true as const }
})

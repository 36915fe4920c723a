/** On the 说事日 (or at once for urgent matters) the discussion starts (议事中). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { handler } from '../../_shared/handler'
import { changeMatter } from '../change'

export const startDiscussion = handler(
  MATTER_SCHEMAS.startDiscussion,
  async ({ matterId }, ctx) => {
    await changeMatter(ctx, { matterId, action: 'startDiscussion' })
    return { ok: true as const }
  },
)

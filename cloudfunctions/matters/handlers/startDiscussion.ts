/** On the matter's 说事日 (or at once for urgent matters) the discussion starts (议事中). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { discussionMayStart } from '../../../domain/matters/rules'
import { fail, handler } from '../../_shared/handler'
import { changeMatter } from '../change'

export const startDiscussion = handler(
  MATTER_SCHEMAS.startDiscussion,
  async ({ matterId }, ctx) => {
    await changeMatter(ctx, {
      matterId,
      action: 'startDiscussion',
      patch: (matter) => {
        // A status that cannot start is refused by the lifecycle table, in its own words.
        if (matter.status === 'accepted' && !discussionMayStart(matter, ctx.now)) {
          fail(
            'CONFLICT',
            matter.talkDay
              ? `这件事排在 ${matter.talkDay} 说事日，到那天才能开始议事。`
              : '这件事还没有排进说事日，不能开始议事。',
          )
        }
        return {}
      },
    })
    return { ok: true as const }
  },
)

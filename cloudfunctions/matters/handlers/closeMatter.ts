/** A moderator closes a resolved matter once residents have had their time to rate it (已关闭). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { closable } from '../../../domain/matters/rules'
import { shanghaiDate } from '../../../domain/shared/time'
import { fail, handler } from '../../_shared/handler'
import { changeMatter } from '../change'

export const closeMatter = handler(MATTER_SCHEMAS.closeMatter, async ({ matterId }, ctx) => {
  await changeMatter(ctx, {
    matterId,
    action: 'closeMatter',
    patch: (matter) => {
      if (matter.status === 'resolved' && !closable(matter, ctx.now)) {
        const until = matter.ratingEndsAt ? shanghaiDate(matter.ratingEndsAt) : ''
        fail('CONFLICT', `村民评价还没结束（到 ${until}），结束后才能关闭。`)
      }
      return {}
    },
  })
  return { ok: true as const }
})

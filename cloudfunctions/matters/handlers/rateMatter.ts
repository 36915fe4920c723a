/** 民意测评: each member rates the handling once (1–5), within the window after resolution. */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { ratingOpen } from '../../../domain/matters/rules'
import { refuseIndecent } from '../../_shared/contentCheck'
import { fail, handler } from '../../_shared/handler'
import { ratingContribution } from '../../../domain/dashboard/rollups'
import { actOnMatter } from '../change'
import { findRating, ratingId, saveRating } from '../repo'

export const rateMatter = handler(MATTER_SCHEMAS.rateMatter, async (input, ctx) => {
  await refuseIndecent(ctx.openid, [input.comment ?? ''], '评价里有不文明的用语，请修改后再提交。')
  return actOnMatter(ctx, input.matterId, 'rateMatter', async (matter, t, who) => {
    if (!ratingOpen(matter, ctx.now)) fail('CONFLICT', '现在不在评价时间内，不能评价。')
    if (
      matter.rating.raters.includes(who.memberId) ||
      (await findRating(t, matter._id, who.memberId))
    ) {
      fail('CONFLICT', '您已经评价过这件事了。')
    }
    const rating = {
      _id: ratingId(matter._id, who.memberId),
      villageId: matter.villageId,
      matterId: matter._id,
      memberId: who.memberId,
      score: input.score as 1 | 2 | 3 | 4 | 5,
      comment: input.comment || undefined,
      at: ctx.now,
    }
    await saveRating(t, rating)
    const { count, sum, raters } = matter.rating
    return {
      patch: {
        rating: { count: count + 1, sum: sum + input.score, raters: [...raters, who.memberId] },
      },
      // Audited, but not on the timeline: the detail shows how many rated and the average.
      entry: { subjectType: 'rating' },
      rollup: ratingContribution(rating),
      result: { ok: true as const },
    }
  })
})

/** The handler reports how the work goes, with photos; it shows on the timeline. */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { fail, handler } from '../../_shared/handler'
import { assertOwnPhotos } from '../../_shared/photos'
import { actOnMatter } from '../change'

export const reportProgress = handler(MATTER_SCHEMAS.reportProgress, async (input, ctx) => {
  assertOwnPhotos(input.photos)
  return actOnMatter(ctx, input.matterId, 'reportProgress', async (matter, _t, who) => {
    if (matter.status !== 'handling' || !matter.handling) {
      fail('CONFLICT', '这件事现在不在办理中，不能报告进展。')
    }
    const report = { at: ctx.now, by: who.name, text: input.text, photos: input.photos }
    return {
      patch: { handling: { ...matter.handling, reports: [...matter.handling.reports, report] } },
      entry: { note: input.text },
      result: { ok: true as const },
    }
  })
})

/** The moderator records the minutes (会议纪要) of a matter on a 说事日's agenda, from that day on. */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { minutesOpen } from '../../../domain/matters/rules'
import { fail, handler } from '../../_shared/handler'
import { slotOf, writeMinutes } from '../agenda'
import { actOnMatter } from '../change'

export const recordMinutes = handler(MATTER_SCHEMAS.recordMinutes, async (input, ctx) =>
  actOnMatter(ctx, input.matterId, 'recordMinutes', async (matter, t, who) => {
    const slot = await slotOf(t, ctx.db, matter.villageId, matter._id, input.talkDay)
    if (!slot) fail('CONFLICT', '这件事不在那天的议程上。')
    if (!minutesOpen({ ...matter, talkDay: input.talkDay }, ctx.now)) {
      fail('CONFLICT', '说事日当天开始、议事结束之前才能记录会议纪要。')
    }
    await writeMinutes(t, slot, { text: input.text, by: who.name, at: ctx.now })
    return { entry: { note: `会议纪要：${input.text}` }, result: { ok: true as const } }
  }),
)

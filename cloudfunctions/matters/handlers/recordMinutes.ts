/** The moderator records the minutes (会议纪要) of a matter discussed on a 说事日. */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { fail, handler } from '../../_shared/handler'
import { actOnMatter } from '../change'
import { findAgenda, saveAgenda } from '../repo'

export const recordMinutes = handler(MATTER_SCHEMAS.recordMinutes, async (input, ctx) =>
  actOnMatter(ctx, input.matterId, 'recordMinutes', async (matter, t, who) => {
    const agenda = await findAgenda(t, matter.villageId, input.talkDay)
    if (!agenda || !agenda.matterIds.includes(matter._id)) {
      fail('CONFLICT', '这件事不在那天的议程上。')
    }
    await saveAgenda(t, {
      ...agenda,
      minutes: { ...agenda.minutes, [matter._id]: { text: input.text, by: who.name, at: ctx.now } },
      updatedAt: ctx.now,
    })
    return { entry: { note: `会议纪要：${input.text}` }, result: { ok: true as const } }
  }),
)

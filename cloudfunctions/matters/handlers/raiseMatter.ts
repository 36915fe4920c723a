/** 民事民提: a verified member raises a matter; it waits for the committee (待受理). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { addDays } from '../../../domain/matters/rules'
import { authorize } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { refuseIndecent } from '../../_shared/contentCheck'
import { handler } from '../../_shared/handler'
import { createMatter } from '../create'
import { loadVillage } from '../../_shared/villages'
import { notifyEvent } from '../../_shared/notify'
import { matterRaisedMessage } from '../../../domain/notifications/rules'

export const raiseMatter = handler(MATTER_SCHEMAS.raiseMatter, async (input, ctx) => {
  const actor = await ctx.actor()
  const who = authorize(actor, 'raiseMatter', { villageId: actor?.villageId ?? '' })
  await refuseIndecent(
    ctx.openid,
    [input.title, input.body],
    '事项里有不文明的用语，请修改后再提交。',
  )
  const raised = await runTransaction(ctx.db, async (t) => {
    const village = await loadVillage(t, who.villageId)
    const { matterId } = await createMatter(
      t,
      who,
      {
        ...input,
        origin: 'resident',
        urgent: false,
        respondBy: addDays(ctx.now, village.settings.responseDeadlineDays),
      },
      ctx.now,
    )
    return { matterId }
  })
  // 订阅消息: the committee members who asked to be told (after the commit; never fails the raise).
  await notifyEvent(
    ctx.db,
    who.villageId,
    { event: 'matterRaised', subjectId: raised.matterId, actorId: who.memberId, now: ctx.now },
    matterRaisedMessage({
      id: raised.matterId,
      title: input.title,
      raisedByName: who.name,
      raisedAt: ctx.now,
    }),
  )
  return raised
})

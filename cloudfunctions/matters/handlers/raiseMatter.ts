/** 民事民提: a verified member raises a matter; it waits for the committee (待受理). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { INITIAL_STATUS } from '../../../domain/matters/lifecycle'
import { audit } from '../../_shared/audit'
import { authorize } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { addMatter } from '../repo'

export const raiseMatter = handler(MATTER_SCHEMAS.raiseMatter, async (input, ctx) => {
  const actor = await ctx.actor()
  const who = authorize(actor, 'raiseMatter', { villageId: actor?.villageId ?? '' })
  const status = INITIAL_STATUS.resident
  const matterId = await runTransaction(ctx.db, async (t) => {
    const id = await addMatter(t, {
      villageId: who.villageId,
      title: input.title,
      body: input.body,
      photos: input.photos,
      origin: 'resident',
      urgent: false,
      status,
      raisedBy: who.memberId,
      raisedByName: who.name,
      raisedAt: ctx.now,
      statusAt: { [status]: ctx.now },
      updatedAt: ctx.now,
    })
    await audit(t, {
      villageId: who.villageId,
      subjectType: 'matter',
      subjectId: id,
      action: 'raiseMatter',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      to: status,
    })
    return id
  })
  return { matterId }
})

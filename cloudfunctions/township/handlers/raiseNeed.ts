/**
 * 需求: a village committee puts a need of its village on its township's list, optionally gathered
 * from one of its residents' matters. The village must belong to a township.
 */
import { newNeed } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { audit } from '../../_shared/audit'
import { NOT_FOUND as NOT_FOUND_MATTER, refuse } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { findMatter } from '../../_shared/matters'
import { committeeOf, knownCaller } from '../callers'
import { addNeed } from '../repo'
import { needView } from '../views'

export const raiseNeed = handler(TOWNSHIP_SCHEMAS.raiseNeed, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const { member, unit, villageName } = await committeeOf(ctx, caller, 'raiseNeed')
  if (input.matterId !== undefined) {
    const matter = await findMatter(ctx.db, input.matterId)
    if (!matter || matter.villageId !== member.villageId) refuse(NOT_FOUND_MATTER.matter)
  }
  const need = newNeed(input, unit, member.memberId, ctx.now)
  const id = await runTransaction(ctx.db, async (t) => {
    const needId = await addNeed(t, need)
    await audit(t, {
      villageId: unit.villageId,
      townshipId: unit.townshipId,
      subjectType: 'need',
      subjectId: needId,
      action: 'raiseNeed',
      actorId: member.memberId,
      actorName: member.name,
      at: ctx.now,
      to: need.status,
      ...(need.matterId !== undefined ? { note: `由事项 ${need.matterId} 整理` } : {}),
    })
    return needId
  })
  return needView({ ...need, _id: id }, villageName)
})

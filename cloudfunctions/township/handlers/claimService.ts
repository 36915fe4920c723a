/**
 * 认领服务: a village committee takes up a service open on its township's list for one of its own
 * open needs. Both become `claimed`; the service's provider confirms or declines.
 */
import { claimService as claim } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { refuse } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { knownCaller, NOT_FOUND, seesVillageEntry, villageSide } from '../callers'
import { writePair } from '../change'
import { findNeed, findService } from '../repo'
import { serviceView } from '../views'

export const claimService = handler(TOWNSHIP_SCHEMAS.claimService, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  return runTransaction(ctx.db, async (t) => {
    const need = await findNeed(t, input.needId)
    if (!need || !seesVillageEntry(caller, need)) refuse(NOT_FOUND.need)
    const member = villageSide(caller, 'claimService', need, NOT_FOUND.need)
    const before = await findService(t, input.serviceId)
    if (!before || before.townshipId !== need.townshipId) refuse(NOT_FOUND.service)
    const side = {
      kind: 'village',
      memberId: member.memberId,
      villageId: member.villageId,
    } as const
    const after = claim(before, need, side, ctx.now)
    await writePair(t, { need, service: before }, after, {
      action: 'claimService',
      who: { actorId: member.memberId, actorName: member.name },
      at: ctx.now,
      note: `为需求“${need.description}”认领`,
    })
    return serviceView(after.service)
  })
})

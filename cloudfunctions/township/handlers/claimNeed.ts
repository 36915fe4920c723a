/**
 * 认领需求: a provider offers one of its services for an open need — through the township's staff
 * member who registered the service and acts for it. Both become `claimed`; the need's village
 * confirms or declines.
 */
import { NOT_STAFF } from '../../../domain/township/access'
import { claimNeed as claim } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { refuse } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { knownCaller, NOT_FOUND, seesVillageEntry, townshipStaff } from '../callers'
import { writePair } from '../change'
import { findNeed, findService } from '../repo'
import { needViews } from '../views'

export const claimNeed = handler(TOWNSHIP_SCHEMAS.claimNeed, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const need = await runTransaction(ctx.db, async (t) => {
    const before = await findNeed(t, input.needId)
    if (!before || !seesVillageEntry(caller, before)) refuse(NOT_FOUND.need)
    const staffer = townshipStaff(caller, before.townshipId) ?? refuse(NOT_STAFF)
    const service = await findService(t, input.serviceId)
    if (!service || service.townshipId !== before.townshipId) refuse(NOT_FOUND.service)
    const after = claim(before, service, { kind: 'provider', id: staffer._id }, ctx.now)
    await writePair(t, { need: before, service }, after, {
      action: 'claimNeed',
      who: { actorId: staffer._id, actorName: staffer.name },
      at: ctx.now,
      note: `${service.provider.name}以服务“${service.what}”认领`,
    })
    return after.need
  })
  const [view] = await needViews(ctx.db, [need])
  return view ?? refuse(NOT_FOUND.need)
})

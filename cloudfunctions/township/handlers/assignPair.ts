/**
 * 直接对接: the township matches an open need of its list with an open service of its list. Both
 * become `claimed`; the need's village confirms or declines (domain/township/lists.ts says why
 * the provider does not).
 */
import { NOT_STAFF } from '../../../domain/township/access'
import { assignPair as assign } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { refuse } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { knownCaller, NOT_FOUND, seesVillageEntry, townshipStaff } from '../callers'
import { writePair } from '../change'
import { findNeed, findService } from '../repo'
import { needViews } from '../views'

export const assignPair = handler(TOWNSHIP_SCHEMAS.assignPair, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const need = await runTransaction(ctx.db, async (t) => {
    const before = await findNeed(t, input.needId)
    if (!before || !seesVillageEntry(caller, before)) refuse(NOT_FOUND.need)
    const staffer = townshipStaff(caller, before.townshipId) ?? refuse(NOT_STAFF)
    const service = await findService(t, input.serviceId)
    if (!service || service.townshipId !== before.townshipId) refuse(NOT_FOUND.service)
    const side = {
      kind: 'township',
      staffId: staffer._id,
      townshipId: before.townshipId,
    } as const
    const after = assign(before, service, side, ctx.now)
    await writePair(t, { need: before, service }, after, {
      action: 'assignPair',
      who: { actorId: staffer._id, actorName: staffer.name },
      at: ctx.now,
      note: `对接服务“${service.what}”（${service.provider.name}）`,
    })
    return after.need
  })
  const [view] = await needViews(ctx.db, [need])
  return view ?? refuse(NOT_FOUND.need)
})

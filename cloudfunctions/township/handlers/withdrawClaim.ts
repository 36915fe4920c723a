/**
 * 撤回认领: the side that claimed takes its claim back before the other side answers it — the
 * village's committee its claim of a service, the provider (the staff member acting for it) its
 * claim of a need, the township's staff their assignment. Named from either end of the pair; the
 * need and the service are open again and the claim is gone, in one transaction that writes both,
 * so of a withdrawal and a confirmation at once exactly one happens.
 */
import { withdrawClaim as withdraw } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { refuse } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { asSomeSide, readPairOf } from '../answer'
import { knownCaller, NOT_FOUND } from '../callers'
import { writePair } from '../change'
import { needViews, serviceView } from '../views'

export const withdrawClaim = handler(TOWNSHIP_SCHEMAS.withdrawClaim, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const after = await runTransaction(ctx.db, async (t) => {
    const { need, service, sides } = await readPairOf(t, caller, input)
    const { who, result } = asSomeSide(caller, sides, (side) =>
      withdraw(need, service, side, ctx.now),
    )
    await writePair(t, { need, service }, result, {
      action: 'withdrawClaim',
      who,
      at: ctx.now,
      note: `撤回认领：需求“${need.description}”，服务“${service.what}”`,
    })
    return result
  })
  const [need] = await needViews(ctx.db, [after.need])
  return { need: need ?? refuse(NOT_FOUND.need), service: serviceView(after.service) }
})

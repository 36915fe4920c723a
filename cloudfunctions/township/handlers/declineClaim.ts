/**
 * 拒绝认领: the side that did not claim declines, with a reason; the need and the service are open
 * again and the claim is gone (the reason stays on both audit records).
 */
import { declineClaim as decline } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { refuse } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { asSomeSide, readClaim } from '../answer'
import { knownCaller, NOT_FOUND } from '../callers'
import { writePair } from '../change'
import { needViews } from '../views'

export const declineClaim = handler(TOWNSHIP_SCHEMAS.declineClaim, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const need = await runTransaction(ctx.db, async (t) => {
    const {
      need: before,
      service,
      sides,
    } = await readClaim(t, caller, input.needId, 'declineClaim')
    const { who, result } = asSomeSide(caller, sides, (side) =>
      decline(before, service, side, ctx.now),
    )
    await writePair(t, { need: before, service }, result, {
      action: 'declineClaim',
      who,
      at: ctx.now,
      note: input.reason,
    })
    return result.need
  })
  const [view] = await needViews(ctx.db, [need])
  return view ?? refuse(NOT_FOUND.need)
})

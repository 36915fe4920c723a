/**
 * 撤回: an open entry taken off its list — a need by its village's committee, a service by its
 * provider (the staff member who registered it) or the township's staff. A claimed one is
 * refused (decline or take back the claim first); a matched one lives on in the ledger. The
 * transaction writes the entry, which is all the rule reads, so it conflicts with a claim made
 * at the same moment (a claim writes both ends).
 */
import { NOT_STAFF } from '../../../domain/township/access'
import { withdrawNeed, withdrawService } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import type { ListingView } from '../../../types/api/township'
import type { Need, Service } from '../../../types/model/township'
import { refuse } from '../../_shared/authorize'
import { runTransaction, type Database } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { asSomeSide } from '../answer'
import {
  knownCaller,
  NOT_COMMITTEE,
  NOT_FOUND,
  ownerSides,
  seesService,
  seesVillageEntry,
} from '../callers'
import { writeNeed, writeService } from '../change'
import { findNeed, findService } from '../repo'
import { needViews, serviceView } from '../views'

export const withdrawListing = handler(TOWNSHIP_SCHEMAS.withdrawListing, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const act = { action: 'withdrawListing', at: ctx.now }
  const done = await runTransaction(
    ctx.db,
    async (t): Promise<{ need: Need } | { service: Service }> => {
      if (input.kind === 'need') {
        const before = await findNeed(t, input.id)
        if (!before || !seesVillageEntry(caller, before)) refuse(NOT_FOUND.need)
        const sides = ownerSides(caller, before, 'withdrawListing')
        if (sides.length === 0) refuse(NOT_COMMITTEE)
        const { who, result } = asSomeSide(caller, sides, (side) =>
          withdrawNeed(before, side, ctx.now),
        )
        await writeNeed(t, before, result, { ...act, who, note: before.description })
        return { need: result }
      }
      const before = await findService(t, input.id)
      if (!before || !(await seesService(t, caller, before))) refuse(NOT_FOUND.service)
      const sides = ownerSides(caller, before, 'withdrawListing')
      if (sides.length === 0) refuse(NOT_STAFF)
      const { who, result } = asSomeSide(caller, sides, (side) =>
        withdrawService(before, side, ctx.now),
      )
      await writeService(t, before, result, {
        ...act,
        who,
        note: `${before.what}（${before.provider.name}）`,
      })
      return { service: result }
    },
  )
  return view(ctx.db, done)
})

async function view(
  db: Database,
  done: { need: Need } | { service: Service },
): Promise<ListingView> {
  if ('service' in done) return { kind: 'service', service: serviceView(done.service) }
  const [need] = await needViews(db, [done.need])
  return { kind: 'need', need: need ?? refuse(NOT_FOUND.need) }
}

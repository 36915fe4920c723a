/**
 * 台账 of one month (the current one in Shanghai unless named), optionally of one category, in the
 * ledger's order (category by the table, then oldest first): a township's staff see their
 * township's; a village committee its own village's.
 */
import { ledgerByCategoryMonth, shanghaiMonth } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { handler } from '../../_shared/handler'
import { committeeOf, knownCaller, listsOwner } from '../callers'
import { ledgerOfMonth } from '../repo'
import { entryViews } from '../views'

export const listLedger = handler(TOWNSHIP_SCHEMAS.listLedger, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const staff = listsOwner(caller, input.townshipId)
  const owner = staff
    ? { townshipId: staff.townshipId }
    : { villageId: (await committeeOf(ctx, caller, 'viewTownshipLists')).unit.villageId }
  const month = input.month ?? shanghaiMonth(ctx.now)
  const entries = await ledgerOfMonth(ctx.db, { owner, month, category: input.category })
  const ordered = ledgerByCategoryMonth(entries).flatMap((g) => g.entries)
  return { month, items: await entryViews(ctx.db, ordered) }
})

/** 台账 of one month of the caller's township as a CSV file (domain/township/lists.ts ledgerCsv). */
import { ledgerCsv } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { handler } from '../../_shared/handler'
import { knownCaller, ownTownshipStaff, townshipOf } from '../callers'
import { findTownship, ledgerOfMonth } from '../repo'
import { ledgerLookups } from '../views'

export const exportLedger = handler(TOWNSHIP_SCHEMAS.exportLedger, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const { townshipId } = townshipOf(ownTownshipStaff(caller, input.townshipId))
  const [township, entries] = await Promise.all([
    findTownship(ctx.db, townshipId),
    ledgerOfMonth(ctx.db, { owner: { townshipId }, month: input.month }),
  ])
  const csv = ledgerCsv(entries, await ledgerLookups(ctx.db, entries))
  return { filename: `台账-${township?.name ?? townshipId}-${input.month}.csv`, csv }
})

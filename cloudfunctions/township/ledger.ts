/**
 * One act on a ledger entry (progress, completion, rating): in a transaction, read the entry,
 * refuse a caller who does not see it (NOT_FOUND, as for a made-up id), let `decide` ask who may
 * and apply the domain's rule, then write the entry with its audit record.
 */
import type { LedgerEntryView } from '../../types/api/township'
import type { LedgerEntry } from '../../types/model/township'
import { refuse } from '../_shared/authorize'
import { runTransaction } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/handler'
import { NOT_FOUND, seesVillageEntry, type Caller } from './callers'
import { writeEntry, type Who } from './change'
import { findEntry } from './repo'
import { entryViews } from './views'

export async function changeEntry(
  ctx: HandlerContext,
  caller: Caller,
  entryId: string,
  action: string,
  decide: (entry: LedgerEntry) => { after: LedgerEntry; who: Who; note?: string },
): Promise<LedgerEntryView> {
  const after = await runTransaction(ctx.db, async (t) => {
    const entry = await findEntry(t, entryId)
    if (!entry || !seesVillageEntry(caller, entry)) refuse(NOT_FOUND.entry)
    const { after: changed, who, note } = decide(entry)
    await writeEntry(t, entry, changed, { action, who, at: ctx.now, note })
    return changed
  })
  const [view] = await entryViews(ctx.db, [after])
  return view ?? refuse(NOT_FOUND.entry)
}

/**
 * 完成: the township's staff mark an entry done (the village then rates it; the village does not
 * mark it done itself, so the rating is the village's own check on the township's word).
 */
import { NOT_STAFF } from '../../../domain/township/access'
import { completeEntry } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { refuse } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { knownCaller, townshipStaff } from '../callers'
import { changeEntry } from '../ledger'

export const completeLedgerEntry = handler(
  TOWNSHIP_SCHEMAS.completeLedgerEntry,
  async (input, ctx) => {
    const caller = await knownCaller(ctx)
    return changeEntry(ctx, caller, input.entryId, 'completeLedgerEntry', (entry) => {
      const staffer = townshipStaff(caller, entry.townshipId) ?? refuse(NOT_STAFF)
      return {
        after: completeEntry(entry, staffer._id, ctx.now),
        who: { actorId: staffer._id, actorName: staffer.name },
      }
    })
  },
)

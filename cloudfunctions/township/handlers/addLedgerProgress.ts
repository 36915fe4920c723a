/**
 * 进展: a progress report on an entry in progress, by the township's staff (for the provider and
 * the township) or by the committee of the need's village.
 */
import { addProgress } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { handler } from '../../_shared/handler'
import { knownCaller, NOT_FOUND, townshipStaff, villageSide } from '../callers'
import { changeEntry } from '../ledger'

export const addLedgerProgress = handler(TOWNSHIP_SCHEMAS.addLedgerProgress, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  return changeEntry(ctx, caller, input.entryId, 'addLedgerProgress', (entry) => {
    const staffer = townshipStaff(caller, entry.townshipId)
    const who = staffer
      ? { actorId: staffer._id, actorName: staffer.name }
      : (({ memberId, name }) => ({ actorId: memberId, actorName: name }))(
          villageSide(caller, 'reportLedgerProgress', entry, NOT_FOUND.entry),
        )
    const after = addProgress(entry, who.actorId, input.text, ctx.now)
    return { after, who, note: after.progress[after.progress.length - 1]?.text }
  })
})

/** 民意测评 of a pair: the committee of the need's village rates a completed entry once, 1–5. */
import { rateEntry } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { handler } from '../../_shared/handler'
import { knownCaller, NOT_FOUND, villageSide } from '../callers'
import { changeEntry } from '../ledger'

export const rateLedgerEntry = handler(TOWNSHIP_SCHEMAS.rateLedgerEntry, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  return changeEntry(ctx, caller, input.entryId, 'rateLedgerEntry', (entry) => {
    const member = villageSide(caller, 'rateLedgerEntry', entry, NOT_FOUND.entry)
    const after = rateEntry(
      entry,
      { memberId: member.memberId, villageId: member.villageId },
      input.score,
      input.comment,
      ctx.now,
    )
    return {
      after,
      who: { actorId: member.memberId, actorName: member.name },
      note: `${input.score} 分`,
    }
  })
})

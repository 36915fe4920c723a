/**
 * 确认认领: the side that did not claim confirms — the need's village for a provider's claim or
 * the township's assignment, the provider for a village's claim. The need and the service become
 * `matched` and the pair a ledger entry (台账) of the Shanghai month, all in one transaction that
 * writes the need, the service and the entry, so of many confirming at once exactly one does.
 */
import { confirmClaim as confirm, LIST_STATUS_LABELS } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { ledgerContribution } from '../../../domain/dashboard/rollups'
import { audit } from '../../_shared/audit'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { recordRollups } from '../../_shared/rollups'
import { asSomeSide, readClaim } from '../answer'
import { knownCaller } from '../callers'
import { writePair } from '../change'
import { addEntry } from '../repo'
import { entryView, villageNames } from '../views'

export const confirmClaim = handler(TOWNSHIP_SCHEMAS.confirmClaim, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const done = await runTransaction(ctx.db, async (t) => {
    const { need, service, sides } = await readClaim(t, caller, input.needId, 'confirmClaim')
    const { who, result } = asSomeSide(caller, sides, (side) =>
      confirm(need, service, side, ctx.now),
    )
    const entryId = await addEntry(t, result.entry)
    // 两张清单的对接数: the dashboards' count, in the same transaction.
    await recordRollups(t, need.villageId, entryId, ledgerContribution(result.entry), ctx.now)
    await writePair(t, { need, service }, result, {
      action: 'confirmClaim',
      who,
      at: ctx.now,
      note: `台账 ${entryId}`,
    })
    await audit(t, {
      villageId: need.villageId,
      townshipId: need.townshipId,
      subjectType: 'ledger',
      subjectId: entryId,
      action: 'confirmClaim',
      ...who,
      at: ctx.now,
      to: result.entry.status,
      note: `需求“${need.description}”与服务“${service.what}”${LIST_STATUS_LABELS.matched}`,
    })
    return { entry: { ...result.entry, _id: entryId }, need: result.need, service: result.service }
  })
  const names = await villageNames(ctx.db, [done.entry.villageId])
  return entryView(done.entry, {
    villageName: names[done.entry.villageId]?.name ?? '',
    need: done.need,
    service: done.service,
  })
})

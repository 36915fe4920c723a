/**
 * The committee imports the household register (CSV). Households are written whole by their
 * `<villageId>_<户号>` id, so a repeated import converges; the households, the village's counts
 * and the audit record are one transaction, written only when something changed. The import
 * writes the village, so two imports at the same moment take turns.
 * Counts come from the register as read before the transaction: two committee members importing
 * different registers at once could leave them one import behind (the next import mends it).
 */
import { planHouseholdImport, readHouseholdCsv } from '../../../domain/village/households'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { withDefaults } from '../../../domain/village/settings'
import { audit } from '../../_shared/audit'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { loadVillage } from '../../_shared/villages'
import { listHouseholds, patchVillage, saveHouseholds } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const importHouseholds = handler(VILLAGE_SCHEMAS.importHouseholds, async (input, ctx) => {
  const who = await allowedInOwnVillage(ctx, 'importHouseholds')
  const register = readHouseholdCsv(input.csv)
  const existing = await listHouseholds(ctx.db, who.villageId)
  const plan = planHouseholdImport(who.villageId, existing, register.households)
  const skipped = register.rows.filter((r) => !r.ok).length
  const counts = await runTransaction(ctx.db, async (t) => {
    const village = await loadVillage(t, who.villageId)
    const before = withDefaults(village).counts
    const after = { ...before, ...plan.counts }
    const countsChanged = before.adults !== after.adults || before.households !== after.households
    if (!countsChanged && plan.writes.length === 0) return before
    await saveHouseholds(t, plan.writes)
    await patchVillage(t, who.villageId, {
      ...(countsChanged ? { counts: after } : {}),
      updatedAt: ctx.now,
    })
    await audit(t, {
      villageId: who.villageId,
      subjectType: 'village',
      subjectId: who.villageId,
      action: 'importHouseholds',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      from: JSON.stringify({ adults: before.adults, households: before.households }),
      to: JSON.stringify(plan.counts),
      note: `新增 ${plan.created} 户，更新 ${plan.updated} 户，未变 ${plan.unchanged} 户；跳过 ${skipped} 行`,
    })
    return after
  })
  return {
    rows: register.rows,
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    counts,
  }
})

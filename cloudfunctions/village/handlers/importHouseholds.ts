/**
 * The committee imports the household register (CSV). Households are written whole by their
 * `<villageId>_<户号>` id, so a repeated or interrupted import converges; the village's counts and
 * the audit record follow in one transaction, and only when something changed.
 * Counts come from the register as read before the writes: two committee members importing at
 * the same moment could leave them one import behind (the next import or updateVillage mends it).
 */
import { planHouseholdImport, readHouseholdCsv } from '../../../domain/village/households'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { withDefaults } from '../../../domain/village/settings'
import { audit } from '../../_shared/audit'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { loadVillage } from '../../_shared/villages'
import { listHouseholds, saveHouseholds, updateVillage } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const importHouseholds = handler(VILLAGE_SCHEMAS.importHouseholds, async (input, ctx) => {
  const who = await allowedInOwnVillage(ctx, 'importHouseholds')
  const register = readHouseholdCsv(input.csv)
  const existing = await listHouseholds(ctx.db, who.villageId)
  const plan = planHouseholdImport(who.villageId, existing, register.households)
  await saveHouseholds(ctx.db, plan.writes)
  const skipped = register.rows.filter((r) => !r.ok).length
  const counts = await runTransaction(ctx.db, async (t) => {
    const village = await loadVillage(t, who.villageId)
    const before = withDefaults(village).counts
    const after = { ...before, ...plan.counts }
    const countsChanged = before.adults !== after.adults || before.households !== after.households
    if (!countsChanged && plan.writes.length === 0) return before
    if (countsChanged) await updateVillage(t, who.villageId, { counts: after, updatedAt: ctx.now })
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

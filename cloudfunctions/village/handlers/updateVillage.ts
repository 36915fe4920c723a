/**
 * The committee edits its village: name, 说事日, settings (the assembly's delegation 授权 included:
 * recorded with its date, or cleared with `delegation: null`) and the counts the tallies need.
 */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { applyVillageEdit } from '../../../domain/village/settings'
import { audit } from '../../_shared/audit'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { loadVillage } from '../../_shared/villages'
import { patchVillage } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const updateVillage = handler(VILLAGE_SCHEMAS.updateVillage, async (input, ctx) => {
  const who = await allowedInOwnVillage(ctx, 'updateVillage')
  return runTransaction(ctx.db, async (t) => {
    const village = await loadVillage(t, who.villageId)
    const edit = applyVillageEdit(village, input)
    const changed = Object.keys(edit.after).length > 0
    if (changed) {
      // Settings are written whole (a nested object would be merged field by field, so a cleared
      // delegation would stay).
      const { settings, ...rest } = edit.after
      await patchVillage(t, who.villageId, {
        ...rest,
        ...(settings
          ? { settings: ctx.db.command.set(settings) as unknown as typeof settings }
          : {}),
        updatedAt: ctx.now,
      })
      await audit(t, {
        villageId: who.villageId,
        subjectType: 'village',
        subjectId: who.villageId,
        action: 'updateVillage',
        actorId: who.memberId,
        actorName: who.name,
        at: ctx.now,
        from: JSON.stringify(edit.before),
        to: JSON.stringify(edit.after),
      })
    }
    return { id: village._id, ...edit.next, changed }
  })
})

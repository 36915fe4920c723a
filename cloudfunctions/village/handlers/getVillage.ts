/** A member's own village: name, 说事日, counts and settings. */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { handler } from '../../_shared/handler'
import { loadVillage } from '../../_shared/villages'
import { villageView } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const getVillage = handler(VILLAGE_SCHEMAS.getVillage, async (_input, ctx) => {
  const who = await allowedInOwnVillage(ctx, 'viewVillage')
  return villageView(await loadVillage(ctx.db, who.villageId))
})

/** A member's own village: name, 说事日, counts and settings; its 邀请码 for the committee only. */
import { can } from '../../../domain/permissions'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { handler } from '../../_shared/handler'
import { loadVillage } from '../../_shared/villages'
import { villageView } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const getVillage = handler(VILLAGE_SCHEMAS.getVillage, async (_input, ctx) => {
  const who = await allowedInOwnVillage(ctx, 'viewVillage')
  const village = await loadVillage(ctx.db, who.villageId)
  // Those who run the village (and may change it) print or show the code.
  const committee = can(who, 'updateVillage', { villageId: village._id }).allowed
  return {
    ...villageView(village),
    ...(committee && village.inviteCode ? { inviteCode: village.inviteCode } : {}),
  }
})

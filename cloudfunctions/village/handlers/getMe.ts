/** What the app shows at start: the caller's membership (or none) and its village. */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { fail, handler } from '../../_shared/handler'
import { findVillage, villageBrief } from '../../_shared/villages'
import { findMemberByOpenid, memberView } from '../repo'
import { NOT_SIGNED_IN } from '../rules'

export const getMe = handler(VILLAGE_SCHEMAS.getMe, async (_input, ctx) => {
  const openid = ctx.openid ?? fail('UNAUTHENTICATED', NOT_SIGNED_IN)
  const member = await findMemberByOpenid(ctx.db, openid)
  if (!member) return { member: null, village: null }
  const village = await findVillage(ctx.db, member.villageId)
  return { member: memberView(member, true), village: village ? villageBrief(village) : null }
})

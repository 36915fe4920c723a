/** What the app shows at start: the caller's membership (or none) and its village. */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { fail, handler } from '../../_shared/handler'
import { findVillage } from '../../_shared/villages'
import { findMemberByOpenid, memberView, villageView } from '../repo'
import { NOT_SIGNED_IN } from '../rules'

export const getMe = handler(VILLAGE_SCHEMAS.getMe, async (_input, ctx) => {
  const openid = ctx.openid ?? fail('UNAUTHENTICATED', NOT_SIGNED_IN)
  const member = await findMemberByOpenid(ctx.db, openid)
  if (!member) return { member: null, village: null }
  const village = await findVillage(ctx.db, member.villageId)
  const view = village ? villageView(village) : undefined
  return {
    member: memberView(member, true),
    village: view
      ? {
          id: view.id,
          name: view.name,
          talkDays: view.talkDays,
          responseDeadlineDays: view.settings.responseDeadlineDays,
        }
      : null,
  }
})

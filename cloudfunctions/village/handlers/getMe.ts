/**
 * What the app shows at start: the caller's membership the call acts as (the village the event
 * names, or the default one: domain/village/memberships) or none, and its village; with two or
 * more memberships, all of them (切换村子). Two requests; three with several memberships.
 */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { chooseMembership } from '../../../domain/village/memberships'
import { fail, handler } from '../../_shared/handler'
import { membershipBriefs, membershipsOf } from '../../_shared/members'
import { findVillage, villageBrief, villageNames } from '../../_shared/villages'
import { memberView } from '../repo'
import { NOT_SIGNED_IN } from '../rules'

export const getMe = handler(VILLAGE_SCHEMAS.getMe, async (_input, ctx) => {
  const openid = ctx.openid ?? fail('UNAUTHENTICATED', NOT_SIGNED_IN)
  const mine = await membershipsOf(ctx.db, openid)
  const member = chooseMembership(mine, ctx.villageId)
  const several = mine.length > 1
  const [village, names] = await Promise.all([
    member ? findVillage(ctx.db, member.villageId) : undefined,
    several ? villageNames(ctx.db, [...new Set(mine.map((m) => m.villageId))]) : undefined,
  ])
  return {
    member: member ? memberView(member, true) : null,
    village: village ? villageBrief(village) : null,
    ...(names ? { memberships: membershipBriefs(mine, names) } : {}),
  }
})

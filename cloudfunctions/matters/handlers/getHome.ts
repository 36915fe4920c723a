/**
 * 首页 (and 我的) in one call. The membership it answers for is the one the call acts as (the
 * village the event names, or the default one: domain/village/memberships); with two or more, it
 * also lists them all (切换村子), with one more request made beside the village's. Anyone may ask:
 * a caller who is not a verified member learns only their own membership (whatever its status: a pending, declined or left member sees where their
 * request stands), read as getMe reads it, and nothing else is read. A verified member also gets
 * their village, the next 说事日 (today while it lasts) with its agenda in order, the urgent
 * matters being handled and their own latest matters. Four round trips (six requests): the
 * member; the village, the urgent and the own matters at once; the day's agenda; its matters.
 */
import type { HomeView } from '../../../types/api/matters'
import { HOME_MINE, HOME_URGENT, URGENT_IN_HAND } from '../../../domain/matters/rules'
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { currentOrNextTalkDay } from '../../../domain/talkday'
import { handler } from '../../_shared/handler'
import { chooseMembership } from '../../../domain/village/memberships'
import { memberView, membershipBriefs, membershipsOf } from '../../_shared/members'
import { findVillage, villageBrief, villageNames } from '../../_shared/villages'
import { agendaOf } from '../agenda'
import { mattersByIds, queryMatters } from '../repo'
import { toSummary } from '../views'

const NOBODY: Omit<HomeView, 'member'> = { village: null, nextTalkDay: null, urgent: [], mine: [] }

export const getHome = handler(MATTER_SCHEMAS.getHome, async (_input, ctx): Promise<HomeView> => {
  const all = ctx.openid ? await membershipsOf(ctx.db, ctx.openid) : []
  const member = chooseMembership(all, ctx.villageId)
  const names =
    all.length > 1 ? villageNames(ctx.db, [...new Set(all.map((m) => m.villageId))]) : undefined
  names?.catch(() => undefined) // awaited below, on every path
  const list = async () => (names ? { memberships: membershipBriefs(all, await names) } : {})
  if (!member) return { member: null, ...NOBODY, ...(await list()) }
  const view = memberView(member, true)
  if (member.status !== 'verified') return { member: view, ...NOBODY, ...(await list()) }
  const villageId = member.villageId
  const [village, urgent, mine] = await Promise.all([
    findVillage(ctx.db, villageId),
    queryMatters(ctx.db, {
      villageId,
      urgent: true,
      statuses: URGENT_IN_HAND,
      limit: HOME_URGENT,
    }),
    queryMatters(ctx.db, { villageId, raisedBy: member._id, limit: HOME_MINE }),
  ])
  if (!village) return { member: view, ...NOBODY, ...(await list()) }
  const date = currentOrNextTalkDay(ctx.now, village.talkDays)
  const slots = await agendaOf(ctx.db, villageId, date)
  const found = await mattersByIds(
    ctx.db,
    villageId,
    slots.map((s) => s.matterId),
  )
  const byId = new Map(found.map((m) => [m._id, m]))
  return {
    member: view,
    ...(await list()),
    village: villageBrief(village),
    nextTalkDay: {
      date,
      items: slots.flatMap((s) => {
        const m = byId.get(s.matterId)
        return m ? [toSummary(m, ctx.now)] : []
      }),
    },
    urgent: urgent.map((m) => toSummary(m, ctx.now)),
    mine: mine.map((m) => toSummary(m, ctx.now)),
  }
})

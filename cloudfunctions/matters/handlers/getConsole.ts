/**
 * 村务: the committee's console in one call (committee and moderators). Every list is read at once
 * (one round trip of parallel queries, then the agendas' matters and the open polls' titles):
 * the join requests waiting (a count), the raised matters with their 接诉即办 clock (nearest
 * deadline first), the next three 说事日 with their agendas, the matters being carried out, the
 * resolved ones to close, the moderators' queue (a count) and the polls open now.
 */
import type { ConsoleView, IncomingMatter } from '../../../types/api/matters'
import { CONSOLE_SCHEMAS } from '../../../domain/matters/schemas'
import {
  byDeadline,
  CARRIED_OUT,
  CONSOLE_LIST,
  CONSOLE_TALK_DAYS,
  hoursLeft,
  isOverdue,
  upcomingTalkDays,
} from '../../../domain/matters/rules'
import { currentOrNextTalkDay } from '../../../domain/talkday'
import { authorize, verifiedActor } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { countMembers } from '../../_shared/members'
import { openPollsOf, phaseOf } from '../../_shared/polls'
import { moderationPending } from '../../_shared/statements'
import { loadVillage, villageBrief } from '../../_shared/villages'
import { agendasOf } from '../agenda'
import { mattersToClose } from '../console'
import { mattersByIds, queryMatters } from '../repo'
import { toSummary } from '../views'

export const getConsole = handler(
  CONSOLE_SCHEMAS.getConsole,
  async (_input, ctx): Promise<ConsoleView> => {
    const caller = await verifiedActor(ctx)
    const who = authorize(caller, 'viewConsole', { villageId: caller.villageId })
    const villageId = who.villageId
    const { db, now } = ctx
    const [village, pendingMembers, raised, handling, toClose, pending, polls] = await Promise.all([
      loadVillage(db, villageId),
      countMembers(db, villageId, 'pending'),
      queryMatters(db, { villageId, status: 'raised', limit: CONSOLE_LIST }),
      queryMatters(db, { villageId, statuses: CARRIED_OUT, limit: CONSOLE_LIST }),
      mattersToClose(db, villageId, now),
      moderationPending(db, villageId),
      openPollsOf(db, villageId),
    ])
    const first = currentOrNextTalkDay(now, village.talkDays)
    const dates = [
      first,
      ...upcomingTalkDays(
        new Date(`${first}T12:00:00+08:00`),
        village.talkDays,
        CONSOLE_TALK_DAYS - 1,
      ),
    ]
    const agendas = await agendasOf(db, villageId, dates)
    const open = polls.filter((p) => phaseOf(p, now) === 'open')
    const wanted = new Set([
      ...[...agendas.values()].flat().map((s) => s.matterId),
      ...open.map((p) => p.matterId),
    ])
    const found = await mattersByIds(db, villageId, [...wanted])
    const byId = new Map(found.map((m) => [m._id, m]))
    const incoming: IncomingMatter[] = byDeadline(raised).map((m) => ({
      ...toSummary(m, now),
      respondBy: new Date(m.respondBy).toISOString(),
      hoursLeft: hoursLeft(m, now),
    }))
    return {
      roles: [...who.roles],
      village: villageBrief(village),
      pendingMembers,
      incoming,
      overdue: raised.filter((m) => isOverdue(m, now)).length,
      talkDays: dates.map((date) => {
        const slots = agendas.get(date) ?? []
        return {
          date,
          items: slots.flatMap((s) => {
            const m = byId.get(s.matterId)
            return m ? [toSummary(m, now)] : []
          }),
          room: Math.max(0, village.settings.agendaSize - slots.length),
        }
      }),
      handling: handling.map((m) => toSummary(m, now)),
      toClose: toClose.map((m) => toSummary(m, now)),
      moderationPending: pending,
      openPolls: open.flatMap((p) => {
        const m = byId.get(p.matterId)
        return m
          ? [
              {
                id: p._id,
                matterId: p.matterId,
                matterTitle: m.title,
                question: p.question,
                closesAt: new Date(p.closesAt).toISOString(),
              },
            ]
          : []
      }),
    }
  },
)

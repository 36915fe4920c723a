/**
 * 主持: a talk day's run sheet in one call (moderators; committee members may look too): the day's
 * agenda in order, each item with its body, the day's minutes of it, its polls and what the caller
 * may do with it now; the moderators' queue (a count) and the resolved matters to close. Without
 * `talkDay`: today while it is a talk day, else the next one.
 */
import type { RunSheetView } from '../../../types/api/matters'
import { CONSOLE_SCHEMAS } from '../../../domain/matters/schemas'
import { availableActions } from '../../../domain/matters/actions'
import { shanghaiDate } from '../../../domain/shared/time'
import { currentOrNextTalkDay } from '../../../domain/talkday'
import { authorize, verifiedActor } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { visiblePollsOfMatters } from '../../_shared/polls'
import { moderationPending } from '../../_shared/statements'
import { loadVillage } from '../../_shared/villages'
import { agendaOf } from '../agenda'
import { mattersToClose } from '../console'
import { mattersByIds } from '../repo'
import { toSummary } from '../views'

export const getRunSheet = handler(
  CONSOLE_SCHEMAS.getRunSheet,
  async (input, ctx): Promise<RunSheetView> => {
    const caller = await verifiedActor(ctx)
    const who = authorize(caller, 'viewRunSheet', { villageId: caller.villageId })
    const villageId = who.villageId
    const { db, now } = ctx
    const talkDay =
      input.talkDay ?? currentOrNextTalkDay(now, (await loadVillage(db, villageId)).talkDays)
    const [slots, pending, toClose] = await Promise.all([
      agendaOf(db, villageId, talkDay),
      moderationPending(db, villageId),
      mattersToClose(db, villageId, now),
    ])
    const found = await mattersByIds(
      db,
      villageId,
      slots.map((s) => s.matterId),
    )
    const polls = await visiblePollsOfMatters(db, who, found, now)
    const byId = new Map(found.map((m) => [m._id, m]))
    return {
      talkDay,
      today: talkDay === shanghaiDate(now),
      items: slots.flatMap((s) => {
        const m = byId.get(s.matterId)
        if (!m) return []
        return [
          {
            ...toSummary(m, now),
            body: m.body,
            minutes: s.minutes?.text ?? '',
            polls: polls.get(m._id) ?? [],
            can: availableActions(who, m, now),
          },
        ]
      }),
      moderationPending: pending,
      toClose: toClose.map((m) => toSummary(m, now)),
    }
  },
)

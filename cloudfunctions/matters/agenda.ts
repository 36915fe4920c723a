/** Putting matters on a 说事日's agenda (议程), inside the caller's transaction. */
import type { LocalDate } from '../../types/model/common'
import type { Agenda } from '../../types/model/matter'
import type { Village } from '../../types/model/member'
import { isTalkDay } from '../../domain/talkday'
import { AGENDA_LOOKAHEAD, upcomingTalkDays } from '../../domain/matters/rules'
import { shanghaiDate } from '../../domain/shared/time'
import type { Transaction } from '../_shared/cloud'
import { fail } from '../_shared/handler'
import { agendaId, findAgenda, saveAgenda } from './repo'

function emptyAgenda(villageId: string, date: LocalDate, now: Date): Agenda {
  return {
    _id: agendaId(villageId, date),
    villageId,
    date,
    matterIds: [],
    minutes: {},
    updatedAt: now,
  }
}

/**
 * Adds the matter to `date`'s agenda, or to the next talk day with room when no date is given.
 * Returns the date it went to.
 */
export async function placeOnAgenda(
  t: Transaction,
  village: Village,
  matterId: string,
  now: Date,
  date?: LocalDate,
): Promise<LocalDate> {
  const size = village.settings.agendaSize
  if (date) {
    if (!isTalkDay(new Date(`${date}T12:00:00+08:00`), village.talkDays)) {
      fail('INVALID_INPUT', `${date} 不是本村的说事日。`)
    }
    if (date <= shanghaiDate(now)) fail('INVALID_INPUT', '只能排到以后的说事日。')
  }
  const candidates = date ? [date] : upcomingTalkDays(now, village.talkDays, AGENDA_LOOKAHEAD)
  for (const day of candidates) {
    const agenda = (await findAgenda(t, village._id, day)) ?? emptyAgenda(village._id, day, now)
    if (agenda.matterIds.includes(matterId)) return day
    if (agenda.matterIds.length < size) {
      await saveAgenda(t, { ...agenda, matterIds: [...agenda.matterIds, matterId], updatedAt: now })
      return day
    }
  }
  return fail(
    'CONFLICT',
    date ? `${date} 的议程已满（最多 ${size} 件）。` : '接下来的说事日议程都满了，请先调整议程。',
  )
}

/** Takes the matter off `date`'s agenda (nothing to do when it is not there). */
export async function removeFromAgenda(
  t: Transaction,
  villageId: string,
  matterId: string,
  date: LocalDate,
  now: Date,
): Promise<void> {
  const agenda = await findAgenda(t, villageId, date)
  if (!agenda || !agenda.matterIds.includes(matterId)) return
  await saveAgenda(t, {
    ...agenda,
    matterIds: agenda.matterIds.filter((id) => id !== matterId),
    updatedAt: now,
  })
}

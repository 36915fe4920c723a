/**
 * Time rules of a matter: the response deadline (接诉即办), the rating window (民意测评), and which
 * talk days an accepted matter can go to. Pure: the clock is an argument.
 */
import type { LocalDate } from '../../types/model/common'
import type { Matter, MatterStatus } from '../../types/model/matter'
import { nextTalkDay } from '../talkday'
import { shanghaiDate } from '../shared/time'

const DAY_MS = 24 * 60 * 60 * 1000

/** 首页: the caller's own matters it shows (latest raised first). */
export const HOME_MINE = 5
/** 首页: the urgent matters being handled it shows (newest first). */
export const HOME_URGENT = 10
/** 村务: how many coming 说事日 the console shows with their agendas. */
export const CONSOLE_TALK_DAYS = 3
/** 村务: the most matters one list of the console holds (incoming, being carried out, to close). */
export const CONSOLE_LIST = 200
/** 村务: the statuses of a matter being carried out (assign handling, report, resolve). */
export const CARRIED_OUT: readonly MatterStatus[] = ['decided', 'handling']

/** 遇事解事: the statuses of an urgent matter that is being handled (首页 lists them). */
export const URGENT_IN_HAND: readonly MatterStatus[] = [
  'accepted',
  'discussing',
  'deciding',
  'decided',
  'handling',
]

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS)
}

const HOUR_MS = 60 * 60 * 1000

/** 接诉即办: milliseconds until the response deadline (`respondBy`, set on raising from the village's responseDeadlineDays); negative once past. */
function msLeft(matter: Pick<Matter, 'respondBy'>, now: Date): number {
  return new Date(matter.respondBy).getTime() - now.getTime()
}

/** A raised matter past its response deadline, still neither accepted nor declined. */
export function isOverdue(matter: Pick<Matter, 'status' | 'respondBy'>, now: Date): boolean {
  return matter.status === 'raised' && msLeft(matter, now) < 0
}

/**
 * 接诉即办: whole hours left until the response deadline, rounded down (towards minus infinity:
 * one minute past the deadline is −1), so it is negative exactly when `isOverdue` holds.
 */
export function hoursLeft(matter: Pick<Matter, 'respondBy'>, now: Date): number {
  return Math.floor(msLeft(matter, now) / HOUR_MS)
}

/** Raised matters, the nearest deadline (or the longest overdue) first; ties by id. */
export function byDeadline<M extends Pick<Matter, '_id' | 'respondBy'>>(
  matters: readonly M[],
): M[] {
  return [...matters].sort(
    (a, b) =>
      new Date(a.respondBy).getTime() - new Date(b.respondBy).getTime() ||
      (a._id < b._id ? -1 : a._id > b._id ? 1 : 0),
  )
}

/** Members may rate a resolved matter until its window ends. */
export function ratingOpen(matter: Pick<Matter, 'status' | 'ratingEndsAt'>, now: Date): boolean {
  return (
    matter.status === 'resolved' &&
    matter.ratingEndsAt !== undefined &&
    now.getTime() < new Date(matter.ratingEndsAt).getTime()
  )
}

/** A moderator closes a resolved matter once the rating window is over. */
export function closable(matter: Pick<Matter, 'status' | 'ratingEndsAt'>, now: Date): boolean {
  return (
    matter.status === 'resolved' &&
    matter.ratingEndsAt !== undefined &&
    now.getTime() >= new Date(matter.ratingEndsAt).getTime()
  )
}

/** The next `count` talk days after today (Shanghai), in order. */
export function upcomingTalkDays(
  now: Date,
  talkDays: readonly number[],
  count: number,
): LocalDate[] {
  const out: LocalDate[] = []
  let from: Date = now
  while (out.length < count) {
    const next = nextTalkDay(from, talkDays)
    out.push(next)
    // Noon of that day in Shanghai: the following call looks strictly after it.
    from = new Date(`${next}T12:00:00+08:00`)
  }
  return out
}

/** How far ahead acceptance looks for an agenda with room. */
export const AGENDA_LOOKAHEAD = 12

/**
 * The discussion of a matter starts on its 说事日 (in Shanghai), or at once for an urgent one.
 */
export function discussionMayStart(
  matter: Pick<Matter, 'status' | 'urgent' | 'talkDay'>,
  now: Date,
): boolean {
  if (matter.status !== 'accepted') return false
  return matter.urgent || matter.talkDay === shanghaiDate(now)
}

/** Minutes of a matter on a talk day's agenda: from that day on, while it is accepted or discussed. */
export function minutesOpen(matter: Pick<Matter, 'status' | 'talkDay'>, now: Date): boolean {
  return (
    (matter.status === 'accepted' || matter.status === 'discussing') &&
    matter.talkDay !== undefined &&
    matter.talkDay <= shanghaiDate(now)
  )
}

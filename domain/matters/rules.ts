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

/** A raised matter past its response deadline, still neither accepted nor declined. */
export function isOverdue(matter: Pick<Matter, 'status' | 'respondBy'>, now: Date): boolean {
  return matter.status === 'raised' && now.getTime() > new Date(matter.respondBy).getTime()
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

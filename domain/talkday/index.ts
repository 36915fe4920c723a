/**
 * The 说事日 calendar (逢四说事): the days of the month on which the village meets.
 * All dates are Shanghai calendar dates, whatever the clock of the machine says.
 */
import { DomainError } from '../shared/errors'
import {
  calendarDay,
  daysBetween,
  formatMonthDayWeekday,
  shanghaiDate,
  type Instant,
  type LocalDate,
} from '../shared/time'

/** Every day of the month whose date contains a 4. */
export const DEFAULT_TALK_DAYS: readonly number[] = [4, 14, 24]

/** How far ahead a talk day is looked for; any day 1–31 occurs within two months. */
const MONTHS_AHEAD = 13

function invalid(detail: string): DomainError {
  return new DomainError('INVALID_TALK_DAYS', `说事日设置有误：${detail}`)
}

/**
 * Checks a village's list of talk days and returns it sorted without repeats.
 * Each day is a whole number from 1 to 31; the list may not be empty.
 */
export function validateTalkDays(days: unknown): number[] {
  if (!Array.isArray(days)) throw invalid('应当是日期的列表')
  if (days.length === 0) throw invalid('至少要有一天')
  for (const day of days) {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 31) {
      throw invalid(`“${String(day)}”不是 1 到 31 之间的日子`)
    }
  }
  return [...new Set(days as number[])].sort((a, b) => a - b)
}

/**
 * The talk days of one month (`month` 1–12), as Shanghai dates in order. A configured day the
 * month lacks (31 in April, 30 in February) is skipped that month, not moved.
 */
export function talkDaysOfMonth(
  year: number,
  month: number,
  days: readonly number[] = DEFAULT_TALK_DAYS,
): LocalDate[] {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) {
    throw new DomainError('INVALID_INPUT', `年份“${String(year)}”不对`)
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new DomainError('INVALID_INPUT', `月份“${String(month)}”不对，应当是 1 到 12`)
  }
  const valid = validateTalkDays(days)
  const first = calendarDay(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`)
  const length = first.daysInMonth()
  return valid.filter((day) => day <= length).map((day) => first.date(day).format('YYYY-MM-DD'))
}

/** Whether the Shanghai date of `instant` is a talk day. */
export function isTalkDay(instant: Instant, days: readonly number[] = DEFAULT_TALK_DAYS): boolean {
  const today = shanghaiDate(instant)
  const d = calendarDay(today)
  return talkDaysOfMonth(d.year(), d.month() + 1, days).includes(today)
}

/** The first talk day strictly after the Shanghai date of `instant`. */
export function nextTalkDay(
  instant: Instant,
  days: readonly number[] = DEFAULT_TALK_DAYS,
): LocalDate {
  const today = shanghaiDate(instant)
  let month = calendarDay(today).date(1)
  for (let i = 0; i < MONTHS_AHEAD; i += 1) {
    const found = talkDaysOfMonth(month.year(), month.month() + 1, days).find((d) => d > today)
    if (found) return found
    month = month.add(1, 'month')
  }
  // Unreachable for a validated list: every day 1–31 occurs within two months.
  throw invalid('找不到下一个说事日')
}

/**
 * The talk day 首页 looks ahead to: today while it is a talk day (until the day ends in Shanghai),
 * else the next one.
 */
export function currentOrNextTalkDay(
  instant: Instant,
  days: readonly number[] = DEFAULT_TALK_DAYS,
): LocalDate {
  return isTalkDay(instant, days) ? shanghaiDate(instant) : nextTalkDay(instant, days)
}

export interface TalkDayStatus {
  /** Today's Shanghai date. */
  today: LocalDate
  /** Whether today is a talk day. */
  isToday: boolean
  /** The next talk day after today. */
  next: LocalDate
  /** Whole days from today to `next` (1 = tomorrow). */
  daysUntilNext: number
}

/** Everything the home screen needs to say about the calendar at `instant`. */
export function talkDayStatus(
  instant: Instant,
  days: readonly number[] = DEFAULT_TALK_DAYS,
): TalkDayStatus {
  const today = shanghaiDate(instant)
  const next = nextTalkDay(instant, days)
  return { today, isToday: isTalkDay(instant, days), next, daysUntilNext: daysBetween(today, next) }
}

/** `下一个说事日：11月24日（星期二）· 还有 3 天` (tomorrow reads `明天`). */
export function nextTalkDayLabel(status: TalkDayStatus): string {
  const when = status.daysUntilNext === 1 ? '明天' : `还有 ${status.daysUntilNext} 天`
  return `下一个说事日：${formatMonthDayWeekday(status.next)}· ${when}`
}

/** `每月 4日、14日、24日` */
export function scheduleLabel(days: readonly number[] = DEFAULT_TALK_DAYS): string {
  return `每月 ${validateTalkDays(days)
    .map((d) => `${d}日`)
    .join('、')}`
}

export const TODAY_IS_TALK_DAY_LABEL = '今天是说事日'

import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { LocalDate } from '../../types/model/common'

dayjs.extend(utc)

/**
 * Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact.
 * We use it instead of dayjs' timezone plugin because that one needs the Intl time-zone data, which
 * not every phone's WeChat JavaScript engine carries.
 */
export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60

/** A moment in time: a Date, epoch milliseconds, or an ISO 8601 string with its offset. */
export type Instant = Date | number | string

/** A calendar date in Shanghai, `YYYY-MM-DD` (declared once, in the contract). */
export type { LocalDate } from '../../types/model/common'

export const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/**
 * The instant as seen on a clock in Shanghai: a UTC-mode Dayjs moved on by eight hours, so its
 * fields (`date()`, `hour()`) and `format()` read what that clock shows. It is a wall-clock
 * reading, not an instant: its `valueOf()` is eight hours off, so never compare it with one.
 * (dayjs' `utcOffset(480)` goes through the machine's own offset and reads an hour wrong around
 * that zone's daylight-saving changes, e.g. 00:00 on 4 October 2026 in Shanghai read as 23:00
 * the day before on a machine in Sydney.)
 */
export function inShanghai(instant: Instant): Dayjs {
  return dayjs.utc(instant).add(SHANGHAI_UTC_OFFSET_MINUTES, 'minute')
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Instant): LocalDate {
  return inShanghai(instant).format('YYYY-MM-DD')
}

/** A calendar date as a date-only value (midnight UTC), for day arithmetic free of offsets. */
export function calendarDay(date: LocalDate): Dayjs {
  return dayjs.utc(date)
}

/** Whole days from one calendar date to another (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return calendarDay(to).diff(calendarDay(from), 'day')
}

/** `11月24日（星期二）` */
export function formatMonthDayWeekday(date: LocalDate): string {
  const d = calendarDay(date)
  return `${d.month() + 1}月${d.date()}日（${WEEKDAYS_ZH[d.day()]}）`
}

/**
 * 接诉即办: the clock of a raised matter in words (the whole hours left are `hoursLeft` in
 * ./rules.ts, shared with the back end's overdue flag). Pure: the clock is an argument.
 */
import type { Instant } from '../shared/time'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/** When the committee must answer a matter raised at `raisedAt` (the deadline in days). */
export function respondByOf(raisedAt: Instant, responseDeadlineDays: number): Date {
  return new Date(new Date(raisedAt).getTime() + responseDeadlineDays * DAY_MS)
}

/** `2 天 5 小时`, `3 小时`, `不到 1 小时`, from a number of whole hours (≥ 0). */
export function durationWords(hours: number): string {
  if (hours < 1) return '不到 1 小时'
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  if (days === 0) return `${rest} 小时`
  return rest === 0 ? `${days} 天` : `${days} 天 ${rest} 小时`
}

/**
 * The clock in words: `还剩 1 天 3 小时答复` while there is time, `已超期 2 天 5 小时` after (both
 * rounded down to whole hours).
 */
export function clockWords(respondBy: Instant, now: Instant): string {
  const ms = new Date(respondBy).getTime() - new Date(now).getTime()
  const hours = Math.floor(Math.abs(ms) / HOUR_MS)
  return ms >= 0 ? `还剩 ${durationWords(hours)}答复` : `已超期 ${durationWords(hours)}`
}

/** Whether the clock should be drawn as urgent (red): overdue, or less than a day left. */
export function clockAlarm(hours: number): boolean {
  return hours < 24
}

/**
 * The moderator's timer per agenda item, kept on the phone (so leaving the page, or the app, does
 * not lose it): when it was started and, once stopped, when. It counts up; no sound.
 */
import Taro from '@tarojs/taro'

export interface TimerMark {
  startedAt: number
  stoppedAt?: number
}

const key = (talkDay: string, matterId: string) => `fengsi.timer.${talkDay}.${matterId}`

export function loadTimer(talkDay: string, matterId: string): TimerMark | undefined {
  try {
    const stored: unknown = Taro.getStorageSync(key(talkDay, matterId))
    return stored && typeof stored === 'object' && 'startedAt' in stored
      ? (stored as TimerMark)
      : undefined
  } catch {
    return undefined
  }
}

export function saveTimer(talkDay: string, matterId: string, mark: TimerMark | undefined): void {
  try {
    if (mark) Taro.setStorageSync(key(talkDay, matterId), mark)
    else Taro.removeStorageSync(key(talkDay, matterId))
  } catch {
    // Storage unavailable: the timer lives while the page does.
  }
}

/** Milliseconds on the timer at `now`. */
export function elapsed(mark: TimerMark | undefined, now: number): number {
  if (!mark) return 0
  return Math.max(0, (mark.stoppedAt ?? now) - mark.startedAt)
}

/** `07:05`, `1:02:03` past an hour. */
export function clockWords(ms: number): string {
  const s = Math.floor(ms / 1000)
  const two = (n: number) => String(n).padStart(2, '0')
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`
}

const currentKey = (talkDay: string) => `fengsi.runsheet.${talkDay}`

/** Which agenda item the moderator is on (its matter id), kept on the phone. */
export function loadCurrent(talkDay: string): string | undefined {
  try {
    const stored: unknown = Taro.getStorageSync(currentKey(talkDay))
    return typeof stored === 'string' && stored ? stored : undefined
  } catch {
    return undefined
  }
}

export function saveCurrent(talkDay: string, matterId: string): void {
  try {
    Taro.setStorageSync(currentKey(talkDay), matterId)
  } catch {
    // Storage unavailable.
  }
}

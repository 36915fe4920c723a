import type { Envelope } from '../../types/api'
import { DEFAULT_TALK_DAYS } from '../../domain/talkday'

/**
 * The village's talk days. Until the `village` function serves a village's own settings (the
 * governance issue), every village meets on the default days 4, 14 and 24; this is the one place
 * that will then call `callFunction('village', …)`.
 */
export async function loadTalkDays(): Promise<Envelope<readonly number[]>> {
  return { ok: true, data: DEFAULT_TALK_DAYS }
}

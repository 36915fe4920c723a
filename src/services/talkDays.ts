import type { Envelope } from '../../types/api'
import { DEFAULT_TALK_DAYS } from '../../domain/talkday'

/**
 * The talk days the home screen shows. For now the default 4, 14 and 24 for everyone; when the
 * mini-program knows its member (the screens-for-every-role issue), this is the one place to ask
 * `callFunction('village', 'getMe', {})`, which answers the member's village and its talkDays.
 */
export async function loadTalkDays(): Promise<Envelope<readonly number[]>> {
  return { ok: true, data: DEFAULT_TALK_DAYS }
}

// The `village` function: villages, members, households, roles. One handler per action.
import type { Envelope } from '../../types/api'
import { whoami } from './handlers/whoami'

interface Event {
  action?: unknown
  payload?: unknown
}

export const main = async (event: Event): Promise<Envelope<unknown>> => {
  switch (event.action) {
    case 'whoami':
      return whoami()
    default:
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: `未知的操作：${String(event.action)}` },
      }
  }
}

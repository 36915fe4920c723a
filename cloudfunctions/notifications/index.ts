// The `notifications` function: subscription messages (订阅消息) — a member records what WeChat's
// dialog allowed (subscribe); the messages themselves are written by the events' own functions
// through _shared/notify.ts.
import type { NotificationsApi } from '../../types/api/notifications'
import { createMain, type Handlers } from '../_shared/handler'
import { subscribe } from './handlers/subscribe'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<NotificationsApi> = { subscribe }

export const main = createMain<NotificationsApi>('notifications', HANDLERS)

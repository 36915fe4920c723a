import type { ActionSpec } from './envelope'
import type { NotificationTopic } from '../model/notification'

/** Actions of the `notifications` function (subscription messages, 订阅消息). */
export interface NotificationsApi {
  /**
   * The caller accepted WeChat's subscription dialog for a topic: a matter they raised
   * (`matterAnswered`, subjectId the matter), a poll (`pollResult`, subjectId the poll), or the
   * committee's notices (`committee`, committee members only; subjectId ignored), or the whistles
   * of a staff member's unit (`staff`, subjectId one of the caller's own staff records). Idempotent.
   */
  subscribe: ActionSpec<
    { topic: NotificationTopic; subjectId: string; templateIds: string[] },
    { subscribed: boolean }
  >
}

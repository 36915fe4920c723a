/** The input of the `notifications` function's actions. */
import * as v from 'valibot'
import type { NotificationsApi } from '../../types/api/notifications'
import type { NotificationTopic } from '../../types/model/notification'
import { id, payload } from '../shared/validate'

export const TOPICS: readonly NotificationTopic[] = [
  'matterAnswered',
  'pollResult',
  'committee',
  'staff',
]

/** A template id as WeChat's dialog gives it back (letters, digits, `-` and `_`). */
const templateId = v.pipe(
  v.string('消息模板不对'),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, '消息模板不对'),
)

export const NOTIFICATION_SCHEMAS = {
  subscribe: payload({
    topic: v.picklist(TOPICS, '要订阅的消息不对'),
    subjectId: id('订阅的事项、表决或工作岗位'),
    templateIds: v.pipe(
      v.array(templateId, '消息模板不对'),
      v.minLength(1, '请至少同意一种消息'),
      v.maxLength(5, '消息模板太多了'),
    ),
  }),
} satisfies {
  [A in keyof NotificationsApi]: v.GenericSchema<unknown, NotificationsApi[A]['request']>
}

/**
 * Stored shapes of the `notifications` aggregate: what a person asked to be told (subscriptions,
 * one per person, topic and subject) and the messages sent (outbox, one per person and event).
 */

/**
 * matterAnswered: the raiser, when the committee accepts, declines or merges their matter;
 * pollResult: a member who asked on a poll's page, when its result is out;
 * committee: a committee member, for matters raised, join requests and matters near their deadline.
 */
export type NotificationTopic = 'matterAnswered' | 'pollResult' | 'committee'

/**
 * matterRaised, joinRequested, responseDue go to the committee; matterAnswered to the raiser;
 * pollResult to those who asked.
 */
export type NotificationEvent =
  'matterRaised' | 'joinRequested' | 'responseDue' | 'matterAnswered' | 'pollResult'

/** `_id` = `<topic>_<subjectId>_<memberId>` (subjectId `village` for the committee topic). */
export interface Subscription {
  _id: string
  villageId: string
  memberId: string
  topic: NotificationTopic
  subjectId: string
  /** The template ids the person accepted in WeChat's dialog. */
  templateIds: string[]
  createdAt: Date
  /** One-time subscriptions are used up by the message they allowed. */
  usedAt?: Date
}

/**
 * One message to one person about one event. `_id` = `<event>_<subjectId>_<memberId>`: at most one
 * message per person per event, whatever the retries.
 */
export interface OutboxMessage {
  _id: string
  villageId: string
  memberId: string
  event: NotificationEvent
  subjectId: string
  /** The page the message opens (a route with its query). */
  page: string
  /** The template's fields, already in words (thing1, time2 …). */
  data: Record<string, string>
  createdAt: Date
  /** queued: waiting for the sender; sent: the platform took it; failed: with the platform's reason. */
  status: 'queued' | 'sent' | 'failed'
  sentAt?: Date
  error?: string
}

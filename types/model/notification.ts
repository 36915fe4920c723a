/**
 * Stored shapes of the `notifications` aggregate: what a person asked to be told (subscriptions,
 * one per person, topic and subject) and the messages sent (outbox, one per person and event).
 *
 * Two kinds of recipient share both collections: a village member (`memberId`, the shapes stored
 * since the first release, unchanged) and a staff record above the village (#14: `staffId`,
 * topic `staff`). A document with a `staffId` is a staff record's; every other one a member's, so
 * documents stored before staff could subscribe keep their shape and their meaning.
 */

/**
 * matterAnswered: the raiser, when the committee accepts, declines or merges their matter;
 * pollResult: a member who asked on a poll's page, when its result is out;
 * committee: a committee member, for matters raised, join requests and matters near their deadline;
 * staff: a staff record of a department, township or district, for the whistles its unit must answer.
 */
export type NotificationTopic = 'matterAnswered' | 'pollResult' | 'committee' | 'staff'

/** The topics a village member subscribes to. */
export type MemberTopic = Exclude<NotificationTopic, 'staff'>

/**
 * matterRaised, joinRequested, responseDue go to the committee; matterAnswered to the raiser;
 * pollResult to those who asked; whistleBlown to the staff of the department a whistle names,
 * whistleEscalated to the staff of the township or district the clock took it to.
 */
export type NotificationEvent =
  | 'matterRaised'
  | 'joinRequested'
  | 'responseDue'
  | 'matterAnswered'
  | 'pollResult'
  | 'whistleBlown'
  | 'whistleEscalated'

/** A member's: `_id` = `<topic>_<subjectId>_<memberId>` (subjectId `village` for the committee topic). */
export interface Subscription {
  _id: string
  villageId: string
  memberId: string
  topic: MemberTopic
  subjectId: string
  /** The template ids the person accepted in WeChat's dialog. */
  templateIds: string[]
  createdAt: Date
  /** One-time subscriptions are used up by the message they allowed. */
  usedAt?: Date
}

/**
 * A staff record's (#14): `_id` = `staff_<subjectId>_<staffId>`, subjectId the record's unit
 * (`department_<id>`, `township_<id>`, `district_<id>`: domain/notifications/rules.ts
 * `unitSubject`). Keyed by the staff record, never by a membership; owned by its district.
 */
export interface StaffSubscription {
  _id: string
  staffId: string
  districtId: string
  topic: 'staff'
  subjectId: string
  templateIds: string[]
  createdAt: Date
  usedAt?: Date
}

interface MessageBase {
  _id: string
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

/** To a village member (every event but the whistles'). */
export interface MemberMessage extends MessageBase {
  villageId: string
  memberId: string
  staffId?: undefined
}

/** To a staff record (#14, the whistles' events): no village, no member. */
export interface StaffMessage extends MessageBase {
  staffId: string
  districtId: string
  villageId?: undefined
  memberId?: undefined
}

/**
 * One message to one person about one event. `_id` = `<event>_<subjectId>_<memberId>` (or
 * `_<staffId>`): at most one message per person per event, whatever the retries.
 */
export type OutboxMessage = MemberMessage | StaffMessage

/**
 * Subscription messages (订阅消息), pure: which message goes to whom for an event, the ids that keep
 * it to one per person and event, and the template's fields in plain words. Few and useful:
 *
 * - matterRaised, joinRequested, responseDue → committee members subscribed to topic `committee`;
 * - matterAnswered → the raiser, when the committee accepts, declines or merges their matter, if
 *   they subscribed on that matter (right after raising it);
 * - pollResult → the members who subscribed on that poll, when it is counted;
 * - whistleBlown, whistleEscalated → staff records subscribed to topic `staff` for the unit that
 *   must answer (./whistle.ts).
 *
 * Never to someone who already acted: not to the committee member who raised the matter or answered
 * it, no responseDue once the matter is no longer waiting (answered or withdrawn). Subscriptions
 * are one-time (WeChat's 一次性订阅): the message uses its subscription up; a used one sends nothing.
 */
import type { LocalDate } from '../../types/model/common'
import type {
  NotificationEvent,
  NotificationTopic,
  Subscription,
} from '../../types/model/notification'
import type { Matter } from '../../types/model/matter'
import { ROUTES, withQuery } from '../../src/routes'
import { hoursLeft } from '../matters/rules'
import { formatMonthDayWeekday, inShanghai } from '../shared/time'

/** responseDue: the committee is reminded once a raised matter is this close to its deadline. */
export const RESPONSE_DUE_HOURS = 24

/** The subject of the committee's subscriptions (one per member, for the whole village). */
export const COMMITTEE_SUBJECT = 'village'

/** Which topic's subscribers an event goes to. */
export const TOPIC_OF: Record<NotificationEvent, NotificationTopic> = {
  matterRaised: 'committee',
  joinRequested: 'committee',
  responseDue: 'committee',
  matterAnswered: 'matterAnswered',
  pollResult: 'pollResult',
  whistleBlown: 'staff',
  whistleEscalated: 'staff',
}

/** The subscription's subject for a topic (`village` for the committee). */
export function subscriptionSubject(topic: NotificationTopic, subjectId: string): string {
  return topic === 'committee' ? COMMITTEE_SUBJECT : subjectId
}

/** `<topic>_<subjectId>_<memberId>`: one subscription per person, topic and subject. */
export function subscriptionId(topic: NotificationTopic, subjectId: string, memberId: string) {
  return `${topic}_${subscriptionSubject(topic, subjectId)}_${memberId}`
}

/** `<event>_<subjectId>_<memberId>`: at most one message per person per event. */
export function outboxId(event: NotificationEvent, subjectId: string, memberId: string): string {
  return `${event}_${subjectId}_${memberId}`
}

/** The subscription an event about `subjectId` uses for `memberId`. */
export function subscriptionFor(event: NotificationEvent, subjectId: string, memberId: string) {
  return subscriptionId(TOPIC_OF[event], subjectId, memberId)
}

/** A subscription still allows a message (one-time: not used yet). */
export function usable(s: Pick<Subscription, 'usedAt'> | undefined): boolean {
  return s !== undefined && s.usedAt === undefined
}

/** What is known of an event when deciding who is told. */
export interface EventFacts {
  event: NotificationEvent
  subjectId: string
  /** The member whose act is the event (the raiser, the committee member who answered): not told. */
  actorId?: string
  /** responseDue: the matter as it stands now. */
  matter?: Pick<Matter, 'status' | 'respondBy'>
  now: Date
}

/** Whether the event still calls for a message at all (nobody has acted on it meanwhile). */
export function eventStillDue(facts: EventFacts): boolean {
  if (facts.event !== 'responseDue') return true
  const m = facts.matter
  return m !== undefined && m.status === 'raised' && responseDueNow(m, facts.now)
}

/** responseDue: a raised matter within RESPONSE_DUE_HOURS of its deadline (or past it). */
export function responseDueNow(m: Pick<Matter, 'status' | 'respondBy'>, now: Date): boolean {
  return m.status === 'raised' && hoursLeft(m, now) < RESPONSE_DUE_HOURS
}

/** The members who get the event's message: each usable subscription once, never the actor. */
export function recipients(
  facts: EventFacts,
  subscriptions: ReadonlyArray<
    Pick<Subscription, '_id' | 'memberId' | 'topic' | 'subjectId' | 'usedAt'>
  >,
): string[] {
  if (!eventStillDue(facts)) return []
  const wanted = new Set<string>()
  for (const s of subscriptions) {
    if (!usable(s) || s.memberId === facts.actorId) continue
    if (s._id !== subscriptionFor(facts.event, facts.subjectId, s.memberId)) continue
    wanted.add(s.memberId)
  }
  return [...wanted].sort()
}

/**
 * matterAnswered: the raiser to tell, or nobody — a committee's own topic has no raiser to tell,
 * and a committee member who answers their own matter already knows.
 */
export function raiserToTell(
  matter: Pick<Matter, 'raisedBy' | 'origin'>,
  actorId: string,
): string | undefined {
  if (matter.origin === 'committee' || matter.raisedBy === actorId) return undefined
  return matter.raisedBy
}

// ---- the messages' words ---------------------------------------------------------------------

/** WeChat's `thing` fields hold at most 20 characters. */
const THING_MAX = 20

/** Text for a `thing` field: at most 20 characters, cut with an ellipsis. */
export function thing(text: string): string {
  const chars = [...text.trim()]
  return chars.length <= THING_MAX ? chars.join('') : `${chars.slice(0, THING_MAX - 1).join('')}…`
}

/** `2026年11月21日 09:00` (Shanghai): WeChat's `time` fields. */
export function timeWords(at: Date | string): string {
  return inShanghai(at).format('YYYY年M月D日 HH:mm')
}

/** A page a message opens: the route without its leading slash (WeChat's `page`). */
export function page(route: string): string {
  return route.replace(/^\//, '')
}

/** One message's template fields and the page it opens. */
export interface MessageContent {
  page: string
  data: Record<string, string>
}

export function matterRaisedMessage(m: {
  id: string
  title: string
  raisedByName: string
  raisedAt: Date
}): MessageContent {
  return {
    page: page(withQuery(ROUTES.committeeMatter, { id: m.id })),
    data: {
      thing1: thing(m.title),
      name2: thing(m.raisedByName),
      time3: timeWords(m.raisedAt),
      thing4: '村民提了一件事，请按时答复',
    },
  }
}

export function joinRequestedMessage(r: {
  name: string
  villageName: string
  at: Date
}): MessageContent {
  return {
    page: page(ROUTES.members),
    data: {
      name1: thing(r.name),
      thing2: thing(r.villageName),
      time3: timeWords(r.at),
      thing4: '有人申请加入本村，请审核',
    },
  }
}

export function responseDueMessage(
  m: { id: string; title: string; respondBy: Date },
  now: Date,
): MessageContent {
  const left = hoursLeft(m, now)
  return {
    page: page(withQuery(ROUTES.committeeMatter, { id: m.id })),
    data: {
      thing1: thing(m.title),
      time2: timeWords(m.respondBy),
      thing3: left < 0 ? '已经超过答复期限，请尽快答复' : `还剩 ${left} 小时，请尽快答复`,
    },
  }
}

export type Answer =
  | { kind: 'accepted'; talkDay?: LocalDate; urgent: boolean }
  | { kind: 'declined'; reason: string }
  | { kind: 'merged'; intoTitle: string }

const ANSWER_WORDS = { accepted: '已受理', declined: '不予受理', merged: '已合并' } as const

export function matterAnsweredMessage(
  m: { id: string; title: string },
  answer: Answer,
  at: Date,
): MessageContent {
  const note =
    answer.kind === 'accepted'
      ? answer.urgent || !answer.talkDay
        ? '村委会马上办理'
        : `排在${formatMonthDayWeekday(answer.talkDay)}说事`
      : answer.kind === 'declined'
        ? `理由：${answer.reason}`
        : `并到：${answer.intoTitle}`
  return {
    page: page(withQuery(ROUTES.matter, { id: m.id })),
    data: {
      thing1: thing(m.title),
      phrase2: ANSWER_WORDS[answer.kind],
      thing3: thing(note),
      time4: timeWords(at),
    },
  }
}

export function pollResultMessage(p: {
  id: string
  question: string
  passed: boolean
  decides: boolean
  countedAt: Date
}): MessageContent {
  return {
    page: page(withQuery(ROUTES.notice, { pollId: p.id })),
    data: {
      thing1: thing(p.question),
      phrase2: p.decides ? (p.passed ? '通过' : '未通过') : '征询结果',
      thing3: '结果出来了，点开看详情',
      time4: timeWords(p.countedAt),
    },
  }
}

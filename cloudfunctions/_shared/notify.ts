/**
 * Subscription messages (订阅消息): the outbox and the Notifier port that delivers it.
 *
 * Every message is first written to the `outbox` (`OutboxMessage`, `_id` `<event>_<subjectId>_<memberId>`)
 * in a transaction that also marks the person's one-time subscription used: so whatever the retries
 * and however many identical events arrive at once, a person gets at most one message per event, and
 * a used subscription sends nothing more. Who gets what is pure (domain/notifications/rules.ts).
 *
 * - matterAnswered is written in the SAME transaction as the committee's answer (one recipient, the
 *   raiser: `answerRaiser`, called from the answer's transaction);
 * - the committee's events (matterRaised, joinRequested, responseDue) and pollResult go to many
 *   people: they are written right AFTER the event's transaction (`notifyEvent`), one small
 *   idempotent transaction per recipient, so contention on subscriptions never makes the event
 *   itself fail; a failure there is logged, never answered to the caller.
 * - the whistles' events (whistleBlown, whistleEscalated) go to staff records, not members
 *   (`notifyStaff`, the same way: after the blow's or the escalation's transaction, one small
 *   transaction per staff record, `_id` `<event>_<whistleId>_<staffId>`). The staff record is
 *   read again in that transaction: a record removed or moved to another unit gets nothing.
 *
 * Delivery (`deliverQueued`, after the writes commit) goes through the Notifier port, chosen by
 * FENGSI_NOTIFY with the same rule as the content check's FENGSI_CONTENT_CHECK (wechat.ts
 * `adapterMode`): `outbox` or `wechat` when set; unset, `wechat` in CloudBase and `outbox` in the
 * emulator and tests.
 *
 * - `outbox` (the emulator and tests): the outbox IS the delivery — messages stay `queued`, and
 *   the emulator's console lists them;
 * - `wechat` (production): `subscribeMessage.send` through `wx-server-sdk`'s `cloud.openapi`. Why
 *   that package, and why not bundled (it pins node-sdk 3.17.2; we bundle 3.18.3): see wechat.ts.
 *   The functions that notify (matters, village, polls, scheduler, whistles) list `subscribeMessage.send` in
 *   deploy/declaration.ts, so their config.json grants it and CloudBase installs `wx-server-sdk`
 *   for them. The template of each event comes from the environment:
 *     FENGSI_TMPL_MATTER_RAISED, FENGSI_TMPL_JOIN_REQUESTED, FENGSI_TMPL_RESPONSE_DUE,
 *     FENGSI_TMPL_MATTER_ANSWERED, FENGSI_TMPL_POLL_RESULT, FENGSI_TMPL_WHISTLE (both whistle events)
 *   (the same ids as the mini-program's TARO_APP_TMPL_*; each may map our field names onto the
 *   template's, domain/notifications/templates.ts), and FENGSI_MP_STATE
 *   (formal | trial | developer, default formal) says which version of the mini-program a
 *   message opens. A sent message is marked `sent`; a refused one `failed` with the platform's
 *   reason; one whose template id is unset, `failed` with the variable's name.
 *
 * When delivery cannot run at all (FENGSI_NOTIFY set to something else, or `wx-server-sdk`
 * missing), the log says why and each message is marked `failed` with the reason: never silently
 * left `queued`.
 */
import type {
  MemberMessage,
  NotificationEvent,
  OutboxMessage,
  StaffMessage,
  StaffSubscription,
  Subscription,
} from '../../types/model/notification'
import type { Staff } from '../../types/model/township'
import type { UnitRef } from '../../domain/township/access'
import {
  outboxId,
  recipients,
  subscriptionFor,
  TOPIC_OF,
  subscriptionSubject,
  usable,
  type EventFacts,
  type MessageContent,
} from '../../domain/notifications/rules'
import { parseTemplateSetting, templateData } from '../../domain/notifications/templates'
import {
  staffRecipients,
  staffSubscriptionId,
  unitOfStaff,
  unitSubject,
} from '../../domain/notifications/whistle'
import { COLLECTION } from './collections'
import { runTransaction, type Database, type Transaction } from './cloud'
import { byId } from './repo'
import { adapterMode, wxServerSdk, type Env, type WxOpenApi } from './wechat'

// ---- the port ---------------------------------------------------------------------------------

export type Delivery =
  { status: 'queued' } | { status: 'sent' } | { status: 'failed'; error: string }

export interface Notifier {
  /** `unavailable`: delivery cannot run here (misconfigured, wx-server-sdk missing). */
  readonly name: 'outbox' | 'wechat' | 'unavailable'
  /** Delivers one message written to the outbox, to the WeChat user `openid`. */
  deliver(message: OutboxMessage, openid: string): Promise<Delivery>
}

/** Local: the outbox is where messages land; nothing leaves the machine. */
export const outboxNotifier: Notifier = {
  name: 'outbox',
  deliver: async () => ({ status: 'queued' }),
}

/** The environment variable holding each event's template id. */
export const TEMPLATE_ENV: Record<NotificationEvent, string> = {
  matterRaised: 'FENGSI_TMPL_MATTER_RAISED',
  joinRequested: 'FENGSI_TMPL_JOIN_REQUESTED',
  responseDue: 'FENGSI_TMPL_RESPONSE_DUE',
  matterAnswered: 'FENGSI_TMPL_MATTER_ANSWERED',
  pollResult: 'FENGSI_TMPL_POLL_RESULT',
  whistleBlown: 'FENGSI_TMPL_WHISTLE',
  whistleEscalated: 'FENGSI_TMPL_WHISTLE',
}

/** What `subscribeMessage.send` takes (cloud.openapi spelling). */
export type SubscribeMessageRequest = Parameters<WxOpenApi['subscribeMessage']['send']>[0]

export interface WxOpenApiSubscribeMessage {
  openapi: Pick<WxOpenApi, 'subscribeMessage'>
}

/** The WeChat adapter over an initialised `wx-server-sdk` (or anything shaped like it). */
export function wechatNotifier(wx: WxOpenApiSubscribeMessage, env: Env = process.env): Notifier {
  const state = env.FENGSI_MP_STATE
  const miniprogramState = state === 'trial' || state === 'developer' ? state : 'formal'
  return {
    name: 'wechat',
    deliver: async (message, openid) => {
      const variable = TEMPLATE_ENV[message.event]
      const setting = env[variable]?.trim()
      if (!setting) return { status: 'failed', error: `${variable} is not set` }
      let templateId: string
      let data: Record<string, { value: string }>
      try {
        const parsed = parseTemplateSetting(setting)
        templateId = parsed.templateId
        data = templateData(message.data, parsed.fields)
      } catch (error) {
        return { status: 'failed', error: `${variable}: ${(error as Error).message}` }
      }
      try {
        const res = await wx.openapi.subscribeMessage.send({
          touser: openid,
          templateId,
          page: message.page,
          data,
          miniprogramState,
          lang: 'zh_CN',
        })
        const code = res.errCode ?? res.errcode ?? 0
        return code === 0
          ? { status: 'sent' }
          : { status: 'failed', error: `errcode ${code} ${res.errMsg ?? res.errmsg ?? ''}`.trim() }
      } catch (error) {
        return { status: 'failed', error: error instanceof Error ? error.message : String(error) }
      }
    },
  }
}

export type NotifyMode = 'outbox' | 'wechat'

/** The documented choice of adapter (see the top of this file); an unknown setting throws. */
export function notifyMode(env: Env): NotifyMode {
  return adapterMode('FENGSI_NOTIFY', 'outbox', env)
}

/** Delivery that cannot run: every message is recorded failed, with `reason`. */
export function unavailableNotifier(reason: string): Notifier {
  return { name: 'unavailable', deliver: async () => ({ status: 'failed', error: reason }) }
}

let configured: Notifier | undefined

/** The adapter of this function instance, chosen once from its environment. */
export function notifier(env: Env = process.env): Notifier {
  if (configured) return configured
  try {
    configured = notifyMode(env) === 'wechat' ? wechatNotifier(wxServerSdk(), env) : outboxNotifier
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    console.error(`[notify] not configured: ${reason}`)
    configured = unavailableNotifier(reason)
  }
  return configured
}

// ---- writing the outbox -------------------------------------------------------------------------

export interface MessageFor {
  villageId: string
  memberId: string
  event: NotificationEvent
  subjectId: string
  content: MessageContent
  now: Date
}

/**
 * Inside `t`: writes the message and uses up the person's subscription, when they have a usable one
 * and no message for this event yet. Answers the message's id, or undefined when nothing is sent.
 */
export async function enqueueIn(t: Transaction, m: MessageFor): Promise<string | undefined> {
  const subId = subscriptionFor(m.event, m.subjectId, m.memberId)
  const sub = await byId<Subscription>(t, COLLECTION.subscriptions, subId)
  if (!sub || !usable(sub) || sub.villageId !== m.villageId) return undefined
  const message: Omit<MemberMessage, '_id'> = {
    villageId: m.villageId,
    memberId: m.memberId,
    ...queued(m),
  }
  return queueOnce(t, outboxId(m.event, m.subjectId, m.memberId), subId, message)
}

/** The fields every queued message has, whoever it is for. */
function queued(m: {
  event: NotificationEvent
  subjectId: string
  content: MessageContent
  now: Date
}): Pick<OutboxMessage, 'event' | 'subjectId' | 'page' | 'data' | 'createdAt' | 'status'> {
  return {
    event: m.event,
    subjectId: m.subjectId,
    page: m.content.page,
    data: m.content.data,
    createdAt: m.now,
    status: 'queued',
  }
}

/**
 * Inside `t`: the message under `id` unless one is there already (one per person and event,
 * whatever the retries), and the subscription that allowed it used up. Answers the id, or
 * undefined when there was one.
 */
async function queueOnce(
  t: Transaction,
  id: string,
  subId: string,
  message: Omit<OutboxMessage, '_id'>,
): Promise<string | undefined> {
  if (await byId<OutboxMessage>(t, COLLECTION.outbox, id)) return undefined
  await t.collection(COLLECTION.outbox).doc(id).set(message)
  await t.collection(COLLECTION.subscriptions).doc(subId).update({ usedAt: message.createdAt })
  return id
}

/** The subscriptions an event may use (one query on villageId+topic+subjectId). */
async function subscriptionsFor(
  db: Database,
  villageId: string,
  event: NotificationEvent,
  subjectId: string,
): Promise<Subscription[]> {
  const topic = TOPIC_OF[event]
  const { data } = await db
    .collection(COLLECTION.subscriptions)
    .where({ villageId, topic, subjectId: subscriptionSubject(topic, subjectId) })
    .limit(1000)
    .get()
  return data as Subscription[]
}

/**
 * After an event has committed: the message to each subscriber the rules name (never the actor),
 * each in its own idempotent transaction, then delivered. `recheck` runs inside each transaction
 * and may veto (the matter was answered meanwhile). Never throws: a failure is logged.
 */
export async function notifyEvent(
  db: Database,
  villageId: string,
  facts: EventFacts,
  content: MessageContent,
  recheck?: (t: Transaction) => Promise<boolean>,
): Promise<string[]> {
  const written: string[] = []
  try {
    const subs = await subscriptionsFor(db, villageId, facts.event, facts.subjectId)
    for (const memberId of recipients(facts, subs)) {
      try {
        const id = await runTransaction(db, async (t) => {
          if (recheck && !(await recheck(t))) return undefined
          return enqueueIn(t, {
            villageId,
            memberId,
            event: facts.event,
            subjectId: facts.subjectId,
            content,
            now: facts.now,
          })
        })
        if (id) written.push(id)
      } catch (error) {
        console.error(
          `[notify] ${facts.event} ${facts.subjectId} → ${memberId}:`,
          (error as Error).message,
        )
      }
    }
    await deliverQueued(db, written)
  } catch (error) {
    console.error(`[notify] ${facts.event} ${facts.subjectId}:`, (error as Error).message)
  }
  return written
}

/** The WeChat account a message goes to: its member's, or its (active) staff record's. */
async function recipientOpenid(db: Database, message: OutboxMessage): Promise<string | undefined> {
  if (message.staffId !== undefined) {
    const staff = await byId<Staff>(db, COLLECTION.staff, message.staffId)
    return staff?.status === 'active' ? staff.openid : undefined
  }
  const member = await byId<{ openid?: string }>(db, COLLECTION.members, message.memberId)
  return member?.openid
}

/**
 * Hands the messages `ids` (written and committed) to the configured Notifier and records what it
 * answered. The local outbox leaves them queued. Never throws.
 */
export async function deliverQueued(db: Database, ids: readonly string[]): Promise<void> {
  const port = notifier()
  if (port.name === 'outbox') return
  for (const id of new Set(ids)) {
    try {
      const message = await byId<OutboxMessage>(db, COLLECTION.outbox, id)
      if (!message || message.status !== 'queued') continue
      const openid = await recipientOpenid(db, message)
      const delivery: Delivery = openid
        ? await port.deliver({ ...message, _id: id }, openid)
        : {
            status: 'failed',
            error: message.staffId
              ? 'the staff record has no WeChat account any more'
              : 'the member has no WeChat account any more',
          }
      if (delivery.status === 'queued') continue
      await db
        .collection(COLLECTION.outbox)
        .doc(id)
        .update(
          delivery.status === 'sent'
            ? { status: 'sent', sentAt: new Date() }
            : { status: 'failed', error: delivery.error },
        )
    } catch (error) {
      console.error(`[notify] deliver ${id}:`, (error as Error).message)
    }
  }
}

// ---- staff records (the whistles' events) -----------------------------------------------------

export interface StaffMessageFor {
  /** The district whose staff the unit's are (the subscription's owner). */
  districtId: string
  unit: UnitRef
  staffId: string
  event: NotificationEvent
  subjectId: string
  content: MessageContent
  now: Date
}

/**
 * Inside `t`: the staff record's message, when its subscription for `unit` is usable, the record
 * is still active in that unit and it has no message for this event yet; uses the subscription up.
 * Answers the message's id, or undefined when nothing is sent.
 */
export async function enqueueStaffIn(
  t: Transaction,
  m: StaffMessageFor,
): Promise<string | undefined> {
  const subject = unitSubject(m.unit)
  const subId = staffSubscriptionId(subject, m.staffId)
  const sub = await byId<StaffSubscription>(t, COLLECTION.subscriptions, subId)
  if (!sub || !usable(sub) || sub.districtId !== m.districtId) return undefined
  const staff = await byId<Staff>(t, COLLECTION.staff, m.staffId)
  if (
    !staff ||
    staff.status !== 'active' ||
    staff.unit.districtId !== m.districtId ||
    unitSubject(unitOfStaff(staff.unit)) !== subject
  ) {
    return undefined
  }
  const message: Omit<StaffMessage, '_id'> = {
    staffId: m.staffId,
    districtId: m.districtId,
    ...queued(m),
  }
  return queueOnce(t, outboxId(m.event, m.subjectId, m.staffId), subId, message)
}

/** What a staff event is about: who answers it (`unit`, in `districtId`), and what happened. */
export interface StaffEvent {
  districtId: string
  unit: UnitRef
  event: NotificationEvent
  subjectId: string
  now: Date
}

/**
 * After an event has committed: the message to each staff record subscribed for `unit` (one query
 * on topic+subjectId), each in its own idempotent transaction, then delivered. `recheck` as in
 * `notifyEvent`. Never throws: a failure is logged.
 */
export async function notifyStaff(
  db: Database,
  e: StaffEvent,
  content: MessageContent,
  recheck?: (t: Transaction) => Promise<boolean>,
): Promise<string[]> {
  const written: string[] = []
  try {
    const subject = unitSubject(e.unit)
    const { data } = await db
      .collection(COLLECTION.subscriptions)
      .where({ topic: 'staff', subjectId: subject })
      .limit(1000)
      .get()
    for (const staffId of staffRecipients(subject, data as StaffSubscription[])) {
      try {
        const id = await runTransaction(db, async (t) => {
          if (recheck && !(await recheck(t))) return undefined
          return enqueueStaffIn(t, { ...e, staffId, content })
        })
        if (id) written.push(id)
      } catch (error) {
        console.error(`[notify] ${e.event} ${e.subjectId} → ${staffId}:`, (error as Error).message)
      }
    }
    await deliverQueued(db, written)
  } catch (error) {
    console.error(`[notify] ${e.event} ${e.subjectId}:`, (error as Error).message)
  }
  return written
}

/** Writes (or renews) one subscription, inside the caller's transaction. */
export async function saveSubscription(
  t: Transaction,
  id: string,
  doc: Omit<Subscription, '_id'> | Omit<StaffSubscription, '_id'>,
): Promise<void> {
  await t.collection(COLLECTION.subscriptions).doc(id).set(doc)
}

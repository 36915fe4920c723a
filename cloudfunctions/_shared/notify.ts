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
 *
 * Delivery (`deliverQueued`, after the writes commit) goes through the Notifier port, chosen by
 * FENGSI_NOTIFY (like contentCheck's FENGSI_CONTENT_CHECK):
 *
 * - `outbox` (default; the emulator and tests): the outbox IS the delivery — messages stay
 *   `queued`, and the emulator's console lists them;
 * - `wechat` (production): `subscribeMessage.send` through `wx-server-sdk`'s `cloud.openapi`
 *   (not bundled: see contentCheck.ts for the deployment steps; list `subscribeMessage.send` in the
 *   config.json `permissions.openapi` of the functions that notify: matters, village, polls,
 *   scheduler). The template of each event comes from the environment:
 *     FENGSI_TMPL_MATTER_RAISED, FENGSI_TMPL_JOIN_REQUESTED, FENGSI_TMPL_RESPONSE_DUE,
 *     FENGSI_TMPL_MATTER_ANSWERED, FENGSI_TMPL_POLL_RESULT
 *   (the same ids as the mini-program's TARO_APP_TMPL_*), and FENGSI_MP_STATE
 *   (formal | trial | developer, default formal) says which version of the mini-program a
 *   message opens. A sent message is marked `sent`; a refused one `failed` with the platform's reason.
 */
import { createRequire } from 'node:module'
import type { NotificationEvent, OutboxMessage, Subscription } from '../../types/model/notification'
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
import { COLLECTION } from './collections'
import { runTransaction, type Database, type Transaction } from './cloud'
import { byId } from './repo'

// ---- the port ---------------------------------------------------------------------------------

export type Delivery =
  { status: 'queued' } | { status: 'sent' } | { status: 'failed'; error: string }

export interface Notifier {
  readonly name: 'outbox' | 'wechat'
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
}

/** What `subscribeMessage.send` takes (cloud.openapi spelling). */
export interface SubscribeMessageRequest {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  miniprogramState: 'formal' | 'trial' | 'developer'
  lang: 'zh_CN'
}

export interface WxOpenApiSubscribeMessage {
  openapi: {
    subscribeMessage: {
      send(
        request: SubscribeMessageRequest,
      ): Promise<{ errCode?: number; errcode?: number; errMsg?: string; errmsg?: string }>
    }
  }
}

/** The WeChat adapter over an initialised `wx-server-sdk` (or anything shaped like it). */
export function wechatNotifier(
  wx: WxOpenApiSubscribeMessage,
  env: Record<string, string | undefined> = process.env,
): Notifier {
  const state = env.FENGSI_MP_STATE
  const miniprogramState = state === 'trial' || state === 'developer' ? state : 'formal'
  return {
    name: 'wechat',
    deliver: async (message, openid) => {
      const templateId = env[TEMPLATE_ENV[message.event]]
      if (!templateId)
        return { status: 'failed', error: `${TEMPLATE_ENV[message.event]} is not set` }
      try {
        const res = await wx.openapi.subscribeMessage.send({
          touser: openid,
          templateId,
          page: message.page,
          data: Object.fromEntries(
            Object.entries(message.data).map(([k, value]) => [k, { value }]),
          ),
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

export function notifyMode(env: Record<string, string | undefined>): NotifyMode {
  const set = env.FENGSI_NOTIFY?.trim()
  if (!set || set === 'outbox') return 'outbox'
  if (set === 'wechat') return 'wechat'
  throw new Error(`FENGSI_NOTIFY must be outbox or wechat, not ${set}`)
}

let configured: Notifier | undefined

/** The adapter of this function instance, chosen once from its environment (#13 wires the credentials). */
export function notifier(env: Record<string, string | undefined> = process.env): Notifier {
  if (configured) return configured
  if (notifyMode(env) === 'wechat') {
    const wx = createRequire(__filename)('wx-server-sdk') as WxOpenApiSubscribeMessage & {
      init(options?: { env?: unknown }): void
      DYNAMIC_CURRENT_ENV: unknown
    }
    wx.init({ env: wx.DYNAMIC_CURRENT_ENV })
    configured = wechatNotifier(wx, env)
  } else {
    configured = outboxNotifier
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
  const id = outboxId(m.event, m.subjectId, m.memberId)
  if (await byId<OutboxMessage>(t, COLLECTION.outbox, id)) return undefined
  const message: Omit<OutboxMessage, '_id'> = {
    villageId: m.villageId,
    memberId: m.memberId,
    event: m.event,
    subjectId: m.subjectId,
    page: m.content.page,
    data: m.content.data,
    createdAt: m.now,
    status: 'queued',
  }
  await t.collection(COLLECTION.outbox).doc(id).set(message)
  await t.collection(COLLECTION.subscriptions).doc(subId).update({ usedAt: m.now })
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

/**
 * Hands the messages `ids` (written and committed) to the configured Notifier and records what it
 * answered. The local outbox leaves them queued. Never throws.
 */
export async function deliverQueued(db: Database, ids: readonly string[]): Promise<void> {
  const port = (() => {
    try {
      return notifier()
    } catch (error) {
      console.error('[notify] not configured:', (error as Error).message)
      return undefined
    }
  })()
  if (!port || port.name === 'outbox') return
  for (const id of new Set(ids)) {
    try {
      const message = await byId<OutboxMessage>(db, COLLECTION.outbox, id)
      if (!message || message.status !== 'queued') continue
      const member = await byId<{ openid?: string }>(db, COLLECTION.members, message.memberId)
      const delivery: Delivery = member?.openid
        ? await port.deliver({ ...message, _id: id }, member.openid)
        : { status: 'failed', error: 'the member has no WeChat account any more' }
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

/** Writes (or renews) one subscription, inside the caller's transaction. */
export async function saveSubscription(
  t: Transaction,
  id: string,
  doc: Omit<Subscription, '_id'>,
): Promise<void> {
  await t.collection(COLLECTION.subscriptions).doc(id).set(doc)
}

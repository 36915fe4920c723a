/**
 * 订阅消息, asked for at the moment it makes sense and never otherwise: after a matter is raised
 * (「村委会答复时通知我」), on a poll's card (「结果出来时通知我」), on the committee's console, on a
 * staff member's 工作台 for each of their units (「有吹哨时提醒我」, topic `staff`). In
 * WeChat it opens the platform's dialog (`Taro.requestSubscribeMessage`, which must follow a tap)
 * and, for the templates the person accepted, tells the back end (`notifications.subscribe`). In
 * the browser (H5) there is no such dialog: it counts as accepted, so the call is still made and
 * the tests see it. The template ids come from the build's environment (TARO_APP_TMPL_*, the same
 * ids as the functions' FENGSI_TMPL_*); without one, a local placeholder id.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { NotificationTopic } from '../../types/model/notification'
import { callFunction } from './cloud'

/** A build-time constant, or '' (the weapp build has no `process` at run time). */
function fromEnv(read: () => string | undefined): string {
  try {
    return read() || ''
  } catch {
    return ''
  }
}

/** The templates each topic asks for (WeChat allows three in one dialog). */
export const TEMPLATE_IDS: Record<NotificationTopic, string[]> = {
  matterAnswered: [
    fromEnv(() => process.env.TARO_APP_TMPL_MATTER_ANSWERED) || 'local-matterAnswered',
  ],
  pollResult: [fromEnv(() => process.env.TARO_APP_TMPL_POLL_RESULT) || 'local-pollResult'],
  committee: [
    fromEnv(() => process.env.TARO_APP_TMPL_MATTER_RAISED) || 'local-matterRaised',
    fromEnv(() => process.env.TARO_APP_TMPL_JOIN_REQUESTED) || 'local-joinRequested',
    fromEnv(() => process.env.TARO_APP_TMPL_RESPONSE_DUE) || 'local-responseDue',
  ],
  staff: [fromEnv(() => process.env.TARO_APP_TMPL_WHISTLE) || 'local-whistle'],
}

/** The templates the person accepted in WeChat's dialog (all of them in H5; none if it failed). */
async function askWeChat(tmplIds: string[]): Promise<string[]> {
  if (process.env.TARO_ENV !== 'weapp') return tmplIds
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds } as never)) as unknown as Record<
      string,
      string
    >
    return tmplIds.filter((id) => res[id] === 'accept')
  } catch {
    return []
  }
}

export type SubscribeOutcome = 'subscribed' | 'declined' | 'nothing' | 'failed'

/**
 * Asks, then records what was accepted. `subscribed`: a message will come; `declined`: the person
 * said no in the dialog; `nothing`: nothing left to tell (already answered, already counted);
 * `failed`: the back end refused or the network failed.
 */
export async function subscribeTo(
  topic: NotificationTopic,
  subjectId: string,
): Promise<SubscribeOutcome> {
  const accepted = await askWeChat(TEMPLATE_IDS[topic])
  if (accepted.length === 0) return 'declined'
  const res = await callFunction('notifications', 'subscribe', {
    topic,
    subjectId,
    templateIds: accepted,
  })
  if (!res.ok) return 'failed'
  return res.data.subscribed ? 'subscribed' : 'nothing'
}

/** The words a call site shows once the person has tapped. */
export const OUTCOME_WORDS: Record<SubscribeOutcome, string> = {
  subscribed: '好的，到时会给您发微信通知。',
  declined: '您没有同意接收通知，可以随时再点一次。',
  nothing: '这件事已经有结果了，不用再通知。',
  failed: '没有设置成功，请稍后再试一次。',
}

/** A call site's state: `ask` on a tap; `outcome` once answered (`busy` meanwhile). */
export function useSubscribe(topic: NotificationTopic, subjectId: string) {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<SubscribeOutcome>()
  const ask = async () => {
    setBusy(true)
    setOutcome(await subscribeTo(topic, subjectId))
    setBusy(false)
  }
  return { busy, outcome, ask, words: outcome ? OUTCOME_WORDS[outcome] : undefined }
}

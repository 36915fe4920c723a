/**
 * The offline queue: what the committee or the moderator does at the meeting on a weak signal — a
 * person ticked off as voting on paper, the box's counts, a minute — is kept on the phone (Taro
 * storage, so it survives the app being closed) and sent when the network is back: when it comes
 * back (Taro.onNetworkStatusChange in WeChat, the browser's `online` event in H5), when the page is
 * shown again, and right after it is added.
 *
 * Each item is sent ONCE and in the order it was added (a tick-off before the counts that need
 * it). It leaves the waiting list only when the function has answered:
 * - the answer is ok: 已送达 (kept for the screen, never sent again);
 * - the network failed, or the function was busy (errors.ts canRetry): it stays 待发送 and the
 *   sending stops there, to go on, in order, at the next chance;
 * - the function refused it (POLL_CLOSED, POLL_NOT_OPEN, CONFLICT, PAPER_MISMATCH …): 被拒绝, with
 *   the function's own message, kept until the committee dismisses it — never dropped silently.
 *
 * Sending an item again is harmless, so an answer lost on the way (sent, but the phone never heard
 * back) is simply sent again: the handlers are idempotent — ticking off the same person again
 * changes nothing (markPaperVoter answers the same count), entering the same counts again
 * replaces them (enterPaperCounts, before the confirmation), a named paper ballot entered again
 * replaces it (enterPaperBallot), minutes replace the day's minutes (recordMinutes).
 *
 * Calls go through services/cloud.ts `callFunction`, the only door to the back end.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ActionName, AppError, FunctionName, RequestOf } from '../../types/api'
import { callFunction } from './cloud'
import { canRetry } from './errors'

/** waiting 待发送, sending 正在发送, sent 已送达, refused 被拒绝 (with the function's message). */
export type PendingState = 'waiting' | 'sending' | 'sent' | 'refused'

export interface PendingItem {
  /** Unique on this phone. */
  id: string
  fn: FunctionName
  action: string
  payload: unknown
  /** What it is, in words, for the list (`登记 陈大山 投纸质票`). */
  label: string
  /** What screen shows it: `poll:<pollId>` or `talkDay:<date>`. */
  scope: string
  /**
   * Items with the same key are the same thing said again: a new one replaces a waiting one
   * (the latest counts, the latest minutes), and is not added twice.
   */
  key: string
  state: PendingState
  /** Refused: the function's message. */
  message?: string
  /** The function's code when refused. */
  code?: string
  addedAt: string
  sentAt?: string
}

const STORAGE_KEY = 'fengsi.pending'

/** How many 已送达 items are kept for the screens (the oldest go first). */
export const SENT_KEPT = 30

/** The words each state shows. */
export function stateWords(item: Pick<PendingItem, 'state' | 'message'>): string {
  switch (item.state) {
    case 'waiting':
      return '待发送'
    case 'sending':
      return '正在发送'
    case 'sent':
      return '已送达'
    case 'refused':
      return `被拒绝：${item.message ?? ''}`
  }
}

// ---- storage -----------------------------------------------------------------------------

function read(): PendingItem[] {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY)
    return Array.isArray(stored) ? (stored as PendingItem[]) : []
  } catch {
    return []
  }
}

function write(list: PendingItem[]): void {
  const sent = list.filter((i) => i.state === 'sent')
  const dropSent = new Set(sent.slice(0, Math.max(0, sent.length - SENT_KEPT)).map((i) => i.id))
  const kept = list.filter((i) => !dropSent.has(i.id))
  try {
    Taro.setStorageSync(STORAGE_KEY, kept)
  } catch {
    // Storage full: the list still lives in memory until the app closes.
  }
  memory = kept
  listeners.forEach((fn) => fn())
}

let memory: PendingItem[] | undefined
const listeners = new Set<() => void>()

function items(): PendingItem[] {
  if (!memory) {
    // A 正在发送 left from a closed app never heard its answer: sent again (harmless).
    memory = read().map((i) => (i.state === 'sending' ? { ...i, state: 'waiting' as const } : i))
  }
  return memory
}

function update(id: string, change: Partial<PendingItem>): void {
  write(items().map((i) => (i.id === id ? { ...i, ...change } : i)))
}

// ---- the queue ---------------------------------------------------------------------------

let counter = 0
const newId = () => `${Date.now().toString(36)}-${(counter++).toString(36)}`

export interface Enqueue<F extends FunctionName, A extends ActionName<F>> {
  fn: F
  action: A
  payload: RequestOf<F, A>
  label: string
  scope: string
  key: string
}

/**
 * Keeps an action to send (and starts sending). A waiting item with the same key is replaced; one
 * being sent or refused stays as it is and the new one waits behind it.
 */
export function enqueue<F extends FunctionName, A extends ActionName<F>>(
  entry: Enqueue<F, A>,
  now: Date = new Date(),
): PendingItem {
  const item: PendingItem = {
    id: newId(),
    fn: entry.fn,
    action: entry.action,
    payload: entry.payload,
    label: entry.label,
    scope: entry.scope,
    key: entry.key,
    state: 'waiting',
    addedAt: now.toISOString(),
  }
  const rest = items().filter((i) => !(i.key === entry.key && i.state === 'waiting'))
  write([...rest, item])
  void flush()
  return item
}

/** The items of one screen, oldest first. */
export function pendingOf(scope: string): PendingItem[] {
  return items().filter((i) => i.scope === scope)
}

/** The committee has read a refusal (or a 已送达): it leaves the list. */
export function dismiss(id: string): void {
  write(items().filter((i) => i.id !== id || i.state === 'waiting' || i.state === 'sending'))
}

/** How many items still wait to be sent (any screen). */
export function waitingCount(): number {
  return items().filter((i) => i.state === 'waiting' || i.state === 'sending').length
}

let running: Promise<void> | undefined
let again = false

/**
 * Sends what waits, one at a time, in order. Only one run at a time: a call while a run is going
 * asks it to look again once done (nothing is ever sent twice by two runs).
 */
export function flush(): Promise<void> {
  if (running) {
    again = true
    return running
  }
  running = (async () => {
    try {
      do {
        again = false
        await sendWaiting()
      } while (again)
    } finally {
      running = undefined
    }
  })()
  return running
}

async function sendWaiting(): Promise<void> {
  for (;;) {
    const next = items().find((i) => i.state === 'waiting')
    if (!next) return
    update(next.id, { state: 'sending' })
    const answer = await callFunction(next.fn, next.action as never, next.payload as never).catch(
      () => ({ ok: false as const, error: { code: 'NETWORK', message: '' } as AppError }),
    )
    if (answer.ok) {
      update(next.id, { state: 'sent', sentAt: new Date().toISOString() })
    } else if (canRetry(answer.error)) {
      // No network, or the function was busy: it waits, and so does everything behind it —
      // unless the same thing was said again meanwhile (newer counts, newer minutes): that goes.
      const newer = items().some(
        (i) => i.key === next.key && i.id !== next.id && i.state === 'waiting',
      )
      if (newer) write(items().filter((i) => i.id !== next.id))
      else update(next.id, { state: 'waiting' })
      return
    } else {
      update(next.id, {
        state: 'refused',
        code: answer.error.code,
        message: answer.error.message,
      })
    }
  }
}

// ---- when to send ------------------------------------------------------------------------

let watching = false

/**
 * Sends what waits whenever the network comes back (once per app: later calls only send now).
 * Pages call it when shown.
 */
export function startPendingSync(): void {
  if (!watching) {
    watching = true
    if (process.env.TARO_ENV === 'weapp') {
      Taro.onNetworkStatusChange((res) => {
        if (res.isConnected) void flush()
      })
    } else if (typeof window !== 'undefined') {
      window.addEventListener('online', () => void flush())
    }
  }
  void flush()
}

/** The items of one screen, kept up to date as they are sent (and sending started). */
export function usePending(scope: string): PendingItem[] {
  const [list, setList] = useState<PendingItem[]>(() => pendingOf(scope))
  useEffect(() => {
    const fn = () => setList(pendingOf(scope))
    listeners.add(fn)
    fn()
    return () => void listeners.delete(fn)
  }, [scope])
  return list
}

/** Tests: forget what is in memory (as a restart does) and any run in progress. */
export function resetPendingForTests(): void {
  memory = undefined
  running = undefined
  again = false
  listeners.clear()
}

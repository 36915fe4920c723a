/**
 * The moderators' queue (审核): which statements are in it, in what order, and its cursor. Pure.
 * In it: hidden statements waiting for a review first, then statements reported (with reports that
 * still count) and still in sight, then hidden ones already reviewed (a moderator may still restore
 * them); oldest first within each. Deleted statements are never in it.
 */
import type { Statement } from '../../types/model/statement'

/** 0: hidden, pending review; 1: reported, still in sight; 2: hidden, reviewed. */
export type QueueGroup = 0 | 1 | 2

export interface QueuePosition {
  group: QueueGroup
  /** The statement's posting time (ms). */
  at: number
  id: string
}

export const QUEUE_CURSOR_PATTERN = /^([012])_(\d{1,15})_([A-Za-z0-9_-]{1,64})$/

/** Where `statement` stands in the queue given its reports that still count, or undefined when it is not in it. */
export function queueGroup(
  statement: Pick<Statement, 'hidden' | 'deleted' | 'hiding'>,
  activeReports: number,
): QueueGroup | undefined {
  if (statement.deleted) return undefined
  if (statement.hidden) return statement.hiding?.pendingReview ? 0 : 2
  return activeReports > 0 ? 1 : undefined
}

/** Whether a moderator still has to look at it (the figure the console and run sheet show). */
export function awaitsModerator(group: QueueGroup | undefined): boolean {
  return group === 0 || group === 1
}

export function compareQueue(a: QueuePosition, b: QueuePosition): number {
  return a.group - b.group || a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export function encodeQueueCursor(p: QueuePosition): string {
  return `${p.group}_${p.at}_${p.id}`
}

export function decodeQueueCursor(cursor: string): QueuePosition {
  const m = QUEUE_CURSOR_PATTERN.exec(cursor)
  if (!m) return { group: 0, at: 0, id: '' }
  return { group: Number(m[1]) as QueueGroup, at: Number(m[2]), id: m[3] as string }
}

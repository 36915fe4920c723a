/**
 * The life of a matter as one transition table: which action moves it from which statuses to
 * which. Handlers never compare statuses themselves; they call `transition`.
 */
import type { MatterStatus } from '../../types/model/matter'
import { DomainError } from '../shared/errors'

export const STATUS_LABELS: Record<MatterStatus, string> = {
  raised: '待受理',
  accepted: '已受理',
  declined: '不予受理',
  merged: '已合并',
  withdrawn: '已撤回',
  discussing: '议事中',
  deciding: '表决中',
  decided: '已决议',
  handling: '办理中',
  resolved: '已办结',
  closed: '已关闭',
}

export const TRANSITIONS = {
  acceptMatter: { from: ['raised'], to: 'accepted' },
  declineMatter: { from: ['raised'], to: 'declined' },
  mergeMatter: { from: ['raised'], to: 'merged' },
  withdrawMatter: { from: ['raised'], to: 'withdrawn' },
  startDiscussion: { from: ['accepted'], to: 'discussing' },
  // A poll opens and closes these two (the polls function).
  openPoll: { from: ['discussing'], to: 'deciding' },
  publishTally: { from: ['deciding'], to: 'decided' },
  // Not valid, not passed, or advisory (consult): back to discussion with the result.
  returnToDiscussion: { from: ['deciding'], to: 'discussing' },
  // Decided in the meeting by agreement, without a poll.
  recordDecision: { from: ['discussing'], to: 'decided' },
  assignHandling: { from: ['decided'], to: 'handling' },
  resolveMatter: { from: ['handling'], to: 'resolved' },
  closeMatter: { from: ['resolved'], to: 'closed' },
} as const satisfies Record<string, { from: readonly MatterStatus[]; to: MatterStatus }>

export type TransitionAction = keyof typeof TRANSITIONS

/** Where a raised matter starts, and where a committee's topic (开题) starts. */
export const INITIAL_STATUS = { resident: 'raised', committee: 'accepted' } as const

/** Statuses from which nothing moves on. */
export const FINAL_STATUSES: readonly MatterStatus[] = ['declined', 'merged', 'withdrawn', 'closed']

/** The status `action` leads to from `from`, or a CONFLICT error naming both in plain words. */
export function transition(from: MatterStatus, action: TransitionAction): MatterStatus {
  const rule = TRANSITIONS[action]
  if (!(rule.from as readonly MatterStatus[]).includes(from)) {
    throw new DomainError(
      'CONFLICT',
      `这件事现在是“${STATUS_LABELS[from]}”，不能${ACTION_LABELS[action]}。`,
    )
  }
  return rule.to
}

export const ACTION_LABELS: Record<TransitionAction, string> = {
  acceptMatter: '受理',
  declineMatter: '不予受理',
  mergeMatter: '合并',
  withdrawMatter: '撤回',
  startDiscussion: '开始议事',
  openPoll: '发起表决',
  publishTally: '公布表决结果',
  returnToDiscussion: '退回议事',
  recordDecision: '记录决议',
  assignHandling: '安排办理',
  resolveMatter: '办结',
  closeMatter: '关闭',
}

/** The actions that can move a matter on from `status`. */
export function nextActions(status: MatterStatus): TransitionAction[] {
  return (Object.keys(TRANSITIONS) as TransitionAction[]).filter((a) =>
    (TRANSITIONS[a].from as readonly MatterStatus[]).includes(status),
  )
}

/**
 * What the meeting screen works out from the poll, its turnout and this phone's queue: who counts
 * as ticked off (by the turnout, or by a tick-off on its way), the lines of the box, their sum,
 * and which step of the paper count the meeting is in. Pure: no platform call.
 */
import type { PollView, VoterView } from '../../../../../types/api/polls'
import { SPOILED } from '../../../../../types/model/poll'
import type { PendingItem } from '../../../../services/pending'
import { YES_NO, SPOILED_WORD } from '../../../../components/VoteCard/words'

/** One line of the box as the form shows it: the choice as sent (`yes`, `o2`, `spoiled`). */
export interface BoxLine {
  choice: string
  label: string
}

export function boxLines(poll: Pick<PollView, 'kind' | 'options'>): BoxLine[] {
  const choices =
    poll.kind === 'yesNo'
      ? YES_NO.map((c) => ({ choice: c.key, label: c.label }))
      : poll.options.map((o) => ({ choice: o.id, label: o.label }))
  return [...choices, { choice: SPOILED, label: SPOILED_WORD }]
}

/** The choices a named ballot or a 代投 may take (no 废票). */
export function ballotChoices(poll: Pick<PollView, 'kind' | 'options'>): BoxLine[] {
  return boxLines(poll).filter((l) => l.choice !== SPOILED)
}

/** A count typed in a box: digits only, empty is 0; anything else is not a count (NaN). */
export function parseCount(typed: string): number {
  const t = typed.trim()
  if (t === '') return 0
  return /^\d{1,5}$/.test(t) ? Number(t) : Number.NaN
}

export function boxSum(typed: Record<string, string>): number {
  return Object.values(typed).reduce((sum, t) => sum + parseCount(t), 0)
}

/** Tick-offs of this poll on their way or delivered (refused ones do not count). */
function tickOffs(pending: readonly PendingItem[]): Map<string, PendingItem> {
  const out = new Map<string, PendingItem>()
  for (const item of pending) {
    if (item.action !== 'markPaperVoter' || item.state === 'refused') continue
    const { personId } = item.payload as { personId: string }
    out.set(personId, item)
  }
  return out
}

export type VoterMark = 'paper' | 'ticking' | 'online' | 'proxy' | 'none'

/** How a voter's row reads: on paper (the turnout says so), being ticked off, or otherwise. */
export function voterMark(voter: VoterView, pending: readonly PendingItem[]): VoterMark {
  if (voter.channel === 'paper') return 'paper'
  const tick = tickOffs(pending).get(voter.personId)
  if (tick) return tick.state === 'sent' ? 'paper' : 'ticking'
  if (voter.voted) return voter.channel === 'proxy' ? 'proxy' : 'online'
  return 'none'
}

/** The persons ticked off: on paper in the turnout, plus tick-offs from this phone not yet in it. */
export function tickedCount(voters: readonly VoterView[], pending: readonly PendingItem[]): number {
  const ticks = tickOffs(pending)
  return voters.filter((v) => v.channel === 'paper' || ticks.has(v.personId)).length
}

/** Names matching a search (any part of the name); everyone when the search is empty. */
export function matching<T extends { name: string }>(people: readonly T[], search: string): T[] {
  const q = search.trim()
  return q ? people.filter((p) => p.name.includes(q)) : [...people]
}

/** 1: tick off; 2: count the box and enter it; 3: the second member confirms; 4: done. */
export type PaperStep = 1 | 2 | 3 | 4

/**
 * The step as this phone knows it: its own entry or confirmation of the counts (on its way or
 * delivered) says 3 or 4; otherwise 2 once someone is ticked off, else 1.
 */
export function paperStep(ticked: number, pending: readonly PendingItem[]): PaperStep {
  const live = pending.filter((i) => i.state !== 'refused')
  if (live.some((i) => i.action === 'confirmPaperCounts')) return 4
  if (live.some((i) => i.action === 'enterPaperCounts')) return 3
  return ticked > 0 ? 2 : 1
}

/** The step in words; a confirmation still on its way says so. */
export function stepWords(step: PaperStep, pending: readonly PendingItem[]): string {
  const confirm = pending.find((i) => i.action === 'confirmPaperCounts' && i.state !== 'refused')
  if (step === 4 && confirm && confirm.state !== 'sent') {
    return '您的确认已经记在手机上，等网络好了自动发送'
  }
  return STEP_WORDS[step]
}

export const STEP_WORDS: Record<PaperStep, string> = {
  1: '第 1 步：逐个登记在会上投纸质票的人',
  2: '第 2 步：清点票箱，录入每一项的票数（录入的人和确认的人要是两位村委会成员）',
  3: '第 3 步：已录入票数，请另一位村委会成员在自己的手机上打开这一页，再录一遍确认',
  4: '票箱的票数已经确认，等截止后计票',
}

/** The voter's row, in words. */
export const MARK_WORDS: Record<VoterMark, string> = {
  paper: '已登记纸质票',
  ticking: '已登记，等网络发送',
  online: '已在手机上投票',
  proxy: '已代投',
  none: '还没投票',
}

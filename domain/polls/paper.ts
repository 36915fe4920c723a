/**
 * Paper at the meeting (point 10), the pure part: a box's counts as entered — each choice in the
 * one encoding ballots use (./choice.ts) and `spoiled` (废票) — must add up to the persons ticked
 * off as voting on paper; a confirmation is a second entry of the same counts by another member.
 */
import { SPOILED } from '../../types/model/poll'
import { DomainError } from '../shared/errors'
import { encodeChoice, type ChoiceRules } from './choice'

export interface PaperLine {
  choice: string
  count: number
}

/**
 * The box as stored: lines with a count above 0, choices encoded, in a stable order. Refuses a
 * choice the poll does not have (INVALID_CHOICE), a choice given twice (INVALID_INPUT), and
 * counts whose total is not `ticked` (PAPER_MISMATCH), each with a plain message.
 */
export function paperBox(
  poll: ChoiceRules,
  lines: ReadonlyArray<{ choice: string | readonly string[]; count: number }>,
  ticked: number,
): { lines: PaperLine[]; total: number } {
  const byChoice = new Map<string, number>()
  for (const line of lines) {
    const choice = line.choice === SPOILED ? SPOILED : encodeChoice(poll, line.choice)
    if (byChoice.has(choice)) {
      throw new DomainError('INVALID_INPUT', '同一个选择填了两次，请每项只填一行。')
    }
    byChoice.set(choice, line.count)
  }
  const kept = [...byChoice]
    .filter(([, count]) => count > 0)
    .map(([choice, count]) => ({ choice, count }))
    .sort((a, b) => (a.choice < b.choice ? -1 : a.choice > b.choice ? 1 : 0))
  const total = kept.reduce((sum, l) => sum + l.count, 0)
  if (total !== ticked) {
    throw new DomainError(
      'PAPER_MISMATCH',
      `票箱里的票一共 ${total} 张（含废票），登记现场投票的是 ${ticked} 人，对不上，请重新清点。`,
    )
  }
  return { lines: kept, total }
}

/** Whether two boxes hold the same counts (order and zero lines aside). */
export function sameBox(a: readonly PaperLine[], b: readonly PaperLine[]): boolean {
  const key = (xs: readonly PaperLine[]) =>
    xs
      .filter((l) => l.count > 0)
      .map((l) => `${l.choice}=${l.count}`)
      .sort()
      .join(',')
  return key(a) === key(b)
}

/**
 * A ballot's choice as stored, exported and written in the canonical list (types/model/poll.ts):
 * yesNo polls `yes` / `no` / `abstain`; choice polls the selected option ids `o1` … `o10`
 * ascending, joined by `+` (`o1+o3`); paper counts also `spoiled` (废票). And the counts of a
 * list of choices, online and paper together, as the tally and `verify-tally` both need them.
 */
import type { PollKind, YesNoChoice } from '../../types/model/poll'
import { SPOILED } from '../../types/model/poll'
import { DomainError } from '../shared/errors'

export const YES_NO_CHOICES: readonly YesNoChoice[] = ['yes', 'no', 'abstain']

const OPTION = /^o([1-9]|10)$/

/** The id of the n-th option (1-based): `o1` … `o10`. */
export function optionId(n: number): string {
  return `o${n}`
}

/** `o1` … `o10` → 1 … 10; undefined for anything else. */
export function optionNumber(id: string): number | undefined {
  return OPTION.test(id) ? Number(id.slice(1)) : undefined
}

function isYesNo(choice: string): choice is YesNoChoice {
  return (YES_NO_CHOICES as readonly string[]).includes(choice)
}

/** The shape of one poll a choice is checked against. */
export interface ChoiceShape {
  kind: PollKind
  /** A choice poll's number of options. */
  options?: number
  /** A choice poll's most selections (default 1). */
  maxSelections?: number
}

/**
 * Whether `choice` is a stored choice — of `poll` when given (its kind, its options, its most
 * selections). `spoiled` only when `paper`.
 */
export function isBallotChoice(choice: string, paper = false, poll?: ChoiceShape): boolean {
  if (choice === SPOILED) return paper
  if (isYesNo(choice)) return poll === undefined || poll.kind === 'yesNo'
  if (poll !== undefined && poll.kind !== 'choice') return false
  const ids = choice.split('+')
  if (poll !== undefined && ids.length > (poll.maxSelections ?? 1)) return false
  let last = 0
  for (const id of ids) {
    const n = optionNumber(id)
    if (n === undefined || n <= last) return false
    if (poll !== undefined && n > (poll.options ?? 0)) return false
    last = n
  }
  return true
}

/** The stored choice for selected option ids, in any order: ascending, joined by `+`. */
export function encodeSelection(ids: readonly string[]): string {
  const numbers = ids.map((id) => {
    const n = optionNumber(id)
    if (n === undefined) throw new DomainError('INVALID_CHOICE', `没有“${id}”这个选项`)
    return n
  })
  if (numbers.length === 0) throw new DomainError('INVALID_CHOICE', '请至少选一项')
  if (new Set(numbers).size !== numbers.length) {
    throw new DomainError('INVALID_CHOICE', '同一个选项只能选一次')
  }
  return numbers
    .sort((a, b) => a - b)
    .map(optionId)
    .join('+')
}

export interface ChoiceTotals {
  kind: PollKind
  /** Ballots counted (= present): online and paper, 废票 included. */
  present: number
  /**
   * yesNo: `yes`, `no`, `abstain`; choice: votes per option id in option order (a ballot counts
   * for each option it selects; options nobody chose are absent); and `spoiled` last.
   */
  counts: Record<string, number>
}

/**
 * Adds up `count` ballots per stored choice (the tally's `$group` by choice, the paper counts, an
 * export's rows). A list mixing yesNo and choice ballots, or an unknown choice, is refused.
 */
export function countChoices(entries: readonly { choice: string; count: number }[]): ChoiceTotals {
  let yesNo = false
  let choice = false
  for (const e of entries) {
    if (!isBallotChoice(e.choice, true)) {
      throw new DomainError('INVALID_INPUT', `计票有误：不认识的选择“${e.choice}”`)
    }
    if (!Number.isSafeInteger(e.count) || e.count < 0) {
      throw new DomainError('INVALID_INPUT', `计票有误：“${e.choice}”的票数“${e.count}”不对`)
    }
    if (isYesNo(e.choice)) yesNo = true
    else if (e.choice !== SPOILED) choice = true
  }
  if (yesNo && choice) {
    throw new DomainError('INVALID_INPUT', '计票有误：既有赞成/反对票，又有选项票')
  }
  const byOption = new Map<number, number>()
  const yn: Record<string, number> = { yes: 0, no: 0, abstain: 0 }
  let spoiled = 0
  let present = 0
  for (const e of entries) {
    present += e.count
    if (e.choice === SPOILED) spoiled += e.count
    else if (isYesNo(e.choice)) yn[e.choice] += e.count
    else {
      for (const id of e.choice.split('+')) {
        const n = optionNumber(id) as number
        byOption.set(n, (byOption.get(n) ?? 0) + e.count)
      }
    }
  }
  const counts: Record<string, number> = choice ? {} : yn
  if (choice) {
    for (const n of [...byOption.keys()].sort((a, b) => a - b)) {
      counts[optionId(n)] = byOption.get(n) as number
    }
  }
  counts[SPOILED] = spoiled
  return { kind: choice ? 'choice' : 'yesNo', present, counts }
}

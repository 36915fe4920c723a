/**
 * A ballot's choice as the voter sends it, checked against the poll and written in the one
 * encoding ballots store and the canonical ballot list uses: yesNo `yes` / `no` / `abstain`;
 * choice polls the selected option ids ascending (by their number), joined by `+` (`o1+o3`).
 */
import type { PollKind, PollOption } from '../../types/model/poll'
import { DomainError } from '../shared/errors'

export const YES_NO = ['yes', 'no', 'abstain'] as const

export const YES_NO_LABELS: Record<(typeof YES_NO)[number], string> = {
  yes: '赞成',
  no: '反对',
  abstain: '弃权',
}

/** `o1` … `o10`, in the order the options were drafted. */
export function optionIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `o${i + 1}`)
}

const optionNumber = (id: string) => Number(id.slice(1))

export interface ChoiceRules {
  kind: PollKind
  options?: readonly PollOption[]
  maxSelections?: number
}

/** The stored encoding of a valid choice, or INVALID_CHOICE with the reason in plain words. */
export function encodeChoice(poll: ChoiceRules, raw: string | readonly string[]): string {
  const invalid = (why: string): never => {
    throw new DomainError('INVALID_CHOICE', why)
  }
  if (poll.kind === 'yesNo') {
    if (typeof raw !== 'string' || !(YES_NO as readonly string[]).includes(raw)) {
      invalid('请选择赞成、反对或弃权。')
    }
    return raw as string
  }
  const ids = typeof raw === 'string' ? raw.split('+') : [...raw]
  const known = new Set((poll.options ?? []).map((o) => o.id))
  if (ids.length === 0 || ids.some((id) => typeof id !== 'string' || !known.has(id))) {
    invalid('所选的选项不在这次表决里。')
  }
  if (new Set(ids).size !== ids.length) invalid('同一个选项只能选一次。')
  const max = poll.maxSelections ?? 1
  if (ids.length > max) invalid(`这次表决最多选 ${max} 项。`)
  return ids.sort((a, b) => optionNumber(a) - optionNumber(b)).join('+')
}

/** The option ids a stored choice selects (choice polls). */
export function decodeChoice(choice: string): string[] {
  return choice.split('+')
}

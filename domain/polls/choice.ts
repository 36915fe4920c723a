/**
 * A ballot's choice as the voter sends it, checked against the poll and written in the one
 * encoding ballots store and the canonical ballot list uses: yesNo `yes` / `no` / `abstain`;
 * choice polls the selected option ids ascending (by their number), joined by `+` (`o1+o3`).
 */
import type { PollKind, PollOption } from '../../types/model/poll'
import { DomainError } from '../shared/errors'
import { encodeSelection, optionId, YES_NO_CHOICES } from './choices'

/** `o1` … `o10`, in the order the options were drafted. */
export function optionIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => optionId(i + 1))
}

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
    if (typeof raw !== 'string' || !(YES_NO_CHOICES as readonly string[]).includes(raw)) {
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
  return encodeSelection(ids)
}

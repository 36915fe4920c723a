/**
 * 四议两公开 for Art. 24 matters: the three steps the committee records before the vote (the
 * fourth step): 党支部会提议, 两委会商议, 党员大会审议, in that order, each with its date, 应到 / 实到,
 * the result and a note; and what may still change once a poll on the matter has opened (nothing:
 * neither the category nor the steps).
 */
import type { LocalDate } from '../../types/model/common'
import type { Matter, ProcedureStepKey } from '../../types/model/matter'
import { CATEGORIES, isArt24 } from './categories'
import { DomainError } from '../shared/errors'
import { FINAL_STATUSES } from './lifecycle'

export const PROCEDURE_STEPS: readonly ProcedureStepKey[] = ['proposal', 'consultation', 'review']

export const STEP_LABELS: Record<ProcedureStepKey, string> = {
  proposal: '党支部会提议',
  consultation: '两委会商议',
  review: '党员大会审议',
}

export const POLL_OPENED_CATEGORY = '这件事已经开始表决，类别不能再改。'
export const POLL_OPENED_STEPS = '这件事已经开始表决，四议的步骤应当在表决之前记录。'

/** Whether a category change is open at all (the button), before the target is known. */
export function categoryChangeOpen(matter: Pick<Matter, 'pollOpenedAt' | 'status'>): boolean {
  return (
    !matter.pollOpenedAt && matter.status !== 'raised' && !FINAL_STATUSES.includes(matter.status)
  )
}

/** Whether the committee may still change the matter's category; throws CONFLICT if not. */
export function checkCategoryChange(
  matter: Pick<Matter, 'category' | 'pollOpenedAt' | 'status'>,
  to: NonNullable<Matter['category']>,
): void {
  if (matter.pollOpenedAt) throw new DomainError('CONFLICT', POLL_OPENED_CATEGORY)
  if (matter.status === 'raised') {
    throw new DomainError('CONFLICT', '这件事还没有受理，请在受理时选择类别。')
  }
  if (FINAL_STATUSES.includes(matter.status)) {
    throw new DomainError('CONFLICT', '这件事已经结束，类别不能再改。')
  }
  if (matter.category === to) {
    throw new DomainError('CONFLICT', `这件事的类别已经是“${CATEGORIES[to].label}”了。`)
  }
}

export interface StepInput {
  step: ProcedureStepKey
  date: LocalDate
  expected: number
  present: number
}

/**
 * Whether a step may be recorded (or corrected) now: before any poll opened, not dated after
 * today, 实到 at most 应到, after the step before it (recorded, and not later than this one) and not
 * after the step that follows, when that is recorded.
 */
export function checkProcedureStep(
  matter: Pick<Matter, 'procedure' | 'pollOpenedAt' | 'status' | 'category'>,
  input: StepInput,
  today: LocalDate,
): void {
  const conflict = (m: string) => new DomainError('CONFLICT', m)
  const invalid = (m: string) => new DomainError('INVALID_INPUT', m)
  if (matter.pollOpenedAt) throw conflict(POLL_OPENED_STEPS)
  if (FINAL_STATUSES.includes(matter.status))
    throw conflict('这件事已经结束，不能再记录四议的步骤。')
  if (!isArt24(matter.category)) {
    throw conflict('只有村民委员会组织法第二十四条所列的事项才需要记录“四议”，请先确认事项类别。')
  }
  const label = STEP_LABELS[input.step]
  if (input.date > today) throw invalid(`${label}的日期不能晚于今天（${today}）。`)
  if (input.present > input.expected) throw invalid(`${label}的实到人数不能多于应到人数。`)
  const i = PROCEDURE_STEPS.indexOf(input.step)
  const before = i > 0 ? PROCEDURE_STEPS[i - 1] : undefined
  const after = PROCEDURE_STEPS[i + 1]
  if (before) {
    const prev = matter.procedure?.[before]
    if (!prev) throw conflict(`请先记录“${STEP_LABELS[before]}”。`)
    if (input.date < prev.date) {
      throw invalid(`${label}的日期不能早于${STEP_LABELS[before]}（${prev.date}）。`)
    }
  }
  const next = after ? matter.procedure?.[after] : undefined
  if (after && next && input.date > next.date) {
    throw invalid(`${label}的日期不能晚于${STEP_LABELS[after]}（${next.date}）。`)
  }
}

/** The step as its timeline entry reads. */
export function stepNote(s: StepInput & { result: string; note: string }): string {
  const base = `${STEP_LABELS[s.step]}（${s.date}）：应到 ${s.expected} 人，实到 ${s.present} 人；结果：${s.result}`
  return s.note ? `${base}；${s.note}` : base
}

export const ART24_DECISION =
  '这件事属于村民委员会组织法第二十四条所列事项，应当由村民会议或者村民代表会议表决决定，不能由村委会直接记录决议。'

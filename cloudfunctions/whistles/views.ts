/** Stored whistles as the screens see them: the clock computed at the time of the answer. */
import type { WhistleStepView, WhistleView } from '../../types/api/whistles'
import type { Whistle, WhistleStep } from '../../types/model/township'
import {
  DEFAULT_WHISTLE_TIERS,
  WHISTLE_LEVEL_LABELS,
  whistleClockWords,
  whistleState,
} from '../../domain/township/whistle'
import type { Names } from './repo'

const iso = (d: Date | string): string => new Date(d).toISOString()

export const SCHEDULER_ID = 'scheduler'

/** Who took a step, as the village reads it: 村委会, the department, 乡镇, 区, or 系统. */
function byLabel(step: WhistleStep, departmentName: string): string {
  if (step.by === SCHEDULER_ID) return '系统'
  if (step.kind === 'raised') return '村委会'
  if (!step.unit || step.unit === 'department') return departmentName
  return WHISTLE_LEVEL_LABELS[step.unit]
}

export function tierLabelOf(w: Pick<Whistle, 'tier' | 'tierLabel'>): string {
  return w.tierLabel ?? DEFAULT_WHISTLE_TIERS.find((t) => t.tier === w.tier)?.label ?? w.tier
}

export function toWhistleView(w: Whistle, names: Names, now: Date): WhistleView {
  const state = whistleState(w, now)
  const departmentName = names.departments.get(w.departmentId)?.name ?? ''
  return {
    id: w._id,
    matterId: w.matterId,
    matterTitle: names.matters.get(w.matterId)?.title ?? '',
    villageId: w.villageId,
    villageName: names.villages.get(w.villageId)?.name ?? '',
    departmentId: w.departmentId,
    departmentName,
    tier: w.tier,
    tierLabel: tierLabelOf(w),
    status: w.status,
    raisedAt: iso(w.raisedAt),
    dueAt: iso(w.dueAt),
    level: state.level,
    overdue: state.overdue,
    clockWords: whistleClockWords(state, now),
    steps: w.steps.map((s): WhistleStepView => ({
      kind: s.kind,
      at: iso(s.at),
      byLabel: byLabel(s, departmentName),
      ...(s.text !== undefined ? { text: s.text } : {}),
      ...(s.level !== undefined ? { level: s.level } : {}),
    })),
  }
}

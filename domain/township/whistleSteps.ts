/**
 * 吹哨报到: what may happen to a whistle, and who may do it — one table, with the words each step
 * leaves on the matter's timeline. The clock itself (due, overdue, the level) is ./whistle.ts.
 *
 * - The committee blows a whistle on a matter its village is working on: accepted, in discussion,
 *   being voted on, decided or being handled. Not one still waiting to be accepted (the committee
 *   answers it first), nor one resolved or ended (closed, declined, merged, withdrawn).
 * - The department acknowledges (报到) a raised whistle, then reports progress and resolves it; it
 *   may resolve at once, and return it (not its matter) with a reason, raised or acknowledged.
 *   Progress needs the acknowledgement first.
 * - Who acts: the department's staff always. Once the clock has taken the whistle to the township,
 *   the township's staff too; once at the district, the district's staff too (escalation adds who
 *   must answer, it never takes the department off). The level of an answered whistle stays where
 *   it was at the answer (./whistle.ts), so a township that acknowledged a late whistle carries it
 *   on to the end.
 *
 * Pure: no platform import.
 */
import type { MatterStatus } from '../../types/model/matter'
import type { WhistleLevel, WhistleStatus, WhistleStepKind } from '../../types/model/township'
import type { WhistleAuditAction } from '../../types/model/audit'
import { DomainError } from '../shared/errors'
import { WHISTLE_LEVELS, WHISTLE_LEVEL_LABELS } from './whistle'

export const WHISTLE_STATUS_LABELS: Readonly<Record<WhistleStatus, string>> = {
  raised: '待报到',
  acknowledged: '已报到',
  resolved: '已办结',
  returned: '已退回',
}

/** Every status a whistle can be in. */
export const WHISTLE_STATUSES: readonly WhistleStatus[] = [
  'raised',
  'acknowledged',
  'resolved',
  'returned',
]

/** A whistle still open: at most one per matter and department. */
export const OPEN_WHISTLE_STATUSES: readonly WhistleStatus[] = ['raised', 'acknowledged']

/** The matters a committee may blow a whistle on. */
export const WHISTLE_MATTER_STATUSES: readonly MatterStatus[] = [
  'accepted',
  'discussing',
  'deciding',
  'decided',
  'handling',
]

/** The acts on a blown whistle, from which statuses, to which. */
export const WHISTLE_TRANSITIONS = {
  acknowledgeWhistle: { from: ['raised'], to: 'acknowledged', step: 'acknowledged' },
  reportWhistleProgress: { from: ['acknowledged'], to: 'acknowledged', step: 'progress' },
  resolveWhistle: { from: ['raised', 'acknowledged'], to: 'resolved', step: 'resolved' },
  returnWhistle: { from: ['raised', 'acknowledged'], to: 'returned', step: 'returned' },
} as const satisfies Record<
  string,
  { from: readonly WhistleStatus[]; to: WhistleStatus; step: WhistleStepKind }
>

export type WhistleAct = keyof typeof WHISTLE_TRANSITIONS

const ACT_LABELS: Readonly<Record<WhistleAct, string>> = {
  acknowledgeWhistle: '报到',
  reportWhistleProgress: '报告进展',
  resolveWhistle: '办结',
  returnWhistle: '退回',
}

/** The status `act` leads to from `from`, or CONFLICT in plain words. */
export function whistleTransition(from: WhistleStatus, act: WhistleAct): WhistleStatus {
  const rule = WHISTLE_TRANSITIONS[act]
  if (!(rule.from as readonly WhistleStatus[]).includes(from)) {
    const why = act === 'reportWhistleProgress' && from === 'raised' ? '，请先报到' : ''
    throw new DomainError(
      'CONFLICT',
      `这次吹哨现在是“${WHISTLE_STATUS_LABELS[from]}”，不能${ACT_LABELS[act]}${why}。`,
    )
  }
  return rule.to
}

/** The levels whose staff may act on a whistle at `level` (the department's always). */
export function actingLevels(level: WhistleLevel): WhistleLevel[] {
  return WHISTLE_LEVELS.slice(0, WHISTLE_LEVELS.indexOf(level) + 1)
}

/** The audit action each step leaves on the matter's timeline. */
export const WHISTLE_AUDIT_ACTION: Readonly<Record<WhistleStepKind, WhistleAuditAction>> = {
  raised: 'blowWhistle',
  acknowledged: 'acknowledgeWhistle',
  progress: 'reportWhistleProgress',
  escalated: 'escalateWhistle',
  resolved: 'resolveWhistle',
  returned: 'returnWhistle',
}

/** `2 小时`, `24 小时`, `7 天`: a tier's clock as the committee reads it. */
export function responseHoursWords(hours: number): string {
  return hours > 24 && hours % 24 === 0 ? `${hours / 24} 天` : `${hours} 小时`
}

/** What one step says on the matter's timeline (the audit record's note). */
export type WhistleStepFacts =
  | {
      kind: 'raised'
      departmentName: string
      tierLabel: string
      responseHours: number
      note: string
    }
  | { kind: 'acknowledged'; unitName: string; late: boolean }
  | { kind: 'progress' | 'resolved'; unitName: string; text: string }
  | { kind: 'returned'; unitName: string; reason: string }
  | { kind: 'escalated'; departmentName: string; level: WhistleLevel; unitName: string }

/**
 * 已吹哨：区水务局（危及生命财产安全，2 小时内报到）/ 区水务局已报到 / 区水务局超时未报到，已升级到
 * 乡镇（东镇）/ 区水务局报告进展：… / 区水务局已办结：… / 区水务局退回：….
 */
export function whistleStepWords(f: WhistleStepFacts): string {
  switch (f.kind) {
    case 'raised': {
      const head = `已吹哨：${f.departmentName}（${f.tierLabel}，${responseHoursWords(f.responseHours)}内报到）`
      return f.note ? `${head}。${f.note}` : head
    }
    case 'acknowledged':
      return `${f.unitName}已报到${f.late ? '（超时）' : ''}`
    case 'progress':
      return `${f.unitName}报告进展：${f.text}`
    case 'resolved':
      return `${f.unitName}已办结：${f.text}`
    case 'returned':
      return `${f.unitName}退回：${f.reason}`
    case 'escalated':
      return `${f.departmentName}超时未报到，已升级到${WHISTLE_LEVEL_LABELS[f.level]}（${f.unitName}）`
  }
}

/**
 * 吹哨报到: a whistle's response clock, computed from its record and the clock (an argument),
 * never stored. The tiers follow Beijing 12345's service standard (DESIGN.md "Response clocks") and
 * are configuration: a district keeps its own in `District.whistleTiers`, checked by
 * `validateWhistleTiers`; a whistle copies its tier's hours when it is blown (`responseHours`), so a
 * later change of the tiers does not move its clock.
 *
 * The rule, with H = `responseHours` and `dueAt` = raisedAt + H:
 * - Until `dueAt` (inclusive) the department must acknowledge (报到). At `dueAt` itself the clock
 *   has not run out; 1 ms after, it has — as a matter's 接诉即办 clock (domain/matters/rules.ts
 *   `isOverdue`: overdue once strictly past the deadline).
 * - Unanswered after `dueAt`: overdue, and the township must answer, by `dueAt + H` (one more
 *   clock period, inclusive).
 * - Still unanswered after `dueAt + H`: the district. It is the top: no further deadline.
 * - The answer is the acknowledgement (`acknowledgedAt`; a whistle resolved without one is
 *   answered by its return, `returnedAt`, or its resolution, `resolvedAt`). Whoever answers — the department, or the township's
 *   staff acting on it — the escalation stops there, and the level stays where it was at that
 *   moment: a whistle acknowledged 3 hours late on a 2-hour tier stays with the township. We keep
 *   the level (rather than handing it back to the department) because the scheduler has already
 *   recorded the escalation on the matter's timeline and told the township, which now oversees
 *   the answer; a level that went down again would contradict the timeline, and
 *   `escalationDue` would never have to take a step back.
 * - Acknowledged, resolved or returned: not overdue (the clock is answered; a late answer shows
 *   as `answeredInTime: false`).
 * - `answeredInTime` (the whistle's part of 响应率, domain/dashboard/metrics.ts): true when
 *   answered at or before `dueAt`; false when answered after it, or unanswered once `dueAt` has
 *   passed; undefined while the department's clock still runs (or for a whistle stored with no
 *   answer time at all).
 *
 * Pure: no platform import.
 */
import type {
  Whistle,
  WhistleLevel,
  WhistleStatus,
  WhistleTier,
  WhistleTierSetting,
} from '../../types/model/township'
import { DomainError } from '../shared/errors'
import type { Instant } from '../shared/time'
import { normalizeText } from '../shared/text'
import { charCount } from '../shared/validate'
import { durationWords } from '../matters/clock'

const MINUTE_MS = 60 * 1000
const HOUR_MS = 60 * MINUTE_MS

/** The tiers, fastest first: the order the settings page lists them in. */
export const WHISTLE_TIERS: readonly WhistleTier[] = ['danger', 'utilities', 'general', 'complex']

/** Beijing 12345's clocks: 2 hours, 24 hours, 7 days, 15 days. */
export const DEFAULT_WHISTLE_TIERS: readonly WhistleTierSetting[] = [
  { tier: 'danger', label: '危及生命财产安全', responseHours: 2 },
  { tier: 'utilities', label: '水电气热', responseHours: 24 },
  { tier: 'general', label: '一般诉求', responseHours: 7 * 24 },
  { tier: 'complex', label: '复杂诉求', responseHours: 15 * 24 },
]

/** The longest clock a district may set: 30 days. */
export const MAX_RESPONSE_HOURS = 720
/** The longest label of a tier, in characters as a person counts them. */
export const MAX_TIER_LABEL = 20

/** The levels in order: who answers first, and who after. */
export const WHISTLE_LEVELS: readonly WhistleLevel[] = ['department', 'township', 'district']

export const WHISTLE_LEVEL_LABELS: Readonly<Record<WhistleLevel, string>> = {
  department: '部门',
  township: '乡镇',
  district: '区',
}

/**
 * A district's tiers, checked: each of the four tiers exactly once, whole hours from 1 to
 * MAX_RESPONSE_HOURS, a label of 1 to MAX_TIER_LABEL characters. Returns them in WHISTLE_TIERS
 * order with their labels normalised; throws INVALID_INPUT saying what is wrong.
 */
export function validateWhistleTiers(tiers: readonly WhistleTierSetting[]): WhistleTierSetting[] {
  if (!Array.isArray(tiers)) throw new DomainError('INVALID_INPUT', '响应时限的设置不对')
  const seen = new Map<WhistleTier, WhistleTierSetting>()
  for (const t of tiers) {
    const setting = t as Partial<WhistleTierSetting> | null
    const tier = setting?.tier
    if (tier === undefined || !WHISTLE_TIERS.includes(tier)) {
      throw new DomainError('INVALID_INPUT', `没有“${String(tier)}”这一类诉求`)
    }
    if (seen.has(tier)) {
      throw new DomainError('INVALID_INPUT', `“${defaultLabel(tier)}”的时限设置了不止一次`)
    }
    const hours = setting?.responseHours
    if (
      typeof hours !== 'number' ||
      !Number.isInteger(hours) ||
      hours < 1 ||
      hours > MAX_RESPONSE_HOURS
    ) {
      throw new DomainError(
        'INVALID_INPUT',
        `“${defaultLabel(tier)}”的时限应当是 1 到 ${MAX_RESPONSE_HOURS} 之间的整小时数`,
      )
    }
    const label = typeof setting?.label === 'string' ? normalizeText(setting.label, '名称') : null
    if (label === null || !label.ok || label.text === '') {
      throw new DomainError('INVALID_INPUT', `请填写“${defaultLabel(tier)}”这一类的名称`)
    }
    if (charCount(label.text) > MAX_TIER_LABEL) {
      throw new DomainError('INVALID_INPUT', `诉求类别的名称不能超过 ${MAX_TIER_LABEL} 个字`)
    }
    seen.set(tier, { tier, label: label.text, responseHours: hours })
  }
  const missing = WHISTLE_TIERS.filter((t) => !seen.has(t))
  if (missing.length > 0) {
    throw new DomainError('INVALID_INPUT', `请设置“${missing.map(defaultLabel).join('”“')}”的时限`)
  }
  return WHISTLE_TIERS.map((t) => seen.get(t) as WhistleTierSetting)
}

function defaultLabel(tier: WhistleTier): string {
  return DEFAULT_WHISTLE_TIERS.find((t) => t.tier === tier)?.label ?? tier
}

/** When the department's answer is due: `responseHours` after the whistle. */
export function dueAtOf(raisedAt: Instant, responseHours: number): Date {
  return new Date(new Date(raisedAt).getTime() + responseHours * HOUR_MS)
}

/** What the clock says about a whistle now. */
export interface WhistleState {
  /** The whistle's status and deadline, carried for the words (`whistleClockWords`). */
  status: WhistleStatus
  dueAt: Date
  /** Who must answer (or, once answered, who had it at that moment). */
  level: WhistleLevel
  /** Unanswered and past `dueAt`. */
  overdue: boolean
  /** Acknowledged, resolved or returned. */
  answered: boolean
  /** Answered at or before `dueAt` (响应率); undefined while the department's clock runs. */
  answeredInTime: boolean | undefined
  /** While unanswered below the district: when the current level's time runs out. */
  nextDeadline?: Date
  /** `nextDeadline` − now, in ms (≥ 0). */
  remainingMs?: number
}

export type WhistleClock = Pick<
  Whistle,
  'status' | 'raisedAt' | 'dueAt' | 'responseHours' | 'acknowledgedAt' | 'resolvedAt'
> &
  Partial<Pick<Whistle, 'returnedAt'>> &
  Partial<Pick<Whistle, 'escalatedTo'>>

/** The level an unanswered whistle has reached at `t`. */
function levelAt(w: WhistleClock, t: number): WhistleLevel {
  const due = new Date(w.dueAt).getTime()
  if (t <= due) return 'department'
  if (t <= due + w.responseHours * HOUR_MS) return 'township'
  return 'district'
}

/** The whistle's clock at `now`: computed, never stored (the rule is in the header). */
export function whistleState(w: WhistleClock, now: Instant): WhistleState {
  const t = new Date(now).getTime()
  const due = new Date(w.dueAt).getTime()
  const base = { status: w.status, dueAt: new Date(due) }
  if (w.status !== 'raised') {
    const answeredAt = w.acknowledgedAt ?? w.returnedAt ?? w.resolvedAt
    if (answeredAt === undefined) {
      return {
        ...base,
        level: w.escalatedTo ?? 'department',
        overdue: false,
        answered: true,
        answeredInTime: undefined,
      }
    }
    const a = new Date(answeredAt).getTime()
    return {
      ...base,
      level: levelAt(w, a),
      overdue: false,
      answered: true,
      answeredInTime: a <= due,
    }
  }
  const level = levelAt(w, t)
  const state: WhistleState = {
    ...base,
    level,
    overdue: t > due,
    answered: false,
    answeredInTime: t > due ? false : undefined,
  }
  if (level !== 'district') {
    const deadline = level === 'department' ? due : due + w.responseHours * HOUR_MS
    state.nextDeadline = new Date(deadline)
    state.remainingMs = deadline - t
  }
  return state
}

/**
 * The level the scheduler must record now (one `escalated` step, then `escalatedTo` set to it),
 * or undefined when the clock asks for nothing new. It is the lowest level above `escalatedTo`
 * that the clock has reached, so each level gets exactly one step, in order, however late the
 * scheduler runs: when a run finds a whistle already due at the district with nothing recorded,
 * it records the township, and the next call (the same run, or the next) the district. A whistle
 * answered late still has the level it reached recorded; after the answer nothing more.
 */
export function escalationDue(w: WhistleClock, now: Instant): WhistleLevel | undefined {
  const reached = WHISTLE_LEVELS.indexOf(whistleState(w, now).level)
  const recorded = WHISTLE_LEVELS.indexOf(w.escalatedTo ?? 'department')
  return reached > recorded ? WHISTLE_LEVELS[recorded + 1] : undefined
}

/**
 * `1 小时 30 分`, `23 小时 59 分`, `不到 1 分钟` under a day (a 2-hour clock needs its minutes);
 * `2 天 5 小时` from a day on (domain/matters/clock.ts `durationWords`). Rounded down.
 */
export function whistleDurationWords(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE_MS)
  if (minutes >= 24 * 60) return durationWords(Math.floor(minutes / 60))
  if (minutes < 1) return '不到 1 分钟'
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} 分`
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分`
}

/**
 * The clock in words for the screen, at `now` (the instant `state` was computed for):
 * `还剩 1 小时 30 分` (the department's time), `已超时 2 小时，已转乡镇`, `已超时 1 天 3 小时，
 * 已转区`; once answered `已报到` (`已报到（超时）` when late), `已办结`, `已退回`.
 */
export function whistleClockWords(state: WhistleState, now: Instant): string {
  if (state.status === 'resolved') return '已办结'
  if (state.status === 'returned') return '已退回'
  if (state.answered) return state.answeredInTime === false ? '已报到（超时）' : '已报到'
  const t = new Date(now).getTime()
  if (!state.overdue) {
    const deadline = state.nextDeadline ?? state.dueAt
    return `还剩 ${whistleDurationWords(deadline.getTime() - t)}`
  }
  const late = whistleDurationWords(t - state.dueAt.getTime())
  return `已超时 ${late}，已转${WHISTLE_LEVEL_LABELS[state.level]}`
}

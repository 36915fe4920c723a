/**
 * The ONE definition of the dashboards' figures — 响应率 / 解决率 / 满意率 (responseRate /
 * resolutionRate / satisfactionRate) — for a village (the committee's console), a township and the
 * district alike. The page shows `METRIC_DEFINITIONS`, which say in Chinese exactly what is
 * counted here.
 *
 * Which records count, and in which month (a calendar month in Shanghai, `YYYY-MM`):
 * - 响应率 = answered within the clock ÷ clocks due, counted in the month the clock falls due
 *   (a matter's `respondBy`, a whistle's `dueAt`). A clock is a matter raised by a resident
 *   (origin `resident`; a committee's topic has none) and a whistle. A matter is answered when the
 *   committee accepts, declines or merges it; a whistle when the department acknowledges it (报到),
 *   or resolves it without a separate acknowledgement (domain/township/whistle.ts). In time means
 *   at or before the deadline (the deadline itself is in time, as in matters/rules.ts `isOverdue`).
 *   A clock counts once it is settled: answered (in time or late), or run out unanswered; one still
 *   running unanswered is not counted yet (so the current month's figure covers what is decided so
 *   far). A matter withdrawn by its resident before its deadline is not counted; withdrawn after it
 *   unanswered, it counts as late. A whistle returned with no answer time on record is not counted.
 *   We count by the due month, not the month of the answer, because then the set of clocks of a
 *   month is fixed by their deadlines: once the month is over its figure is final.
 * - 解决率 = resolved ÷ accepted, counted in the month of acceptance (`statusAt.accepted`, a
 *   committee's topic included: it is accepted when opened); resolved means resolved by now. A
 *   matter resolved in a later month raises the figure of the month it was accepted in.
 * - 满意率 = ratings of 4 or 5 ÷ all ratings (民意测评, 1–5), in the month of the rating (`at`).
 * - 吹哨 overdue by department: the whistles due in the month that were not answered in time
 *   (late, or not at all), per department.
 * - Two-list matches (双向认领): ledger entries made in the month (their `month`), and entries
 *   completed in the month (`completedAt`).
 *
 * A rate is a fraction of integers, never a float: a township's rate is the SUM of its villages'
 * numerators over the sum of their denominators (`combine`), never the average of their rates;
 * rates are compared by integer cross-multiplication (`compareRates`); the text is rounded half up
 * in integers (`rateText`). (DESIGN.md: a peer rounding ratios to 4 decimals decides boundaries
 * wrongly.)
 *
 * Where the counts come from: the back end never pages through records for a dashboard. It keeps
 * one `Rollup` per village and month, written in the same transaction as the record it counts
 * (raising, answering, accepting, resolving, rating a matter; acknowledging a whistle; the
 * scheduler when a clock runs out unanswered), or computes the same counts with one aggregation.
 * A township's and the district's figures are `sumRollups` of their villages'. This module is
 * only the pure part: the shapes, the definitions (`rollupFrom` recounts a unit's month from plain
 * records, which is what the back end's rollups are tested against), and the arithmetic.
 *
 * Pure: no platform import; Shanghai months whatever the machine's zone (../shared/time.ts).
 */
import type { Matter, Rating } from '../../types/model/matter'
import type { LedgerEntry, Whistle } from '../../types/model/township'
import { DomainError } from '../shared/errors'
import { inShanghai, SHANGHAI_UTC_OFFSET_MINUTES, type Instant } from '../shared/time'
import { whistleState, type WhistleClock } from '../township/whistle'

// ---------------------------------------------------------------------------------------------
// Fractions

/** A rate as counted: `numerator` of `denominator` (integers, 0 ≤ numerator ≤ denominator). */
export interface Fraction {
  readonly numerator: number
  readonly denominator: number
}

export const EMPTY: Fraction = { numerator: 0, denominator: 0 }

/** A fraction, checked: whole numbers, the part no greater than the whole. */
export function fraction(numerator: number, denominator: number): Fraction {
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    numerator < 0 ||
    numerator > denominator
  ) {
    throw new DomainError('INVALID_INPUT', `统计数字不对：${numerator} / ${denominator}`)
  }
  return { numerator, denominator }
}

/** The rate of a whole made of parts: the sums of numerators and of denominators. */
export function combine(...parts: readonly Fraction[]): Fraction {
  let numerator = 0
  let denominator = 0
  for (const p of parts) {
    numerator += p.numerator
    denominator += p.denominator
  }
  return fraction(numerator, denominator)
}

/**
 * `96.5%`: the percentage with one decimal, rounded half up (96.45% → 96.5%), in integers only;
 * `—` when nothing was counted (denominator 0).
 */
export function rateText(f: Fraction): string {
  const { numerator: n, denominator: d } = fraction(f.numerator, f.denominator)
  if (d === 0) return '—'
  // Tenths of a percent, rounded half up: floor((1000·n + d/2) / d) = floor((2000·n + d) / 2d).
  const x = 2000 * n + d
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(2 * d)) {
    throw new DomainError('INVALID_INPUT', `统计数字太大：${n} / ${d}`)
  }
  const tenths = (x - (x % (2 * d))) / (2 * d)
  return `${(tenths - (tenths % 10)) / 10}.${tenths % 10}%`
}

/**
 * −1, 0 or 1 as rate `a` is lower than, equal to or higher than `b`, by cross-multiplication
 * (a.n·b.d against b.n·a.d), exact while the products stay below 2^53 (counts under about 90
 * million each). A rate with nothing counted has no value: it ranks below every rate, and equals
 * another such.
 */
export function compareRates(a: Fraction, b: Fraction): -1 | 0 | 1 {
  if (a.denominator === 0 || b.denominator === 0) {
    return a.denominator === b.denominator ? 0 : a.denominator === 0 ? -1 : 1
  }
  const left = a.numerator * b.denominator
  const right = b.numerator * a.denominator
  if (!Number.isSafeInteger(left) || !Number.isSafeInteger(right)) {
    throw new DomainError('INVALID_INPUT', '统计数字太大，无法比较')
  }
  return left < right ? -1 : left > right ? 1 : 0
}

// ---------------------------------------------------------------------------------------------
// Months (Shanghai)

/** A calendar month in Shanghai, `YYYY-MM`. */
export type MonthKey = string

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/

/** The Shanghai month of an instant. */
export function monthKey(instant: Instant): MonthKey {
  return inShanghai(instant).format('YYYY-MM')
}

function parseMonth(key: MonthKey): { year: number; month: number } {
  const m = MONTH_KEY.exec(key)
  if (!m) throw new DomainError('INVALID_INPUT', `月份“${key}”不对，应当是 YYYY-MM`)
  return { year: Number(m[1]), month: Number(m[2]) }
}

function keyOf(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
}

/** The twelve months ending with the month of `now`, oldest first. */
export function lastTwelveMonths(now: Instant): MonthKey[] {
  const { year, month } = parseMonth(monthKey(now))
  const keys: MonthKey[] = []
  for (let back = 11; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back
    keys.push(keyOf(Math.floor(index / 12), (index % 12) + 1))
  }
  return keys
}

/** The instants a Shanghai month spans: from `start` (inclusive) to `end` (exclusive). */
export function monthBounds(key: MonthKey): { start: Date; end: Date } {
  const { year, month } = parseMonth(key)
  const offset = SHANGHAI_UTC_OFFSET_MINUTES * 60 * 1000
  return {
    start: new Date(Date.UTC(year, month - 1, 1) - offset),
    end: new Date(Date.UTC(year, month, 1) - offset),
  }
}

// ---------------------------------------------------------------------------------------------
// The definitions

export type MetricKey = 'responseRate' | 'resolutionRate' | 'satisfactionRate'

export const METRIC_KEYS: readonly MetricKey[] = [
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
]

/** What the page says each figure is: the same rule as the code of this module. */
export const METRIC_DEFINITIONS: Readonly<
  Record<MetricKey, { readonly label: string; readonly definition: string }>
> = {
  responseRate: {
    label: '响应率',
    definition:
      '期限在本月到期的事项和吹哨中，在期限之内（到期那一刻也算）得到答复的比例。' +
      '事项指村民提出的事项，期限是村里定的答复时限，受理、不予受理或合并都算答复；' +
      '吹哨的期限是诉求类别的响应时限，部门报到（或直接办结）算答复。' +
      '还没到期也还没答复的暂不计入；到期前撤回的事项不计入。月份按北京时间。',
  },
  resolutionRate: {
    label: '解决率',
    definition:
      '本月受理的事项（含村委会开的议题）中，到现在已经办结的比例。' +
      '按受理的月份统计：之后才办结的，也算在受理的那个月。月份按北京时间。',
  },
  satisfactionRate: {
    label: '满意率',
    definition:
      '本月收到的民意测评（1 到 5 分）中，打 4 分或 5 分的比例。按评价的月份统计，月份按北京时间。',
  },
}

// ---------------------------------------------------------------------------------------------
// Rollups

/** The counts of one unit (a village; or a sum of villages) and one month. */
export interface RollupCounts {
  /** Matters raised by residents in the month. */
  raised: number
  /** Matters' response clocks due in the month and settled (answered, or run out). */
  due: number
  /** … of which answered at or before the deadline. */
  answeredInTime: number
  /** Matters accepted in the month. */
  accepted: number
  /** … of which resolved by now. */
  resolved: number
  /** Ratings given in the month. */
  ratings: number
  /** … of which 4 or 5. */
  satisfied: number
  /** Whistles due in the month and settled. */
  whistlesDue: number
  /** … of which answered (报到) at or before `dueAt`. */
  whistlesAnsweredInTime: number
  /** Whistles due in the month not answered in time, per department id (only those with any). */
  overdueByDepartment?: Readonly<Record<string, number>>
  /** Ledger entries (matched pairs of the two lists) made in the month. */
  matchesMade: number
  /** Ledger entries completed in the month. */
  matchesCompleted: number
}

export interface Rollup extends RollupCounts {
  /** The village's id (or the township's, the district's, for a sum). */
  unitId: string
  month: MonthKey
}

export const COUNT_KEYS = [
  'raised',
  'due',
  'answeredInTime',
  'accepted',
  'resolved',
  'ratings',
  'satisfied',
  'whistlesDue',
  'whistlesAnsweredInTime',
  'matchesMade',
  'matchesCompleted',
] as const satisfies readonly (keyof RollupCounts)[]

export function emptyRollup(unitId: string, month: MonthKey): Rollup {
  return {
    unitId,
    month,
    raised: 0,
    due: 0,
    answeredInTime: 0,
    accepted: 0,
    resolved: 0,
    ratings: 0,
    satisfied: 0,
    whistlesDue: 0,
    whistlesAnsweredInTime: 0,
    matchesMade: 0,
    matchesCompleted: 0,
  }
}

/** A township's or the district's month: the sum of its villages' rollups (never an average). */
export function sumRollups(
  unitId: string,
  month: MonthKey,
  parts: readonly RollupCounts[],
): Rollup {
  const total = emptyRollup(unitId, month)
  const overdue: Record<string, number> = {}
  for (const part of parts) {
    for (const key of COUNT_KEYS) total[key] += part[key]
    for (const [department, n] of Object.entries(part.overdueByDepartment ?? {})) {
      overdue[department] = (overdue[department] ?? 0) + n
    }
  }
  if (Object.keys(overdue).length > 0) total.overdueByDepartment = overdue
  return total
}

/** The three figures of a rollup, as fractions. */
export function ratesOf(r: RollupCounts): Record<MetricKey, Fraction> {
  return {
    responseRate: fraction(r.answeredInTime + r.whistlesAnsweredInTime, r.due + r.whistlesDue),
    resolutionRate: fraction(r.resolved, r.accepted),
    satisfactionRate: fraction(r.satisfied, r.ratings),
  }
}

// ---------------------------------------------------------------------------------------------
// Counting one record (the rollup writers and the recount share these)

/** A clock's outcome for 响应率: counted in time or late, still running, or never counted. */
export type ResponseOutcome = 'inTime' | 'late' | 'running' | 'notCounted'

export type MatterFacts = Pick<Matter, 'origin' | 'raisedAt' | 'respondBy' | 'statusAt'>

function ms(instant: Instant): number {
  return new Date(instant).getTime()
}

/** A matter's response outcome at `now` (a committee's topic has no clock: notCounted). */
export function matterOutcome(m: MatterFacts, now: Instant): ResponseOutcome {
  if (m.origin !== 'resident') return 'notCounted'
  const due = ms(m.respondBy)
  const answers = [m.statusAt.accepted, m.statusAt.declined, m.statusAt.merged]
    .filter((at): at is Date => at !== undefined)
    .map(ms)
  if (answers.length > 0) return Math.min(...answers) <= due ? 'inTime' : 'late'
  const withdrawn = m.statusAt.withdrawn
  if (withdrawn !== undefined && ms(withdrawn) <= due) return 'notCounted'
  return ms(now) > due ? 'late' : 'running'
}

/** A whistle's response outcome at `now`, from its clock (domain/township/whistle.ts). */
export function whistleOutcome(w: WhistleClock, now: Instant): ResponseOutcome {
  const state = whistleState(w, now)
  if (state.answeredInTime === true) return 'inTime'
  if (state.answeredInTime === false) return 'late'
  return state.answered ? 'notCounted' : 'running'
}

export type RatingFacts = Pick<Rating, 'score' | 'at'>
export type WhistleFacts = WhistleClock & Pick<Whistle, 'departmentId'>
export type LedgerFacts = Pick<LedgerEntry, 'month'> & Partial<Pick<LedgerEntry, 'completedAt'>>

/**
 * One unit's month recounted from its records, by the definitions above: what the back end's
 * rollups (or its one aggregation) must equal.
 */
export function rollupFrom(input: {
  unitId: string
  month: MonthKey
  now: Instant
  matters: readonly MatterFacts[]
  ratings: readonly RatingFacts[]
  whistles: readonly WhistleFacts[]
  ledger?: readonly LedgerFacts[]
}): Rollup {
  const { month, now } = input
  const r = emptyRollup(input.unitId, month)
  const nowMs = ms(now)
  for (const m of input.matters) {
    if (m.origin === 'resident' && monthKey(m.raisedAt) === month) r.raised++
    if (monthKey(m.respondBy) === month) {
      const outcome = matterOutcome(m, now)
      if (outcome === 'inTime' || outcome === 'late') r.due++
      if (outcome === 'inTime') r.answeredInTime++
    }
    const accepted = m.statusAt.accepted
    if (accepted !== undefined && monthKey(accepted) === month) {
      r.accepted++
      const resolved = m.statusAt.resolved
      if (resolved !== undefined && ms(resolved) <= nowMs) r.resolved++
    }
  }
  for (const rating of input.ratings) {
    if (monthKey(rating.at) !== month) continue
    r.ratings++
    if (rating.score >= 4) r.satisfied++
  }
  const overdue: Record<string, number> = {}
  for (const w of input.whistles) {
    if (monthKey(w.dueAt) !== month) continue
    const outcome = whistleOutcome(w, now)
    if (outcome === 'inTime' || outcome === 'late') r.whistlesDue++
    if (outcome === 'inTime') r.whistlesAnsweredInTime++
    if (outcome === 'late') overdue[w.departmentId] = (overdue[w.departmentId] ?? 0) + 1
  }
  if (Object.keys(overdue).length > 0) r.overdueByDepartment = overdue
  for (const entry of input.ledger ?? []) {
    if (entry.month === month) r.matchesMade++
    if (entry.completedAt !== undefined && monthKey(entry.completedAt) === month) {
      r.matchesCompleted++
    }
  }
  return r
}

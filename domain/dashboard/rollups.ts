/**
 * The dashboards' stored counts: what each record adds to its village's `Rollup` of a month, so
 * the back end can keep them in the same transaction as the record (raise, answer, accept,
 * resolve, withdraw a matter; a rating; a ledger entry made or completed; a whistle answered),
 * and what the dashboard adds at read time for the clocks that ran out unanswered.
 *
 * The split, exact by construction (test/domain/dashboard/rollups.test.ts checks it against
 * `rollupFrom`, the one definition, domain/dashboard/metrics.ts):
 *   rollupFrom(month, now) = stored(month) + ranOut(month, now)
 * - stored: every count that an act on a record settles, independent of the clock — a matter
 *   raised; a clock answered (in time or late, by its due month); a matter withdrawn unanswered
 *   after its deadline (late); accepted, and resolved (by the month of acceptance); a rating; a
 *   whistle answered (in time, or late: then also overdue for its department); a ledger entry
 *   made, completed.
 * - ranOut: the clocks still unanswered whose deadline has passed by `now` — a resident's matter
 *   still `raised` with `respondBy < now`, a whistle still `raised` with `dueAt < now`. Nothing is
 *   written when a clock runs out (no scheduler has to catch up): the dashboard counts them with
 *   one query each (status + deadline, few records), and once one is answered late its act moves
 *   it into stored.
 *
 * A change of a record adds `contribution(after) − contribution(before)`: a writer never has to
 * know which of the counts its act touches.
 *
 * Pure: no platform import.
 */
import type { Matter } from '../../types/model/matter'
import { DomainError } from '../shared/errors'
import {
  COUNT_KEYS,
  emptyRollup,
  matterOutcome,
  monthKey,
  sumRollups,
  whistleOutcome,
  type LedgerFacts,
  type MatterFacts,
  type MonthKey,
  type RatingFacts,
  type Rollup,
  type RollupCounts,
  type WhistleFacts,
} from './metrics'

export type CountKey = (typeof COUNT_KEYS)[number]

/** Changes to one month's counts (missing = 0). */
export interface MonthDelta {
  counts: Partial<Record<CountKey, number>>
  overdueByDepartment: Record<string, number>
}

/** Changes to a village's rollups, by month. */
export type Delta = Record<MonthKey, MonthDelta>

function bump(d: Delta, month: MonthKey, key: CountKey, by = 1): void {
  const m = (d[month] ??= { counts: {}, overdueByDepartment: {} })
  m.counts[key] = (m.counts[key] ?? 0) + by
}

function bumpOverdue(d: Delta, month: MonthKey, departmentId: string, by = 1): void {
  const m = (d[month] ??= { counts: {}, overdueByDepartment: {} })
  m.overdueByDepartment[departmentId] = (m.overdueByDepartment[departmentId] ?? 0) + by
}

/**
 * The instant used to ask the clock rules what an act settled: long after any deadline, so an
 * answered clock reads in time or late; an unanswered one is left out (it is ranOut's, or running).
 */
const END_OF_TIME = new Date('9999-12-31T00:00:00Z')

export type MatterRecord = MatterFacts & Pick<Matter, 'status'>

/** What a matter adds to the stored rollups (undefined: a matter that does not exist yet). */
export function matterContribution(m: MatterRecord | undefined): Delta {
  const d: Delta = {}
  if (!m) return d
  if (m.origin === 'resident') bump(d, monthKey(m.raisedAt), 'raised')
  // Settled by an act: answered, or withdrawn after its deadline unanswered. Still `raised`, its
  // clock is running or ran out: counted at read time.
  if (m.status !== 'raised') {
    const outcome = matterOutcome(m, END_OF_TIME)
    if (outcome === 'inTime' || outcome === 'late') bump(d, monthKey(m.respondBy), 'due')
    if (outcome === 'inTime') bump(d, monthKey(m.respondBy), 'answeredInTime')
  }
  const accepted = m.statusAt.accepted
  if (accepted !== undefined) {
    bump(d, monthKey(accepted), 'accepted')
    if (m.statusAt.resolved !== undefined) bump(d, monthKey(accepted), 'resolved')
  }
  return d
}

export function ratingContribution(r: RatingFacts | undefined): Delta {
  const d: Delta = {}
  if (!r) return d
  bump(d, monthKey(r.at), 'ratings')
  if (r.score >= 4) bump(d, monthKey(r.at), 'satisfied')
  return d
}

/** What a whistle adds once answered (an unanswered one is counted at read time). */
export function whistleContribution(w: WhistleFacts | undefined): Delta {
  const d: Delta = {}
  if (!w || w.status === 'raised') return d
  const outcome = whistleOutcome(w, END_OF_TIME)
  const month = monthKey(w.dueAt)
  if (outcome === 'inTime' || outcome === 'late') bump(d, month, 'whistlesDue')
  if (outcome === 'inTime') bump(d, month, 'whistlesAnsweredInTime')
  if (outcome === 'late') bumpOverdue(d, month, w.departmentId)
  return d
}

export function ledgerContribution(e: LedgerFacts | undefined): Delta {
  const d: Delta = {}
  if (!e) return d
  bump(d, e.month, 'matchesMade')
  if (e.completedAt !== undefined) bump(d, monthKey(e.completedAt), 'matchesCompleted')
  return d
}

/** The sum of deltas, with the months and keys that come to 0 left out. */
export function addDeltas(...deltas: readonly Delta[]): Delta {
  const out: Delta = {}
  for (const d of deltas) {
    for (const [month, m] of Object.entries(d)) {
      for (const [key, n] of Object.entries(m.counts)) bump(out, month, key as CountKey, n)
      for (const [dep, n] of Object.entries(m.overdueByDepartment)) bumpOverdue(out, month, dep, n)
    }
  }
  for (const [month, m] of Object.entries(out)) {
    for (const [key, n] of Object.entries(m.counts)) if (n === 0) delete m.counts[key as CountKey]
    for (const [dep, n] of Object.entries(m.overdueByDepartment)) {
      if (n === 0) delete m.overdueByDepartment[dep]
    }
    if (Object.keys(m.counts).length === 0 && Object.keys(m.overdueByDepartment).length === 0) {
      delete out[month]
    }
  }
  return out
}

function negate(d: Delta): Delta {
  const out: Delta = {}
  for (const [month, m] of Object.entries(d)) {
    for (const [key, n] of Object.entries(m.counts)) bump(out, month, key as CountKey, -n)
    for (const [dep, n] of Object.entries(m.overdueByDepartment)) bumpOverdue(out, month, dep, -n)
  }
  return out
}

/** What changing a record from `before` to `after` does to the rollups. */
export function deltaOf(before: Delta, after: Delta): Delta {
  return addDeltas(after, negate(before))
}

/** A stored rollup with a month's changes added; a count below 0 is a bug, refused. */
export function applyDelta(rollup: Rollup, m: MonthDelta): Rollup {
  const out: Rollup = { ...rollup }
  for (const key of COUNT_KEYS) out[key] = (rollup[key] ?? 0) + (m.counts[key] ?? 0)
  const overdue: Record<string, number> = { ...(rollup.overdueByDepartment ?? {}) }
  for (const [dep, n] of Object.entries(m.overdueByDepartment)) {
    overdue[dep] = (overdue[dep] ?? 0) + n
    if (overdue[dep] === 0) delete overdue[dep]
  }
  delete out.overdueByDepartment
  if (Object.keys(overdue).length > 0) out.overdueByDepartment = overdue
  const negative = [...COUNT_KEYS.map((k) => out[k]), ...Object.values(overdue)].some((n) => n < 0)
  if (negative) throw new DomainError('INTERNAL', `统计数字出错：${rollup.unitId} ${rollup.month}`)
  return out
}

/** A unit's stored rollups after a delta, for the months it touches (one rollup each). */
export function rollupsAfter(
  unitId: string,
  stored: ReadonlyMap<MonthKey, Rollup>,
  delta: Delta,
): Rollup[] {
  return Object.entries(delta).map(([month, m]) =>
    applyDelta(stored.get(month) ?? emptyRollup(unitId, month), m),
  )
}

// ---------------------------------------------------------------------------------------------
// Read time: the clocks that ran out unanswered

/** Clocks still unanswered whose deadline passed, of one month (what the two queries count). */
export interface RanOut {
  /** Residents' matters still `raised` with `respondBy` in the month and before now. */
  matters: number
  /** Whistles still `raised` with `dueAt` in the month and before now, per department. */
  whistlesByDepartment: Readonly<Record<string, number>>
}

/** The counts ran-out clocks add: each is due and late. */
export function ranOutCounts(r: RanOut): RollupCounts {
  const counts = emptyRollup('', '')
  counts.due = r.matters
  let whistles = 0
  const overdue: Record<string, number> = {}
  for (const [dep, n] of Object.entries(r.whistlesByDepartment)) {
    if (n === 0) continue
    whistles += n
    overdue[dep] = n
  }
  counts.whistlesDue = whistles
  if (whistles > 0) counts.overdueByDepartment = overdue
  return counts
}

/** A unit's month as the dashboard shows it: its villages' stored rollups plus the ran-out clocks. */
export function monthFigures(
  unitId: string,
  month: MonthKey,
  stored: readonly RollupCounts[],
  ranOut: RanOut,
): Rollup {
  return sumRollups(unitId, month, [...stored, ranOutCounts(ranOut)])
}

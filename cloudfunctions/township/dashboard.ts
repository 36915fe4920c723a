/**
 * 看板: the counts of a unit's villages for twelve months, in three database requests whatever the
 * unit's size (a village, a township, the district of 150 villages and 500,000 matters):
 *
 * 1. the stored rollups (`rollups`, one per village and month, written in the transactions of the
 *    acts they count: cloudfunctions/_shared/rollups.ts), summed per month by ONE aggregation
 *    (`villageId in [...]`, month in the twelve, on the index villageId_month: at most 150 × 12
 *    documents read);
 * 2. the residents' matters whose clock ran out unanswered (still `raised`, `respondBy` before
 *    now), bucketed by due month: one aggregation on villageId_status, over the raised matters
 *    only;
 * 3. the whistles due in the months, per department with its name: one aggregation on
 *    status_dueAt (those still `raised` past their clock are the ones that ran out).
 *
 * Why rollups and not one aggregation over the matters: the district's dashboard would group
 * 500,000 matters on every call (the emulator and CloudBase alike read every one of them: the
 * three rates count the same matter in up to three different months — raised, due, accepted —
 * and ratings and whistles live in collections of their own, so it would be several such
 * aggregations), which is neither 3 s nor 5 requests. The split between what is stored and what is
 * counted at read time is domain/dashboard/rollups.ts; that the two together equal a full recount
 * is test/domain/dashboard/rollups.test.ts.
 *
 * A township's and the district's villages are read first (one request, `townshipId` /
 * `districtId` on villages): rollups carry only the village, so moving a village to another
 * township moves its history with it and no matter needs a migration.
 */
import {
  lastTwelveMonths,
  monthBounds,
  monthKey,
  type MonthKey,
  type Rollup,
  type RollupCounts,
} from '../../domain/dashboard/metrics'
import { monthFigures, type RanOut } from '../../domain/dashboard/rollups'
import type { Database } from '../_shared/cloud'
import type { WhistleStatus } from '../../types/model/township'
import { WHISTLE_STATUSES } from '../../domain/township/whistleSteps'
import { COLLECTION } from '../_shared/collections'

/** More than any unit has (150 villages × 12 months; departments): aggregations answer all. */
const ALL = 10_000

/** The ids of the villages of a township or a district (one request). */
export async function villagesOf(
  db: Database,
  owner: { townshipId: string } | { districtId: string },
): Promise<string[]> {
  const { data } = (await db
    .collection(COLLECTION.villages)
    .where(owner)
    .field({ _id: true })
    .limit(1000)
    .get()) as { data: Array<{ _id: string }> }
  return data.map((v) => v._id)
}

type Summed = RollupCounts & { _id: MonthKey; overdue: Array<Record<string, number> | null> }

/** The villages' stored counts of the months, summed per month (one aggregation). */
async function storedByMonth(
  db: Database,
  villageIds: readonly string[],
  months: readonly MonthKey[],
): Promise<Map<MonthKey, RollupCounts>> {
  const _ = db.command
  const $ = db.command.aggregate
  const { data } = (await db
    .collection(COLLECTION.rollups)
    .aggregate()
    .match({ villageId: _.in([...villageIds]), month: _.in([...months]) })
    .group({
      _id: '$month',
      raised: $.sum('$raised'),
      due: $.sum('$due'),
      answeredInTime: $.sum('$answeredInTime'),
      accepted: $.sum('$accepted'),
      resolved: $.sum('$resolved'),
      ratings: $.sum('$ratings'),
      satisfied: $.sum('$satisfied'),
      whistlesDue: $.sum('$whistlesDue'),
      whistlesAnsweredInTime: $.sum('$whistlesAnsweredInTime'),
      matchesMade: $.sum('$matchesMade'),
      matchesCompleted: $.sum('$matchesCompleted'),
      overdue: $.push('$overdueByDepartment'),
    })
    .limit(ALL)
    .end()) as { data: Summed[] }
  const out = new Map<MonthKey, RollupCounts>()
  for (const { _id, overdue, ...counts } of data) {
    const overdueByDepartment: Record<string, number> = {}
    for (const part of overdue) {
      for (const [dep, n] of Object.entries(part ?? {})) {
        overdueByDepartment[dep] = (overdueByDepartment[dep] ?? 0) + n
      }
    }
    out.set(_id, { ...counts, ...(overdue.length > 0 ? { overdueByDepartment } : {}) })
  }
  return out
}

/** The residents' matters still unanswered past their deadline, per due month (one aggregation). */
async function mattersRanOut(
  db: Database,
  villageIds: readonly string[],
  months: readonly MonthKey[],
  now: Date,
): Promise<Map<MonthKey, number>> {
  const _ = db.command
  const $ = db.command.aggregate
  const boundaries = [
    ...months.map((m) => monthBounds(m).start),
    monthBounds(months.at(-1) as MonthKey).end,
  ]
  const until = new Date(Math.min(now.getTime(), (boundaries.at(-1) as Date).getTime()))
  const out = new Map<MonthKey, number>()
  if (until <= (boundaries[0] as Date)) return out
  const { data } = (await db
    .collection(COLLECTION.matters)
    .aggregate()
    .match({
      villageId: _.in([...villageIds]),
      status: 'raised',
      origin: 'resident',
      respondBy: _.gte(boundaries[0]).and(_.lt(until)),
    })
    .bucket({ groupBy: '$respondBy', boundaries, default: 'other', output: { n: $.sum(1) } })
    .limit(ALL)
    .end()) as { data: Array<{ _id: Date | string; n: number }> }
  for (const b of data) {
    if (b._id === 'other') continue
    out.set(monthKey(new Date(b._id)), b.n)
  }
  return out
}

/** The whistles of the months, for the dashboard: what ran out, and who the departments are. */
interface WhistlesOfMonths {
  /** Per due month and department, the whistles still unanswered past their clock. */
  ranOut: Map<MonthKey, Record<string, number>>
  /** The name of every department with a whistle due in the months (the overdue list's labels). */
  departmentNames: Record<string, string>
}

/**
 * The whistles due in the months, per department with its name joined (one aggregation on
 * status_dueAt): those still `raised` past their clock are counted per due month; every department
 * among them is named, so the late answers stored in the rollups get their names too.
 */
async function whistlesOfMonths(
  db: Database,
  villageIds: readonly string[],
  months: readonly MonthKey[],
  now: Date,
): Promise<WhistlesOfMonths> {
  const _ = db.command
  const $ = db.command.aggregate
  const start = monthBounds(months[0] as MonthKey).start
  const end = monthBounds(months.at(-1) as MonthKey).end
  const until = Math.min(now.getTime(), end.getTime())
  const { data } = (await db
    .collection(COLLECTION.whistles)
    .aggregate()
    .match({
      status: _.in([...WHISTLE_STATUSES]),
      villageId: _.in([...villageIds]),
      dueAt: _.gte(start).and(_.lt(end)),
    })
    .group({ _id: '$departmentId', whistles: $.push({ status: '$status', dueAt: '$dueAt' }) })
    .lookup({
      from: COLLECTION.departments,
      localField: '_id',
      foreignField: '_id',
      as: 'department',
    })
    .limit(ALL)
    .end()) as {
    data: Array<{
      _id: string
      whistles: Array<{ status: WhistleStatus; dueAt: Date | string }>
      department: Array<{ name?: string }>
    }>
  }
  const ranOut = new Map<MonthKey, Record<string, number>>()
  const departmentNames: Record<string, string> = {}
  for (const { _id: departmentId, whistles, department } of data) {
    const name = department[0]?.name
    if (name) departmentNames[departmentId] = name
    for (const w of whistles) {
      const due = new Date(w.dueAt)
      if (w.status !== 'raised' || due.getTime() >= until) continue
      const month = monthKey(due)
      const byDep = ranOut.get(month) ?? {}
      byDep[departmentId] = (byDep[departmentId] ?? 0) + 1
      ranOut.set(month, byDep)
    }
  }
  return { ranOut, departmentNames }
}

/** A unit's figures for each of the months, and the names of the departments they mention. */
export interface UnitFigures {
  months: Rollup[]
  departmentNames: Record<string, string>
}

/** The unit's figures for each of the months, as `rollupFrom` would count them at `now`. */
export async function unitFigures(
  db: Database,
  unitId: string,
  villageIds: readonly string[],
  months: readonly MonthKey[],
  now: Date,
): Promise<UnitFigures> {
  if (villageIds.length === 0) {
    return {
      months: months.map((m) => monthFigures(unitId, m, [], noneRanOut)),
      departmentNames: {},
    }
  }
  const [stored, matters, whistles] = await Promise.all([
    storedByMonth(db, villageIds, months),
    mattersRanOut(db, villageIds, months, now),
    whistlesOfMonths(db, villageIds, months, now),
  ])
  return {
    months: months.map((month) => {
      const counts = stored.get(month)
      const ranOut: RanOut = {
        matters: matters.get(month) ?? 0,
        whistlesByDepartment: whistles.ranOut.get(month) ?? {},
      }
      return monthFigures(unitId, month, counts ? [counts] : [], ranOut)
    }),
    departmentNames: whistles.departmentNames,
  }
}

const noneRanOut: RanOut = { matters: 0, whistlesByDepartment: {} }

/** The twelve months ending with `month`. */
export function twelveMonthsTo(month: MonthKey): MonthKey[] {
  return lastTwelveMonths(monthBounds(month).start)
}

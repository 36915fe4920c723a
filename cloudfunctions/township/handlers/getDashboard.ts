/**
 * 看板: the caller's own unit, a month and the twelve months up to it — a village's committee its
 * village (can viewDashboard), a township's staff their township, the district's staff the
 * district. The unit is always the caller's, found from their membership or staff records, never
 * from an id in the request (a township staff member working for two townships chooses one of
 * theirs). At most 5 database requests: who is calling (1), the unit's villages (1, not for a
 * village), and the three counts (cloudfunctions/township/dashboard.ts).
 */
import type { DashboardMonth, DashboardView, RateFigure } from '../../../types/api/township'
import {
  METRIC_DEFINITIONS,
  monthKey,
  rateText,
  ratesOf,
  type Fraction,
  type Rollup,
} from '../../../domain/dashboard/metrics'
import { NOT_STAFF } from '../../../domain/township/access'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { authorize, refuse } from '../../_shared/authorize'
import { fail, handler, type HandlerContext } from '../../_shared/handler'
import { NOT_SIGNED_IN, ownTownshipStaff, townshipOf } from '../callers'
import { twelveMonthsTo, unitFigures, villagesOf } from '../dashboard'

export const NOT_YET = '这个月还没到，没有数字可看。'

export const getDashboard = handler(
  TOWNSHIP_SCHEMAS.getDashboard,
  async (input, ctx): Promise<DashboardView> => {
    if (!ctx.openid) fail('UNAUTHENTICATED', NOT_SIGNED_IN)
    const month = input.month ?? monthKey(ctx.now)
    if (month > monthKey(ctx.now)) fail('INVALID_INPUT', NOT_YET)
    const { unitId, villageIds } = await ownUnit(ctx, input.unit, input.townshipId)
    const months = twelveMonthsTo(month)
    const unit = await unitFigures(ctx.db, unitId, villageIds, months, ctx.now)
    const figures = unit.months.map((r) => view(r, unit.departmentNames))
    return {
      unit: input.unit,
      unitId,
      villages: villageIds.length,
      current: figures.at(-1) as DashboardMonth,
      series: figures,
      definitions: METRIC_DEFINITIONS,
    }
  },
)

/** The caller's own unit of that level and its villages, or a refusal. */
async function ownUnit(
  ctx: HandlerContext,
  unit: 'village' | 'township' | 'district',
  chosenTownship: string | undefined,
): Promise<{ unitId: string; villageIds: string[] }> {
  if (unit === 'village') {
    const actor = await ctx.actor()
    const who = authorize(actor, 'viewDashboard', { villageId: actor?.villageId ?? '' })
    return { unitId: who.villageId, villageIds: [who.villageId] }
  }
  const staff = await ctx.staff()
  if (unit === 'township') {
    const { townshipId } = townshipOf(ownTownshipStaff({ staff }, chosenTownship))
    return { unitId: townshipId, villageIds: await villagesOf(ctx.db, { townshipId }) }
  }
  const districts = [
    ...new Set(staff.flatMap((s) => (s.unit.kind === 'district' ? [s.unit.districtId] : []))),
  ]
  if (districts.length !== 1) refuse(NOT_STAFF)
  const districtId = districts[0] as string
  return { unitId: districtId, villageIds: await villagesOf(ctx.db, { districtId }) }
}

function rate(f: Fraction): RateFigure {
  return { numerator: f.numerator, denominator: f.denominator, text: rateText(f) }
}

/** A department the whistles name but the district no longer lists. */
export const UNKNOWN_DEPARTMENT = '（已删除的部门）'

function view(r: Rollup, departmentNames: Readonly<Record<string, string>>): DashboardMonth {
  const rates = ratesOf(r)
  return {
    month: r.month,
    raised: r.raised,
    responseRate: rate(rates.responseRate),
    resolutionRate: rate(rates.resolutionRate),
    satisfactionRate: rate(rates.satisfactionRate),
    overdueByDepartment: Object.entries(r.overdueByDepartment ?? {})
      .map(([departmentId, count]) => ({
        departmentId,
        name: departmentNames[departmentId] ?? UNKNOWN_DEPARTMENT,
        count,
      }))
      .sort((a, b) => b.count - a.count || a.departmentId.localeCompare(b.departmentId)),
    matchesMade: r.matchesMade,
    matchesCompleted: r.matchesCompleted,
  }
}

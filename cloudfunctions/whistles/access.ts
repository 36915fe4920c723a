/**
 * Who sees and who acts on a whistle, from the caller's staff records (domain/township/access.ts
 * `staffFor`: each record acts for its own unit only, active records only).
 *
 * - Sees it: the staff of its department, of its township (oversight of its villages) and of its
 *   district. Anyone else gets the answer a made-up id gets (NOT_FOUND).
 * - Acts on it: the department's staff; the township's once the clock has taken the whistle to the
 *   township; the district's once at the district (domain/township/whistleSteps.ts
 *   `actingLevels`). A township's staff who sees a whistle not yet escalated is told so
 *   (FORBIDDEN): the department answers first.
 */
import type { Staff, Whistle, WhistleLevel } from '../../types/model/township'
import type { AppError } from '../../types/api'
import { answeringUnit, staffFor } from '../../domain/township/access'
import { whistleState } from '../../domain/township/whistle'
import { actingLevels } from '../../domain/township/whistleSteps'

export const NOT_FOUND_WHISTLE: AppError = { code: 'NOT_FOUND', message: '找不到这次吹哨。' }

export const NOT_YET_ESCALATED: AppError = {
  code: 'FORBIDDEN',
  message: '这次吹哨还没有超时转到您的单位，请等部门报到办理。',
}

/** The caller acting for one unit on a whistle: their record and the level it stands for. */
export interface WhistleStaff {
  staff: Staff
  unit: WhistleLevel
}

const ALL_LEVELS: readonly WhistleLevel[] = ['department', 'township', 'district']

/** The first of `levels` (in that order) the caller has a record for. */
function recordAt(
  records: readonly Staff[],
  w: Whistle,
  levels: readonly WhistleLevel[],
): WhistleStaff | undefined {
  for (const unit of levels) {
    const staff = staffFor(records, answeringUnit(w, unit))
    // a district's record names its district; a township's and a department's their own unit
    if (staff && staff.unit.districtId === w.districtId) return { staff, unit }
  }
  return undefined
}

/** The caller's record that sees `w`, or undefined (they get NOT_FOUND). */
export function seeing(records: readonly Staff[], w: Whistle): WhistleStaff | undefined {
  return recordAt(records, w, ALL_LEVELS)
}

/** The caller's record that may act on `w` at `now` (the department's first), or undefined. */
export function acting(records: readonly Staff[], w: Whistle, now: Date): WhistleStaff | undefined {
  return recordAt(records, w, actingLevels(whistleState(w, now).level))
}

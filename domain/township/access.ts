/**
 * Who acts for a unit above the village (#14): one pure rule over the caller's staff records, used
 * by every function above the village. A staff record acts for exactly its own unit: a township's
 * staff for that township (its lists, its ledger, the whistles escalated to it), a department's
 * for that department, the district's for the district. Nobody acts for a unit of another
 * township or district; a removed record acts for nothing.
 */
import type { Staff, StaffRole, Whistle, WhistleLevel } from '../../types/model/township'
import type { AppError } from '../../types/api/errors'

/** The unit an action is taken for. */
export type UnitRef =
  | { kind: 'district'; districtId: string }
  | { kind: 'township'; townshipId: string }
  | { kind: 'department'; departmentId: string }

export const NOT_STAFF: AppError = {
  code: 'FORBIDDEN',
  message: '您不是这个单位的工作人员，不能做这件事。',
}

/** The caller's record that acts for `unit` (with at least `role` when given), if any. */
export function staffFor(
  records: readonly Staff[],
  unit: UnitRef,
  role?: StaffRole,
): Staff | undefined {
  return records.find((s) => {
    if (s.status !== 'active') return false
    if (role === 'admin' && s.role !== 'admin') return false
    switch (unit.kind) {
      case 'district':
        return s.unit.kind === 'district' && s.unit.districtId === unit.districtId
      case 'township':
        return s.unit.kind === 'township' && s.unit.townshipId === unit.townshipId
      case 'department':
        return s.unit.kind === 'department' && s.unit.departmentId === unit.departmentId
    }
  })
}

/** The unit that must answer a whistle at `level`. */
export function answeringUnit(
  w: Pick<Whistle, 'departmentId' | 'townshipId' | 'districtId'>,
  level: WhistleLevel,
): UnitRef {
  switch (level) {
    case 'department':
      return { kind: 'department', departmentId: w.departmentId }
    case 'township':
      return { kind: 'township', townshipId: w.townshipId }
    case 'district':
      return { kind: 'district', districtId: w.districtId }
  }
}

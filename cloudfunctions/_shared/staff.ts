/**
 * The `staff` collection, for every function above the village (#14): who is calling as a
 * district's, township's or department's staff. A person may hold a staff record beside any
 * village membership (a township official who lives in a village is both), and records of more
 * than one unit; only claimed, active records count.
 */
import type { Staff, StaffUnit } from '../../types/model/township'
import { COLLECTION } from './collections'
import type { Database } from './cloud'

/** The most staff records one person holds (a bound on the caller lookup). */
export const MAX_STAFF_RECORDS = 20

/** The caller's active staff records (one request; empty for an anonymous caller). */
export async function findStaffByOpenid(
  db: Database,
  openid: string | undefined,
): Promise<Staff[]> {
  if (!openid) return []
  const { data } = await db
    .collection(COLLECTION.staff)
    .where({ openid, status: 'active' })
    .limit(MAX_STAFF_RECORDS)
    .get()
  return data as Staff[]
}

/** The township a unit belongs to, when it does (a district's unit belongs to none). */
export function townshipOfUnit(unit: StaffUnit): string | undefined {
  return unit.kind === 'district' ? undefined : unit.townshipId
}

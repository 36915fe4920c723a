/**
 * 吹哨报到's messages (#14), pure: the staff who must answer a whistle are told, once per staff
 * record and event, when they subscribed on their 工作台 (topic `staff`, one-time like every
 * subscription here):
 *
 * - whistleBlown → the staff of the department the whistle names;
 * - whistleEscalated → the staff of the township (level `township`) or of the district (level
 *   `district`) once the clock has taken it there — never once it is answered meanwhile.
 *
 * A staff subscription is keyed by the staff record and the unit it belongs to
 * (`staff_<unitSubject>_<staffId>`), so a record moved to another unit or removed no longer
 * matches, and a person with records in two units subscribes for each.
 */
import type { StaffSubscription } from '../../types/model/notification'
import type {
  StaffUnit,
  Whistle,
  WhistleLevel,
  WhistleTierSetting,
} from '../../types/model/township'
import { ROUTES, withQuery } from '../../src/routes'
import type { UnitRef } from '../township/access'
import { dueAtOf } from '../township/whistle'
import { page, thing, timeWords, usable, type MessageContent } from './rules'

/** The subject of a staff subscription: its unit, by kind and id (`department_dept-water`). */
export function unitSubject(unit: UnitRef): string {
  switch (unit.kind) {
    case 'department':
      return `department_${unit.departmentId}`
    case 'township':
      return `township_${unit.townshipId}`
    case 'district':
      return `district_${unit.districtId}`
  }
}

/** The unit a staff record acts for, as a UnitRef. */
export function unitOfStaff(unit: StaffUnit): UnitRef {
  switch (unit.kind) {
    case 'department':
      return { kind: 'department', departmentId: unit.departmentId }
    case 'township':
      return { kind: 'township', townshipId: unit.townshipId }
    case 'district':
      return { kind: 'district', districtId: unit.districtId }
  }
}

/** `staff_<unitSubject>_<staffId>`: one subscription per staff record. */
export function staffSubscriptionId(subject: string, staffId: string): string {
  return `staff_${subject}_${staffId}`
}

/** The staff records to tell about `subject`'s event: each usable subscription of it once. */
export function staffRecipients(
  subject: string,
  subscriptions: ReadonlyArray<Pick<StaffSubscription, '_id' | 'staffId' | 'subjectId' | 'usedAt'>>,
): string[] {
  const wanted = new Set<string>()
  for (const s of subscriptions) {
    if (!usable(s) || s.subjectId !== subject) continue
    if (s._id !== staffSubscriptionId(subject, s.staffId)) continue
    wanted.add(s.staffId)
  }
  return [...wanted].sort()
}

/** The event of a whistle at `level`: blown to the department, escalated above it. */
export function whistleEvent(level: WhistleLevel): 'whistleBlown' | 'whistleEscalated' {
  return level === 'department' ? 'whistleBlown' : 'whistleEscalated'
}

const WHISTLE_NOTE: Readonly<Record<WhistleLevel, string>> = {
  department: '村里吹哨，请按时报到办理',
  township: '部门超时未报到，已转到乡镇',
  district: '乡镇也已超时，已转到区里',
}

/**
 * The whistle's message to the unit at `level`: the matter's title, the village, the tier, and
 * when the answer is due — the department's by `dueAt`, the township's one clock period later;
 * the district is the top and has no deadline of its own, so its message gives the township's,
 * already past. Opens 办理吹哨 for that whistle.
 */
export function whistleMessage(
  w: Pick<Whistle, '_id' | 'matterId' | 'dueAt' | 'responseHours'> & {
    tierLabel: WhistleTierSetting['label']
  },
  names: { title: string; villageName: string },
  level: WhistleLevel,
): MessageContent {
  const due = level === 'department' ? new Date(w.dueAt) : dueAtOf(w.dueAt, w.responseHours)
  return {
    page: page(withQuery(ROUTES.townshipWhistle, { id: w._id, matterId: w.matterId })),
    data: {
      thing1: thing(names.title),
      thing2: thing(names.villageName),
      thing3: thing(w.tierLabel),
      time4: timeWords(due),
      thing5: WHISTLE_NOTE[level],
    },
  }
}

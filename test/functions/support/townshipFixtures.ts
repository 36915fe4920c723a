/**
 * A district above the CAST's villages (#14), written straight into the emulator's database:
 * 示范区 with two townships — 东镇 holding village A, 西街道 holding village B — a district
 * department (区水务局), a township station (东镇综治中心), and one staff member per kind of unit.
 * Village A and B get their townshipId and districtId (seedCast must run first).
 */
import type {
  Department,
  District,
  Staff,
  StaffUnit,
  Township,
} from '../../../types/model/township'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { DEFAULT_WHISTLE_TIERS } from '../../../domain/township/whistle'
import type { Backend } from './backend'
import { VILLAGE_A, VILLAGE_B } from './fixtures'

const AT = new Date('2026-01-01T00:00:00Z')

export const DISTRICT = 'district-1'
export const TOWNSHIP_A = 'township-east'
export const TOWNSHIP_B = 'township-west'
/** 区水务局: a district department answering water matters. */
export const DEPT_WATER = 'dept-water'
/** 东镇综治中心: a station of township A answering disputes and public order. */
export const STATION_A = 'station-east'

export const district = (): District => ({
  _id: DISTRICT,
  name: '示范区',
  whistleTiers: DEFAULT_WHISTLE_TIERS,
  createdAt: AT,
  updatedAt: AT,
})

export const townships = (): Township[] => [
  {
    _id: TOWNSHIP_A,
    districtId: DISTRICT,
    name: '东镇',
    kind: 'township',
    createdAt: AT,
    updatedAt: AT,
  },
  {
    _id: TOWNSHIP_B,
    districtId: DISTRICT,
    name: '西街道',
    kind: 'subdistrict',
    createdAt: AT,
    updatedAt: AT,
  },
]

export const departments = (): Department[] => [
  {
    _id: DEPT_WATER,
    districtId: DISTRICT,
    name: '区水务局',
    categories: ['roadsUtilities'],
    createdAt: AT,
    updatedAt: AT,
  },
  {
    _id: STATION_A,
    districtId: DISTRICT,
    townshipId: TOWNSHIP_A,
    name: '东镇综治中心',
    categories: ['neighbourhood', 'publicOrder'],
    createdAt: AT,
    updatedAt: AT,
  },
]

export function staff(id: string, unit: StaffUnit, over: Partial<Staff> = {}): Staff {
  return {
    _id: id,
    openid: `openid-${id}`,
    unit,
    role: 'staff',
    name: `干部${id}`,
    phone: '13800000000',
    status: 'active',
    createdAt: AT,
    updatedAt: AT,
    ...over,
  }
}

/** One staff member per kind of unit (written out by hand for the permission matrices). */
export const STAFF = {
  districtAdmin: staff('dadmin', { kind: 'district', districtId: DISTRICT }, { role: 'admin' }),
  townshipA: staff('tsa', { kind: 'township', districtId: DISTRICT, townshipId: TOWNSHIP_A }),
  townshipB: staff('tsb', { kind: 'township', districtId: DISTRICT, townshipId: TOWNSHIP_B }),
  water: staff('water', { kind: 'department', districtId: DISTRICT, departmentId: DEPT_WATER }),
  stationA: staff('sta', {
    kind: 'department',
    districtId: DISTRICT,
    departmentId: STATION_A,
    townshipId: TOWNSHIP_A,
  }),
  removed: staff(
    'gone',
    { kind: 'township', districtId: DISTRICT, townshipId: TOWNSHIP_A },
    {
      status: 'removed',
    },
  ),
} as const

/** Writes the district, its units and STAFF, and puts village A in 东镇 and B in 西街道. */
export async function seedDistrict(backend: Backend): Promise<void> {
  const insert = (collection: string, docs: readonly object[]) =>
    backend.emulator.bulkInsert(collection, docs as ReadonlyArray<Record<string, unknown>>)
  insert(COLLECTION.districts, [district()])
  insert(COLLECTION.townships, townships())
  insert(COLLECTION.departments, departments())
  insert(COLLECTION.staff, Object.values(STAFF))
  const villages = backend.db.collection(COLLECTION.villages)
  await villages.doc(VILLAGE_A).update({ townshipId: TOWNSHIP_A, districtId: DISTRICT })
  await villages.doc(VILLAGE_B).update({ townshipId: TOWNSHIP_B, districtId: DISTRICT })
}

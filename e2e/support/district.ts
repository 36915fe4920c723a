/**
 * A district above the demo village (#14), for the township's pages and journeys: 示范区 with one
 * township, 东镇, holding 示范村; a district department (区水务局) and a township station
 * (东镇综治中心); and staff records held by demo members the dev sign-in knows (`?dev=<member>`
 * signs in with the member's OPENID, and the staff record carries the same OPENID, as a resident
 * who also works for the township would hold both):
 * - 吴敏 (demo-m21): 东镇's staff, who works the two lists and the ledger;
 * - 马丽娟 (demo-m23): 区水务局's staff, who answers whistles;
 * - 孙婷 (demo-m25): 东镇综治中心's staff (seedLists blows one whistle to it);
 * - 孙浩 (demo-m26): the district's staff, who sees the district's 数据看板;
 * - an unclaimed record of 东镇 with the 启用码 DISTRICT_CODE (its hash only is stored).
 * The district, its units and staff are written straight into the database (the district's import
 * does the same, from a file: scripts/districtImport.ts); the village gets its township.
 */
import type { Emulator } from '../../emulator/src'
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import { foundingCodeHash } from '../../cloudfunctions/village/foundingCodes'
import { DEMO_VILLAGE_ID } from '../../domain/village/demo'
import { DEFAULT_WHISTLE_TIERS } from '../../domain/township/whistle'
import type { Staff, StaffUnit } from '../../types/model/township'
import { sdkFor } from '../../scripts/seed'
import { callAs, devLogin } from './backend'

export const E2E_DISTRICT = 'e2e-district'
export const E2E_TOWNSHIP = 'e2e-township-east'
export const E2E_DEPT_WATER = 'e2e-dept-water'
export const E2E_STATION = 'e2e-station-east'

/** The demo members who hold the staff records. */
export const TOWNSHIP_STAFF = 'demo-m21'
export const DEPARTMENT_STAFF = 'demo-m23'
export const STATION_STAFF = 'demo-m25'
export const DISTRICT_STAFF = 'demo-m26'

/** The whistle seedLists blows: 文化广场晚上跳舞声音太大 to 东镇综治中心 (its first: `_w1`). */
export const SEEDED_WHISTLE = { id: 'demo-matter-accepted_w1', matterId: 'demo-matter-accepted' }

/** An unclaimed staff record's 启用码 (normalised: printed as E2ES-TAFF-C2DE). */
export const DISTRICT_CODE = 'E2ESTAFFC2DE'

const AT = new Date('2026-01-01T00:00:00Z')
const TOWNSHIP_UNIT: StaffUnit = {
  kind: 'township',
  districtId: E2E_DISTRICT,
  townshipId: E2E_TOWNSHIP,
}

const staff = (id: string, name: string, unit: StaffUnit, more: Partial<Staff>): Staff => ({
  _id: id,
  unit,
  role: 'staff',
  name,
  phone: '13800000000',
  status: 'active',
  createdAt: AT,
  updatedAt: AT,
  ...more,
})

export async function seedDistrict(app: Emulator): Promise<void> {
  const insert = (collection: string, docs: readonly object[]) =>
    app.bulkInsert(collection, docs as ReadonlyArray<Record<string, unknown>>)
  insert(COLLECTION.districts, [
    {
      _id: E2E_DISTRICT,
      name: '示范区',
      whistleTiers: DEFAULT_WHISTLE_TIERS,
      createdAt: AT,
      updatedAt: AT,
    },
  ])
  insert(COLLECTION.townships, [
    {
      _id: E2E_TOWNSHIP,
      districtId: E2E_DISTRICT,
      name: '东镇',
      kind: 'township',
      createdAt: AT,
      updatedAt: AT,
    },
  ])
  insert(COLLECTION.departments, [
    {
      _id: E2E_DEPT_WATER,
      districtId: E2E_DISTRICT,
      name: '区水务局',
      categories: ['roadsUtilities'],
      createdAt: AT,
      updatedAt: AT,
    },
    {
      _id: E2E_STATION,
      districtId: E2E_DISTRICT,
      townshipId: E2E_TOWNSHIP,
      name: '东镇综治中心',
      categories: ['neighbourhood', 'publicOrder'],
      createdAt: AT,
      updatedAt: AT,
    },
  ])
  insert(COLLECTION.staff, [
    staff('e2e-staff-east', '吴敏', TOWNSHIP_UNIT, { openid: 'dev-openid-m21' }),
    staff(
      'e2e-staff-water',
      '马丽娟',
      { kind: 'department', districtId: E2E_DISTRICT, departmentId: E2E_DEPT_WATER },
      { openid: 'dev-openid-m23' },
    ),
    staff(
      'e2e-staff-station',
      '孙婷',
      {
        kind: 'department',
        districtId: E2E_DISTRICT,
        departmentId: E2E_STATION,
        townshipId: E2E_TOWNSHIP,
      },
      { openid: 'dev-openid-m25' },
    ),
    staff(
      'e2e-staff-district',
      '孙浩',
      { kind: 'district', districtId: E2E_DISTRICT },
      { openid: 'dev-openid-m26' },
    ),
    staff('e2e-staff-unclaimed', '刘新', TOWNSHIP_UNIT, {
      founding: {
        codeHash: foundingCodeHash(DISTRICT_CODE),
        issuedAt: AT,
      },
    }),
  ])
  const db = sdkFor(app.serviceUrl, app.credentials).database()
  await db
    .collection(COLLECTION.villages)
    .doc(DEMO_VILLAGE_ID)
    .update({ townshipId: E2E_TOWNSHIP, districtId: E2E_DISTRICT })
}

/**
 * A need of 示范村, a service of 东镇 and a whistle to 东镇综治中心, through the functions, so
 * the lists have something.
 */
export async function seedLists(app: Emulator): Promise<{ needId: string; serviceId: string }> {
  const committee = await devLogin(app.url, { memberId: 'demo-committee' })
  const staffer = await devLogin(app.url, { memberId: TOWNSHIP_STAFF })
  const need = await callAs<{ id: string }>(app.url, committee, 'township', 'raiseNeed', {
    category: 'infrastructure',
    description: '村道两侧路灯维修',
    place: '村北主路',
    when: '12月上旬',
    peopleAffected: 300,
  })
  const service = await callAs<{ id: string }>(app.url, staffer, 'township', 'offerService', {
    providerKind: 'enterprise',
    providerName: '东镇供电所',
    category: 'infrastructure',
    what: '路灯检修更换',
    capacity: '每月 50 盏',
    area: '东镇各村',
    time: '工作日',
  })
  const whistle = await callAs<{ id: string }>(app.url, committee, 'whistles', 'blowWhistle', {
    matterId: SEEDED_WHISTLE.matterId,
    departmentId: E2E_STATION,
    tier: 'general',
    note: '晚上十点以后还有音乐，村里劝过没用。',
  })
  if (whistle.id !== SEEDED_WHISTLE.id) throw new Error(`whistle ${whistle.id}`)
  return { needId: need.id, serviceId: service.id }
}

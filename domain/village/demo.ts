/**
 * The demo village 示范村 for `npm start` and tests (issue #4, item 8): 12 registered households
 * and 30 members holding every role, as stored documents. Pure data; `scripts/seed.ts` writes it.
 * Ids and OPENIDs of the first six members are the dev logins the emulator already offers.
 */
import type { Household, Member, Person, Role, Village } from '../../types/model/member'
import { planHouseholdImport, readHouseholdCsv } from './households'
import { planPersons, type PersonIdOf } from './register'
import { normalizeRoles } from './roles'
import { newVillage } from './newVillage'

export const DEMO_VILLAGE_ID = 'demo-village'

/** The register as a committee would import it (户号,户主,姓名,是否成年). */
export const DEMO_REGISTER_CSV = [
  '户号,户主,姓名,是否成年',
  '001,张建国,张建国,是',
  '001,张建国,刘秀英,是',
  '001,张建国,张小军,否',
  '002,李明,李明,是',
  '002,李明,王芳,是',
  '003,王德福,王德福,是',
  '003,王德福,王丽,是',
  '003,王德福,王小宝,否',
  '004,赵红,赵红,是',
  '004,赵红,孙强,是',
  '005,陈大山,陈大山,是',
  '005,陈大山,陈桂兰,是',
  '005,陈大山,陈晓东,是',
  '006,刘玉兰,刘玉兰,是',
  '006,刘玉兰,周海,是',
  '007,杨树林,杨树林,是',
  '007,杨树林,杨梅,是',
  '008,黄志强,黄志强,是',
  '008,黄志强,吴静,是',
  '008,黄志强,黄小雨,否',
  '009,周永福,周永福,是',
  '009,周永福,郑秀珍,是',
  '010,吴建华,吴建华,是',
  '010,吴建华,吴敏,是',
  '011,徐卫东,徐卫东,是',
  '011,徐卫东,马丽娟,是',
  '012,孙德顺,孙德顺,是',
  '012,孙德顺,孙婷,是',
  '012,孙德顺,孙浩,是',
  '012,孙德顺,孙佳,否',
].join('\n')

/** [id, openid, name, 户号, extra roles]. Every adult but four has joined. */
const PEOPLE: Array<[string, string, string, string, Role[]]> = [
  ['demo-committee', 'dev-openid-committee', '张建国', '001', ['committee']],
  ['demo-moderator', 'dev-openid-moderator', '李明', '002', ['moderator']],
  ['demo-legal', 'dev-openid-legal', '王德福', '003', ['legalOfficer']],
  ['demo-representative', 'dev-openid-rep', '赵红', '004', ['representative']],
  ['demo-resident-1', 'dev-openid-resident-1', '陈大山', '005', []],
  ['demo-resident-2', 'dev-openid-resident-2', '刘玉兰', '006', []],
  ['demo-m07', 'dev-openid-m07', '刘秀英', '001', ['committee']],
  ['demo-m08', 'dev-openid-m08', '王芳', '002', ['representative']],
  ['demo-m09', 'dev-openid-m09', '王丽', '003', []],
  ['demo-m10', 'dev-openid-m10', '孙强', '004', []],
  ['demo-m11', 'dev-openid-m11', '陈桂兰', '005', ['representative']],
  ['demo-m12', 'dev-openid-m12', '陈晓东', '005', []],
  ['demo-m13', 'dev-openid-m13', '周海', '006', []],
  ['demo-m14', 'dev-openid-m14', '杨树林', '007', ['representative', 'moderator']],
  ['demo-m15', 'dev-openid-m15', '杨梅', '007', []],
  ['demo-m16', 'dev-openid-m16', '黄志强', '008', ['representative']],
  ['demo-m17', 'dev-openid-m17', '吴静', '008', []],
  ['demo-m18', 'dev-openid-m18', '周永福', '009', ['representative']],
  ['demo-m19', 'dev-openid-m19', '郑秀珍', '009', []],
  ['demo-m20', 'dev-openid-m20', '吴建华', '010', ['committee']],
  ['demo-m21', 'dev-openid-m21', '吴敏', '010', []],
  ['demo-m22', 'dev-openid-m22', '徐卫东', '011', ['representative']],
  ['demo-m23', 'dev-openid-m23', '马丽娟', '011', []],
  ['demo-m24', 'dev-openid-m24', '孙德顺', '012', []],
  ['demo-m25', 'dev-openid-m25', '孙婷', '012', []],
  ['demo-m26', 'dev-openid-m26', '孙浩', '012', []],
]

/** Requests the committee has not handled yet, and one it declined. */
const APPLICANTS: Array<[string, string, string, string, Partial<Member>]> = [
  ['demo-a01', 'dev-openid-a01', '钱多多', '013', { status: 'pending' }],
  ['demo-a02', 'dev-openid-a02', '冯小刚', '002', { status: 'pending' }],
  [
    'demo-a03',
    'dev-openid-a03',
    '蒋某',
    '099',
    {
      status: 'declined',
      declineReason: '本村没有 099 号户，请核对户号后再申请',
    },
  ],
  ['demo-a04', 'dev-openid-a04', '韩梅梅', '009', { status: 'pending', phone: '13800138000' }],
]

const AT = new Date('2026-01-01T00:00:00+08:00')

export function demoHouseholds(): Household[] {
  const { households } = readHouseholdCsv(DEMO_REGISTER_CSV)
  return planHouseholdImport(DEMO_VILLAGE_ID, [], households).writes
}

export function demoMembers(): Member[] {
  const verified = PEOPLE.map(([id, openid, name, householdNo, roles]): Member => ({
    _id: id,
    villageId: DEMO_VILLAGE_ID,
    openid,
    name,
    householdNo,
    householdId: `${DEMO_VILLAGE_ID}_${householdNo}`,
    roles: normalizeRoles(roles),
    status: 'verified',
    requestedAt: AT,
    reviewedAt: AT,
    reviewedBy: 'demo-committee',
  }))
  const others = APPLICANTS.map(([id, openid, name, householdNo, over]): Member => ({
    _id: id,
    villageId: DEMO_VILLAGE_ID,
    openid,
    name,
    householdNo,
    roles: ['resident'],
    status: 'pending',
    requestedAt: AT,
    ...over,
  }))
  return [...verified, ...others]
}

/**
 * The register as persons, and the members linked to them: each verified member is linked to the
 * person of their name in their household; members holding the 村民代表 role are representatives
 * on the register. `idOf` is the stable person id (cloudfunctions/_shared/persons.ts).
 */
export function demoRegister(idOf: PersonIdOf): { persons: Person[]; members: Member[] } {
  const { households } = readHouseholdCsv(DEMO_REGISTER_CSV)
  const persons = planPersons(DEMO_VILLAGE_ID, households, [], [], idOf, AT).writes
  const members = demoMembers().map((m) =>
    m.status === 'verified' ? { ...m, personId: idOf(m.householdNo, m.name) } : m,
  )
  for (const p of persons) {
    const linked = members.filter((m) => m.personId === p._id)
    p.memberIds = linked.map((m) => m._id)
    p.representative = linked.some((m) => m.roles.includes('representative'))
  }
  return { persons, members }
}

/** The demo village's 邀请码 (fixed, so the README and the tests can name it). */
export const DEMO_INVITE_CODE = '4XQ9TR'

export function demoVillage(): Village {
  const households = demoHouseholds()
  const representatives = demoMembers().filter((m) => m.roles.includes('representative')).length
  return {
    _id: DEMO_VILLAGE_ID,
    ...newVillage({
      name: '示范村',
      talkDays: [4, 14, 24],
      at: AT,
      counts: {
        adults: households.reduce((n, h) => n + h.adults, 0),
        households: households.length,
        representatives,
      },
      inviteCode: DEMO_INVITE_CODE,
    }),
  }
}

// village: every action × every caller (each CAST member, a stranger, an anonymous caller) is
// allowed or refused as domain/permissions says, a refusal writes nothing, and an OPENID in the
// payload is ignored.
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { ActionName } from '../../../types/api'
import type { Member, Person } from '../../../types/model/member'
import { startBackend, type Backend } from '../support/backend'
import {
  CAST,
  insert,
  member,
  seedCast,
  STRANGER,
  VILLAGE_A,
  VILLAGE_A_VERIFIED,
  VILLAGE_B,
} from '../support/fixtures'
import { CHINESE, snapshot } from '../support/snapshot'

type VillageAction = ActionName<'village'>
type Caller = keyof typeof CAST | 'stranger' | 'anonymous'
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT'

const PENDING_2 = member('pen2', VILLAGE_A, ['resident'], { status: 'pending' })

/** A household of village A on the register, and its three persons (乙 linked to resident2). */
const HA = `${VILLAGE_A}_001`
const AT = new Date('2026-06-01T00:00:00Z')
const onRegister = (id: string, name: string, memberIds: string[] = []): Person => ({
  _id: id,
  villageId: VILLAGE_A,
  householdId: HA,
  name,
  adult: true,
  representative: false,
  memberIds,
  createdAt: AT,
  updatedAt: AT,
})
const P1 = onRegister('p-a1', '甲')
const P2 = onRegister('p-a2', '乙', [CAST.resident2._id])
const P3 = onRegister('p-a3', '丙')

const OPENID: Record<Caller, string | undefined> = {
  ...(Object.fromEntries(Object.entries(CAST).map(([k, m]) => [k, m.openid])) as Record<
    keyof typeof CAST,
    string
  >),
  stranger: STRANGER,
  anonymous: undefined,
}
const CALLERS = Object.keys(OPENID) as Caller[]

/** One payload per action, aimed at village A. */
const PAYLOAD: Record<VillageAction, Record<string, unknown>> = {
  whoami: {},
  getMe: {},
  listVillages: {},
  requestJoin: { villageId: VILLAGE_A, name: '新来的', householdNo: '001' },
  claimVillage: { code: 'ABCD-EFGH-JKLM', name: '新来的', householdNo: '001', phone: '' },
  listMembers: {},
  approveMember: { memberId: CAST.pending._id, personId: P3._id },
  declineMember: { memberId: PENDING_2._id, reason: '不是本村的' },
  assignRoles: { memberId: CAST.resident._id, roles: ['representative'] },
  importHouseholds: { csv: '户号,户主,姓名,是否成年\n002,张三,张三,是\n' },
  getVillage: {},
  updateVillage: { name: '改了名的村' },
  listPersons: {},
  linkPerson: { memberId: CAST.resident._id, personId: P1._id },
  unlinkPerson: { memberId: CAST.resident2._id },
  setRepresentative: { personId: P1._id, representative: true },
  setHouseholdVoter: { householdId: HA, personId: P1._id },
  // last: leaving ends the caller's other cells
  leaveVillage: {},
}
const ACTIONS = Object.keys(PAYLOAD) as VillageAction[]

/** Who may take each member action (domain/permissions: village section). */
const MAY: Record<string, readonly Caller[]> = {
  listMembers: ['committee', 'otherCommittee'],
  approveMember: ['committee'],
  declineMember: ['committee'],
  assignRoles: ['committee'],
  importHouseholds: ['committee', 'otherCommittee'],
  getVillage: [...VILLAGE_A_VERIFIED, 'otherCommittee'],
  updateVillage: ['committee', 'otherCommittee'],
  listPersons: ['committee', 'otherCommittee'],
  linkPerson: ['committee'],
  unlinkPerson: ['committee'],
  setRepresentative: ['committee'],
  setHouseholdVoter: ['committee'],
}
const VERIFIED = MAY.getVillage

/** Actions on a member, person or household named by id (one of village A in PAYLOAD). */
const ON_A_MEMBER: readonly VillageAction[] = [
  'approveMember',
  'declineMember',
  'assignRoles',
  'linkPerson',
  'unlinkPerson',
  'setRepresentative',
  'setHouseholdVoter',
]

function expected(caller: Caller, action: VillageAction): Outcome {
  switch (action) {
    case 'listVillages':
      return 'ok'
    case 'whoami':
    case 'getMe':
      return caller === 'anonymous' ? 'UNAUTHENTICATED' : 'ok'
    case 'requestJoin':
      if (caller === 'anonymous') return 'UNAUTHENTICATED'
      return caller === 'stranger' ? 'ok' : 'CONFLICT'
    case 'claimVillage':
      // The payload's code opens no village: only someone free to claim one hears so.
      if (caller === 'anonymous') return 'UNAUTHENTICATED'
      return caller === 'stranger' ? 'NOT_FOUND' : 'CONFLICT'
    case 'leaveVillage':
      if (!VERIFIED.includes(caller)) return 'UNAUTHENTICATED'
      // the last committee member of their village
      return caller === 'committee' || caller === 'otherCommittee' ? 'CONFLICT' : 'ok'
    default:
      if (!VERIFIED.includes(caller)) return 'UNAUTHENTICATED'
      if (MAY[action].includes(caller)) return 'ok'
      // A member of village A named by another village's committee: as if there were none.
      return caller === 'otherCommittee' && ON_A_MEMBER.includes(action) ? 'NOT_FOUND' : 'FORBIDDEN'
  }
}

/**
 * Actions outside the permissions table (no membership needed) are checked for a sample of
 * callers, each kind of caller once; every table action is checked for every caller.
 */
const SAMPLED: Partial<Record<VillageAction, readonly Caller[]>> = {
  whoami: ['resident', 'pending', 'stranger', 'anonymous'],
  getMe: ['committee', 'pending', 'stranger', 'anonymous'],
  listVillages: ['resident', 'stranger', 'anonymous'],
  requestJoin: ['resident', 'committee', 'pending', 'anonymous'],
}

/** Allowed calls that write (the rest of the matrix must leave the database as it was). */
const WRITES = new Set<VillageAction>([
  'requestJoin',
  'approveMember',
  'declineMember',
  'assignRoles',
  'importHouseholds',
  'updateVillage',
  'linkPerson',
  'unlinkPerson',
  'setRepresentative',
  'setHouseholdVoter',
  'leaveVillage',
])

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.members, [PENDING_2])
  insert(backend, COLLECTION.households, [
    {
      _id: HA,
      villageId: VILLAGE_A,
      number: '001',
      head: '甲',
      people: ['甲', '乙', '丙'],
      adults: 3,
    },
  ])
  insert(backend, COLLECTION.persons, [P1, P2, P3])
  await backend.db
    .collection(COLLECTION.members)
    .doc(CAST.resident2._id)
    .update({ personId: P2._id })
})
afterAll(() => backend.close())

const outcome = (res: { ok: boolean; error?: { code: string } }) =>
  res.ok ? 'ok' : res.error?.code

describe('village permission matrix', () => {
  it('every refused or read-only call answers as the table says and writes nothing', async () => {
    const before = await snapshot(backend)
    const cases = CALLERS.flatMap((caller) =>
      ACTIONS.map((action) => ({ caller, action, want: expected(caller, action) })),
    )
      .filter((c) => !(c.want === 'ok' && WRITES.has(c.action)))
      .filter((c) => !(c.action in SAMPLED) || SAMPLED[c.action]?.includes(c.caller))
    // Refusals and reads cannot disturb each other: run them a few at a time.
    const PARALLEL = 6
    for (let i = 0; i < cases.length; i += PARALLEL) {
      const batch = cases.slice(i, i + PARALLEL)
      const answers = await Promise.all(
        batch.map((c) => backend.call(OPENID[c.caller], 'village', c.action, PAYLOAD[c.action])),
      )
      batch.forEach(({ caller, action, want }, j) => {
        const res = answers[j]
        expect({ caller, action, got: outcome(res) }).toEqual({ caller, action, got: want })
        if (!res.ok) expect(res.error.message).toMatch(CHINESE)
      })
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('reads stay inside the caller’s village', async () => {
    const list = await backend.call(CAST.otherCommittee.openid, 'village', 'listMembers', {})
    expect(list.ok && list.data.members.map((m) => m.id)).toEqual([CAST.otherCommittee._id])
    const village = await backend.call(CAST.otherCommittee.openid, 'village', 'getVillage', {})
    expect(village.ok && village.data.id).toBe(VILLAGE_B)
  })

  it('another village’s committee writes only to its own village', async () => {
    const villageA = (await backend.all(COLLECTION.villages)).find((v) => v._id === VILLAGE_A)
    for (const action of ['importHouseholds', 'updateVillage'] as const) {
      const res = await backend.call(CAST.otherCommittee.openid, 'village', action, PAYLOAD[action])
      expect({ action, got: outcome(res) }).toEqual({ action, got: 'ok' })
    }
    const villages = await backend.all(COLLECTION.villages)
    expect(villages.find((v) => v._id === VILLAGE_A)).toEqual(villageA)
    expect(villages.find((v) => v._id === VILLAGE_B)).toMatchObject({ name: '改了名的村' })
    const households = await backend.all(COLLECTION.households)
    expect(households.map((h) => [h._id, h.villageId]).sort()).toEqual([
      [HA, VILLAGE_A],
      [`${VILLAGE_B}_002`, VILLAGE_B],
    ])
  })

  it('the allowed writes succeed for the callers the table allows', async () => {
    for (const caller of CALLERS) {
      for (const action of ACTIONS) {
        if (!WRITES.has(action) || expected(caller, action) !== 'ok') continue
        if (caller === 'otherCommittee') continue // done above
        // one leave is enough (by the legal officer, whom nothing below looks at)
        if (action === 'leaveVillage' && caller !== 'legalOfficer') continue
        const res = await backend.call(OPENID[caller], 'village', action, PAYLOAD[action])
        expect({ caller, action, got: outcome(res) }).toEqual({ caller, action, got: 'ok' })
      }
    }
    const members = (await backend.all(COLLECTION.members)) as unknown as Member[]
    const byId = (id: string) => members.find((m) => m._id === id)
    expect(byId(CAST.pending._id)?.status).toBe('verified')
    expect(byId(PENDING_2._id)?.status).toBe('declined')
    expect(byId(CAST.legalOfficer._id)).toMatchObject({ status: 'left', roles: ['resident'] })
    expect(byId(CAST.resident._id)?.roles).toEqual(['resident', 'representative'])
    expect(members.find((m) => m.openid === STRANGER)).toMatchObject({ status: 'pending' })
    expect(byId(CAST.pending._id)?.personId).toBe(P3._id)
    expect(byId(CAST.resident._id)?.personId).toBe(P1._id)
    expect(byId(CAST.resident2._id)?.personId).toBeUndefined()
    const persons = ((await backend.all(COLLECTION.persons)) as unknown as Person[]).filter(
      (p) => p.householdId === HA,
    )
    expect(persons.map((p) => [p._id, p.memberIds, p.representative]).sort()).toEqual([
      [P1._id, [CAST.resident._id], true],
      [P2._id, [], false],
      [P3._id, [CAST.pending._id], false],
    ])
    const household = (await backend.all(COLLECTION.households)).find((h) => h._id === HA)
    expect(household?.voterPersonId).toBe(P1._id)
    expect(
      (await backend.all(COLLECTION.villages)).find((v) => v._id === VILLAGE_A)?.counts,
    ).toEqual({
      // The import of household 002 (1 adult) next to 001 (3), then 甲 made a representative.
      adults: 4,
      households: 2,
      representatives: 1,
    })
  })
})

describe('identity comes from the platform only', () => {
  const CALLER = 'openid-real-caller'
  const forged = { openid: CAST.committee.openid, OPENID: CAST.committee.openid }

  it('requestJoin with someone else’s OPENID in the payload files it under the caller', async () => {
    const committeeBefore = (await backend.all(COLLECTION.members)).find(
      (m) => m._id === CAST.committee._id,
    )
    const res = await backend.call(CALLER, 'village', 'requestJoin', {
      ...PAYLOAD.requestJoin,
      ...forged,
    })
    expect(res.ok).toBe(true)
    const members = await backend.all(COLLECTION.members)
    expect(members.find((m) => m._id === (res.ok ? res.data.memberId : ''))).toMatchObject({
      openid: CALLER,
      status: 'pending',
    })
    expect(members.find((m) => m._id === CAST.committee._id)).toEqual(committeeBefore)
  })

  it('whoami, getMe and committee actions ignore a forged OPENID', async () => {
    const before = await snapshot(backend)
    expect(await backend.call(STRANGER, 'village', 'whoami', forged)).toEqual({
      ok: true,
      data: { openid: STRANGER },
    })
    const me = await backend.call('openid-nobody', 'village', 'getMe', forged)
    expect(me).toEqual({ ok: true, data: { member: null, village: null } })
    const approve = await backend.call(CAST.resident2.openid, 'village', 'approveMember', {
      memberId: PENDING_2._id,
      ...forged,
    })
    expect(outcome(approve)).toBe('FORBIDDEN')
    // claimed as the caller (nobody yet: the code is unknown), not as the forged committee member
    const claim = await backend.call('openid-nobody', 'village', 'claimVillage', {
      ...PAYLOAD.claimVillage,
      ...forged,
    })
    expect(outcome(claim)).toBe('NOT_FOUND')
    const anonymous = await backend.call(undefined, 'village', 'listMembers', forged)
    expect(outcome(anonymous)).toBe('UNAUTHENTICATED')
    expect(await snapshot(backend)).toEqual(before)
  })
})

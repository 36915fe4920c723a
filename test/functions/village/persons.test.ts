/**
 * The register as persons, through the village function: the committee's list (paged), links of
 * accounts to persons (at approval or later, re-linked, several accounts to one person,
 * unlinked), 村民代表 with the village's count following, and the 户代表 of a household. Refusals
 * write nothing; races of 50 callers keep the cross-document rules.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { ActionName, Envelope } from '../../../types/api'
import type { Member, Person } from '../../../types/model/member'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, member, seedCast, VILLAGE_A, VILLAGE_B } from '../support/fixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { CHINESE, snapshot } from '../support/snapshot'

let backend: Backend
const AT = new Date('2026-06-01T00:00:00Z')
const LATER = new Date('2026-06-02T00:00:00Z')
const H1 = `${VILLAGE_A}_101`
const H2 = `${VILLAGE_A}_102`

const onRegister = (
  id: string,
  householdId: string,
  name: string,
  over: Partial<Person> = {},
): Person => ({
  _id: id,
  villageId: VILLAGE_A,
  householdId,
  name,
  adult: true,
  representative: false,
  memberIds: [],
  createdAt: AT,
  updatedAt: AT,
  ...over,
})

const A = onRegister('pa', H1, '甲')
const B = onRegister('pb', H1, '乙', { adult: false })
const C = onRegister('pc', H1, '丙', { createdAt: LATER, updatedAt: LATER })
const D = onRegister('pd', H2, '丁')
const E = onRegister('pe', H2, '戊', { createdAt: LATER, updatedAt: LATER })
const FAR = { ...onRegister('pz', `${VILLAGE_B}_101`, '远'), villageId: VILLAGE_B }
const APPLICANT = member('app', VILLAGE_A, ['resident'], { status: 'pending', householdNo: '101' })

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.members, [APPLICANT])
  insert(backend, COLLECTION.households, [
    {
      _id: H1,
      villageId: VILLAGE_A,
      number: '101',
      head: '甲',
      people: ['甲', '乙', '丙'],
      adults: 2,
    },
    {
      _id: H2,
      villageId: VILLAGE_A,
      number: '102',
      head: '丁',
      people: ['丁', '戊'],
      adults: 1,
      adultsUnknown: true,
    },
  ])
  insert(backend, COLLECTION.persons, [A, B, C, D, E, FAR])
})
afterAll(() => backend.close())

function data<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
  return res.data
}
const committee = <A extends ActionName<'village'>>(action: A, payload: Record<string, unknown>) =>
  backend.call(CAST.committee.openid, 'village', action, payload)
const personDoc = async (id: string) =>
  (await backend.all(COLLECTION.persons)).find((p) => p._id === id) as unknown as Person
const memberDoc = async (id: string) =>
  (await backend.all(COLLECTION.members)).find((m) => m._id === id) as unknown as Member
const audits = async (action: string) =>
  (await backend.all(COLLECTION.auditLogs)).filter((a) => a.action === action)

describe('village.listPersons', () => {
  it('pages the register in the order persons were put on it, each page honest about more', async () => {
    const first = data(await committee('listPersons', { limit: 2 }))
    expect(first.persons).toEqual([
      {
        id: 'pa',
        householdId: H1,
        householdNo: '101',
        name: '甲',
        adult: true,
        representative: false,
        householdVoter: false,
        accounts: 0,
      },
      {
        id: 'pb',
        householdId: H1,
        householdNo: '101',
        name: '乙',
        adult: false,
        representative: false,
        householdVoter: false,
        accounts: 0,
      },
    ])
    const second = data(await committee('listPersons', { limit: 2, cursor: first.nextCursor }))
    expect(second.persons.map((p) => p.id)).toEqual(['pd', 'pc'])
    expect(second.persons[0]).toMatchObject({ householdNo: '102', adultUnknown: true })
    const third = data(await committee('listPersons', { limit: 2, cursor: second.nextCursor }))
    expect(third).toEqual({ persons: [expect.objectContaining({ id: 'pe' })] })
    const exact = data(await committee('listPersons', { limit: 5 }))
    expect(exact.persons).toHaveLength(5)
    expect(exact.nextCursor).toBeUndefined()
    const one = data(await committee('listPersons', { householdId: H2 }))
    expect(one.persons.map((p) => p.id)).toEqual(['pd', 'pe'])
  })
})

describe('linking accounts to persons', () => {
  it('approveMember with a person links the new member to them, audited', async () => {
    expect(
      data(await committee('approveMember', { memberId: APPLICANT._id, personId: C._id })),
    ).toEqual({ householdId: H1, personId: C._id })
    expect(await memberDoc(APPLICANT._id)).toMatchObject({ status: 'verified', personId: C._id })
    expect((await personDoc(C._id)).memberIds).toEqual([APPLICANT._id])
    expect(await audits('approveMember')).toEqual([
      expect.objectContaining({ subjectId: APPLICANT._id, note: '关联名册上的101户丙' }),
    ])
  })

  it('links, re-links (the link moves), lets two accounts share a person, and unlinks', async () => {
    expect(
      data(await committee('linkPerson', { memberId: CAST.resident._id, personId: A._id })),
    ).toEqual({ changed: true })
    expect(
      data(await committee('linkPerson', { memberId: CAST.resident._id, personId: B._id })),
    ).toEqual({ changed: true })
    expect((await personDoc(A._id)).memberIds).toEqual([])
    expect((await personDoc(B._id)).memberIds).toEqual([CAST.resident._id])
    // A new phone: a second account for the same person.
    data(await committee('linkPerson', { memberId: CAST.resident2._id, personId: B._id }))
    expect((await personDoc(B._id)).memberIds).toEqual([CAST.resident._id, CAST.resident2._id])
    const list = data(await committee('listPersons', { householdId: H1 }))
    expect(list.persons.find((p) => p.id === B._id)?.accounts).toBe(2)
    const before = await snapshot(backend)
    expect(
      data(await committee('linkPerson', { memberId: CAST.resident._id, personId: B._id })),
    ).toEqual({ changed: false })
    expect(await snapshot(backend)).toEqual(before)
    expect(data(await committee('unlinkPerson', { memberId: CAST.resident2._id }))).toEqual({
      changed: true,
    })
    expect((await memberDoc(CAST.resident2._id)).personId).toBeUndefined()
    expect((await personDoc(B._id)).memberIds).toEqual([CAST.resident._id])
    expect((await audits('linkPerson')).map((a) => [a.subjectId, a.from, a.to, a.note])).toEqual([
      [CAST.resident._id, undefined, A._id, '关联名册上的101户甲'],
      [CAST.resident._id, A._id, B._id, '由名册上的101户甲改为101户乙'],
      [CAST.resident2._id, undefined, B._id, '关联名册上的101户乙'],
    ])
    expect((await audits('unlinkPerson')).map((a) => [a.subjectId, a.from, a.note])).toEqual([
      [CAST.resident2._id, B._id, '解除与名册上101户乙的关联'],
    ])
  })

  it('refuses, writing nothing: a person of another village, an unverified member, unknown ids', async () => {
    const before = await snapshot(backend)
    const pending = member('pen-x', VILLAGE_A, ['resident'], { status: 'pending' })
    const cases: Array<[ActionName<'village'>, Record<string, unknown>, string]> = [
      ['linkPerson', { memberId: CAST.resident._id, personId: FAR._id }, 'NOT_FOUND'],
      ['linkPerson', { memberId: CAST.resident._id, personId: 'nobody' }, 'NOT_FOUND'],
      ['linkPerson', { memberId: CAST.pending._id, personId: A._id }, 'CONFLICT'],
      ['linkPerson', { memberId: CAST.otherCommittee._id, personId: A._id }, 'NOT_FOUND'],
      ['approveMember', { memberId: CAST.pending._id, personId: FAR._id }, 'NOT_FOUND'],
      ['setRepresentative', { personId: FAR._id, representative: true }, 'NOT_FOUND'],
      ['setRepresentative', { personId: A._id }, 'INVALID_INPUT'],
      ['setHouseholdVoter', { householdId: H1, personId: D._id }, 'CONFLICT'],
      ['setHouseholdVoter', { householdId: `${VILLAGE_B}_101`, personId: FAR._id }, 'NOT_FOUND'],
      ['setHouseholdVoter', { householdId: H1, personId: FAR._id }, 'NOT_FOUND'],
    ]
    for (const [action, payload, code] of cases) {
      const res = await committee(action, payload)
      expect({ action, payload, code: res.ok ? 'ok' : res.error.code }).toEqual({
        action,
        payload,
        code,
      })
      if (!res.ok) expect(res.error.message).toMatch(CHINESE)
    }
    expect(pending.status).toBe('pending')
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('村民代表 and 户代表', () => {
  it('the village’s count of representatives follows the register; a no-change writes nothing', async () => {
    expect(
      data(await committee('setRepresentative', { personId: A._id, representative: true })),
    ).toEqual({ changed: true, representatives: 1 })
    expect(
      data(await committee('setRepresentative', { personId: D._id, representative: true })),
    ).toEqual({ changed: true, representatives: 2 })
    expect(
      data(await committee('setRepresentative', { personId: A._id, representative: false })),
    ).toEqual({ changed: true, representatives: 1 })
    const village = (await backend.all(COLLECTION.villages)).find((v) => v._id === VILLAGE_A)
    expect(village?.counts).toEqual({ adults: 40, households: 12, representatives: 1 })
    const before = await snapshot(backend)
    expect(
      data(await committee('setRepresentative', { personId: D._id, representative: true })),
    ).toEqual({ changed: false, representatives: 1 })
    expect(await snapshot(backend)).toEqual(before)
    expect((await audits('setRepresentative')).map((a) => [a.subjectId, a.from, a.to])).toEqual([
      [A._id, 'false', 'true'],
      [D._id, 'false', 'true'],
      [A._id, 'true', 'false'],
    ])
  })

  it('the 户代表 is a person of that household; a re-import keeps them', async () => {
    expect(
      data(await committee('setHouseholdVoter', { householdId: H1, personId: A._id })),
    ).toEqual({ changed: true })
    const household = (await backend.all(COLLECTION.households)).find((h) => h._id === H1)
    expect(household?.voterPersonId).toBe(A._id)
    const [record] = await audits('setHouseholdVoter')
    expect(record).toMatchObject({ subjectType: 'household', subjectId: H1, to: A._id })
    const list = data(await committee('listPersons', { householdId: H1 }))
    expect(list.persons.filter((p) => p.householdVoter).map((p) => p.id)).toEqual([A._id])
  })
})

/** Every member's link names a person on the register who lists them, and the other way round. */
async function expectLinksAgree() {
  const members = (await backend.all(COLLECTION.members)) as unknown as Member[]
  const persons = (await backend.all(COLLECTION.persons)) as unknown as Person[]
  const fromMembers = members
    .filter((m) => m.personId)
    .map((m) => `${m._id}>${m.personId}`)
    .sort()
  const fromPersons = persons.flatMap((p) => (p.memberIds ?? []).map((m) => `${m}>${p._id}`)).sort()
  expect(fromMembers).toEqual(fromPersons)
}

describe('under 50 callers at once', () => {
  // All 50 write the one village document (its count), so they take turns: a few may hear BUSY
  // (a clear code, nothing written) on a loaded machine; none is lost or counted twice.
  it('50 persons made representatives at once: each one that answered ok counted, once', async () => {
    const many = Array.from({ length: 50 }, (_, i) => onRegister(`race-${i}`, H2, `人${i}`))
    insert(backend, COLLECTION.persons, many)
    const village = (await backend.all(COLLECTION.villages)).find((v) => v._id === VILLAGE_A)
    const start = (village?.counts as { representatives: number }).representatives
    const { tally } = await race(
      'setRepresentative on 50 persons',
      many.map(
        (p) => () => committee('setRepresentative', { personId: p._id, representative: true }),
      ),
    )
    expect(tally.INTERNAL ?? 0).toBe(0)
    expect(tally.FUNCTION_ERROR ?? 0).toBe(0)
    expect((tally.ok ?? 0) + (tally.BUSY ?? 0)).toBe(50)
    const ok = tally.ok ?? 0
    const after = (await backend.all(COLLECTION.villages)).find((v) => v._id === VILLAGE_A)
    const flagged = (await backend.all(COLLECTION.persons)).filter(
      (p) => p.villageId === VILLAGE_A && p.representative,
    ).length
    expect((after?.counts as { representatives: number }).representatives).toBe(start + ok)
    expect(flagged).toBe(start + ok)
  })

  it('one member re-linked 50 times at once: the member and exactly one person agree', async () => {
    const targets = [A, B, C, D, E]
    const { tally } = await race(
      'linkPerson of one member',
      Array.from(
        { length: 50 },
        (_, i) => () =>
          committee('linkPerson', { memberId: CAST.moderator._id, personId: targets[i % 5]._id }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, 50)
    const linked = (await memberDoc(CAST.moderator._id)).personId
    const holders = (await backend.all(COLLECTION.persons))
      .filter((p) => ((p.memberIds as string[] | undefined) ?? []).includes(CAST.moderator._id))
      .map((p) => p._id)
    expect(holders).toEqual([linked])
    await expectLinksAgree()
  })

  it('imports removing a person and links to them at once: never a link to someone off the register', async () => {
    const H3 = `${VILLAGE_A}_103`
    insert(backend, COLLECTION.households, [
      { _id: H3, villageId: VILLAGE_A, number: '103', head: '己', people: ['己', '庚'], adults: 2 },
    ])
    // 庚 as an import would store them (the id is the register's own).
    const res = await committee('importHouseholds', {
      csv: '户号,户主,姓名,是否成年\n103,己,己,是\n103,己,庚,是\n',
    })
    expect(res.ok).toBe(true)
    const geng = (await backend.all(COLLECTION.persons)).find(
      (p) => p.householdId === H3 && p.name === '庚',
    ) as unknown as Person
    const { tally } = await race<unknown>(
      'importHouseholds without 庚 with linkPerson to 庚',
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? () => committee('importHouseholds', { csv: '户号,户主,姓名,是否成年\n103,己,己,是\n' })
          : () => committee('linkPerson', { memberId: CAST.legalOfficer._id, personId: geng._id }),
      ),
    )
    expect(tally.INTERNAL ?? 0).toBe(0)
    expect(tally.FUNCTION_ERROR ?? 0).toBe(0)
    const linked = (await memberDoc(CAST.legalOfficer._id)).personId
    const still = await personDoc(geng._id)
    if (linked) {
      // Linked before any import removed 庚: every later import kept them.
      expect(linked).toBe(geng._id)
      expect(still?.memberIds).toEqual([CAST.legalOfficer._id])
    } else {
      // Removed first: every later link was refused as a person off the register.
      expect(still).toBeUndefined()
      expect(tally.NOT_FOUND ?? 0).toBeGreaterThan(0)
    }
    await expectLinksAgree()
  })
})

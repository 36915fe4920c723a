// #14: one WeChat user, several memberships. A person joins two villages, is approved in both and
// acts in each by naming it (the event's top-level villageId); a village they are not a member of
// makes them a stranger; with none named the documented default (domain/village/memberships:
// verified first, then the latest asked); leaving one keeps the other; and fifty requests at once
// to one village still make one membership. Data stored before #14 (one membership per OPENID,
// no villageId in the event) is what every other function test runs on, unchanged.
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Envelope } from '../../../types/api'
import type { Member } from '../../../types/model/member'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import {
  CAST,
  insert,
  seedCast,
  STRANGER,
  village,
  VILLAGE_A,
  VILLAGE_B,
} from '../support/fixtures'
import { race } from '../support/race'
import { snapshot } from '../support/snapshot'

const VILLAGE_C = 'village-c'
const PERSON = 'openid-two-villages'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.villages, [village(VILLAGE_C, '远村')])
})
afterAll(() => backend.close())

/** A call as the app makes it: the chosen village beside action and payload. */
const call = (
  openid: string | undefined,
  name: string,
  action: string,
  payload: Record<string, unknown>,
  villageId?: unknown,
) =>
  backend.emulator.invoke(
    name,
    { action, payload, ...(villageId === undefined ? {} : { villageId }) },
    openid,
  ) as Promise<Envelope<Record<string, unknown>>>

const mine = async (openid: string): Promise<Member[]> =>
  ((await backend.all(COLLECTION.members)) as unknown as Member[]).filter(
    (m) => m.openid === openid,
  )

const at = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000)

const ids: Record<string, string> = {}

describe('one person in two villages', () => {
  it('asks to join A, then B: two memberships, each pending, under the same OPENID', async () => {
    backend.emulator.clock.set(at(1))
    const a = await call(PERSON, 'village', 'requestJoin', {
      villageId: VILLAGE_A,
      name: '许二',
      householdNo: '021',
    })
    backend.emulator.clock.set(at(2))
    const b = await call(PERSON, 'village', 'requestJoin', {
      villageId: VILLAGE_B,
      name: '许二',
      householdNo: '7-3',
    })
    expect([a.ok, b.ok]).toEqual([true, true])
    ids.a = String(a.ok && a.data.memberId)
    ids.b = String(b.ok && b.data.memberId)
    expect(ids.a).not.toBe(ids.b)
    expect((await mine(PERSON)).map((m) => [m._id, m.villageId, m.status]).sort()).toEqual(
      [
        [ids.a, VILLAGE_A, 'pending'],
        [ids.b, VILLAGE_B, 'pending'],
      ].sort(),
    )
    backend.emulator.clock.set(TEST_NOW)
  })

  it('each committee approves its own; A’s committee makes them a committee member of A', async () => {
    const approveA = await call(CAST.committee.openid, 'village', 'approveMember', {
      memberId: ids.a,
    })
    const approveB = await call(CAST.otherCommittee.openid, 'village', 'approveMember', {
      memberId: ids.b,
    })
    const roles = await call(CAST.committee.openid, 'village', 'assignRoles', {
      memberId: ids.a,
      roles: ['committee'],
    })
    expect([approveA.ok, approveB.ok, roles.ok]).toEqual([true, true, true])
  })

  it('getMe answers the named village’s membership, and lists both for 切换村子', async () => {
    const list = [
      { villageId: VILLAGE_B, villageName: '邻村', status: 'verified' },
      { villageId: VILLAGE_A, villageName: '示范村', status: 'verified' },
    ]
    const inA = await call(PERSON, 'village', 'getMe', {}, VILLAGE_A)
    expect(inA).toEqual({
      ok: true,
      data: {
        member: expect.objectContaining({
          id: ids.a,
          villageId: VILLAGE_A,
          roles: ['resident', 'committee'],
        }),
        village: expect.objectContaining({ id: VILLAGE_A, name: '示范村' }),
        memberships: list,
      },
    })
    const inB = await call(PERSON, 'matters', 'getHome', {}, VILLAGE_B)
    expect(inB).toMatchObject({
      ok: true,
      data: {
        member: { id: ids.b, villageId: VILLAGE_B, roles: ['resident'] },
        village: { id: VILLAGE_B, name: '邻村' },
        memberships: list,
      },
    })
  })

  it('a matter raised naming B lands in B, raised by the membership in B', async () => {
    const res = await call(
      PERSON,
      'matters',
      'raiseMatter',
      { title: '邻村桥头的栏杆松了', body: '桥头栏杆晃得厉害，孩子们上学要走。', photos: [] },
      VILLAGE_B,
    )
    expect(res.ok).toBe(true)
    const matter = (await backend.all(COLLECTION.matters)).find(
      (m) => m._id === (res.ok ? res.data.matterId : ''),
    )
    expect(matter).toMatchObject({ villageId: VILLAGE_B, raisedBy: ids.b })
  })

  it('the committee role in A gives nothing in B', async () => {
    const inA = await call(PERSON, 'village', 'listMembers', {}, VILLAGE_A)
    expect(inA.ok).toBe(true)
    const members = (inA.ok ? inA.data.members : []) as Array<{ villageId: string }>
    expect(members.every((m) => m.villageId === VILLAGE_A)).toBe(true)
    const before = await snapshot(backend)
    const inB = await call(PERSON, 'village', 'listMembers', {}, VILLAGE_B)
    expect(inB).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })
    const update = await call(PERSON, 'village', 'updateVillage', { name: '改名村' }, VILLAGE_B)
    expect(update).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('naming a village they are not a member of: a stranger, and nothing is written', async () => {
    const before = await snapshot(backend)
    const raise = { title: '远村的事', body: '不是本村的人来提事。', photos: [] }
    const asStranger = await call(STRANGER, 'matters', 'raiseMatter', raise)
    expect(asStranger.ok).toBe(false)
    expect(await call(PERSON, 'matters', 'raiseMatter', raise, VILLAGE_C)).toEqual(asStranger)
    expect(await call(PERSON, 'village', 'listMembers', {}, VILLAGE_C)).toEqual(
      await call(STRANGER, 'village', 'listMembers', {}),
    )
    // a village that does not exist at all is the same
    expect(await call(PERSON, 'matters', 'raiseMatter', raise, 'no-such-village')).toEqual(
      asStranger,
    )
    // getMe: no membership there, but their own list to switch back
    expect(await call(PERSON, 'village', 'getMe', {}, VILLAGE_C)).toEqual({
      ok: true,
      data: { member: null, village: null, memberships: expect.any(Array) },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('a villageId that is not a short string is INVALID_INPUT', async () => {
    for (const bad of [42, '', 'x'.repeat(65), { $ne: null }]) {
      expect(await call(PERSON, 'village', 'getMe', {}, bad)).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '选的村子不对，请回到“我的”重新选择村子。' },
      })
    }
  })

  it('with no village named: the verified membership asked for last (B), not a newer pending one', async () => {
    backend.emulator.clock.set(at(3))
    const c = await call(PERSON, 'village', 'requestJoin', {
      villageId: VILLAGE_C,
      name: '许二',
      householdNo: '5',
    })
    backend.emulator.clock.set(TEST_NOW)
    expect(c.ok).toBe(true)
    const me = await call(PERSON, 'village', 'getMe', {})
    expect(me.ok && me.data.member).toMatchObject({ id: ids.b, villageId: VILLAGE_B })
    expect(me.ok && me.data.memberships).toEqual([
      { villageId: VILLAGE_B, villageName: '邻村', status: 'verified' },
      { villageId: VILLAGE_A, villageName: '示范村', status: 'verified' },
      { villageId: VILLAGE_C, villageName: '远村', status: 'pending' },
    ])
    const raised = await call(PERSON, 'matters', 'raiseMatter', {
      title: '没选村子提的事',
      body: '落在默认的村子里。',
      photos: [],
    })
    const matter = (await backend.all(COLLECTION.matters)).find(
      (m) => m._id === (raised.ok ? raised.data.matterId : ''),
    )
    expect(matter).toMatchObject({ villageId: VILLAGE_B, raisedBy: ids.b })
  })

  it('leaving A affects only A; B stays verified and is still theirs to act in', async () => {
    const left = await call(PERSON, 'village', 'leaveVillage', {}, VILLAGE_A)
    expect(left).toEqual({ ok: true, data: { ok: true } })
    const byVillage = Object.fromEntries((await mine(PERSON)).map((m) => [m.villageId, m]))
    expect(byVillage[VILLAGE_A]).toMatchObject({ _id: ids.a, status: 'left', roles: ['resident'] })
    expect(byVillage[VILLAGE_B]).toMatchObject({ _id: ids.b, status: 'verified' })
    expect(byVillage[VILLAGE_C]).toMatchObject({ status: 'pending' })
    const inB = await call(PERSON, 'village', 'getVillage', {}, VILLAGE_B)
    expect(inB.ok).toBe(true)
    const inA = await call(PERSON, 'village', 'getVillage', {}, VILLAGE_A)
    expect(inA.ok).toBe(false)
    // asking again in A starts the same record afresh, as before
    const again = await call(PERSON, 'village', 'requestJoin', {
      villageId: VILLAGE_A,
      name: '许二',
      householdNo: '021',
    })
    expect(again).toEqual({ ok: true, data: { memberId: ids.a, status: 'pending' } })
    expect(await mine(PERSON)).toHaveLength(3)
  })
})

describe('asking two villages at once with one finished membership to reuse', () => {
  it('both requests succeed: one reuses it, the other makes a new record', async () => {
    const openid = 'openid-declined-once'
    insert(backend, COLLECTION.members, [
      {
        _id: 'declined-in-a',
        villageId: VILLAGE_A,
        openid,
        name: '钱某',
        householdNo: '3',
        roles: ['resident'],
        status: 'declined',
        declineReason: '户号不对',
        requestedAt: new Date('2026-01-02T00:00:00Z'),
      },
    ])
    const ask = (villageId: string) =>
      call(openid, 'village', 'requestJoin', { villageId, name: '钱某', householdNo: '3' })
    const both = await Promise.all([ask(VILLAGE_B), ask(VILLAGE_C)])
    expect(both.map((r) => r.ok)).toEqual([true, true])
    const records = await mine(openid)
    expect(records.map((m) => [m.villageId, m.status]).sort()).toEqual([
      [VILLAGE_B, 'pending'],
      [VILLAGE_C, 'pending'],
    ])
    expect(records.map((m) => m._id)).toContain('declined-in-a')
  })
})

describe('one person, one village, fifty requests at once', () => {
  it('makes one membership record', async () => {
    const openid = 'openid-fifty-taps'
    const { tally } = await race(
      'requestJoin ×50 by one person to one village',
      Array.from(
        { length: 50 },
        () => () =>
          call(openid, 'village', 'requestJoin', {
            villageId: VILLAGE_B,
            name: '急性子',
            householdNo: '8',
          }),
      ),
    )
    expect(tally.ok).toBe(1)
    expect((tally.CONFLICT ?? 0) + (tally.BUSY ?? 0)).toBe(49)
    expect(tally.INTERNAL ?? 0).toBe(0)
    const records = await mine(openid)
    expect(records.map((m) => [m.villageId, m.status])).toEqual([[VILLAGE_B, 'pending']])
  })
})

/**
 * 退出本村 (village.leaveVillage): the membership becomes `left`, its roles 村民 only, its person
 * link dropped on both sides, audited; getMe and getHome show the left state; asking to join
 * again starts the same membership afresh (after leaving or a refusal). The village's last
 * committee member may not leave — also when all of them try at once (50 callers: exactly one
 * stays; contention answers BUSY, never INTERNAL). Every refusal writes nothing.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Member, Person } from '../../../types/model/member'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, member, seedCast, STRANGER, village, VILLAGE_A } from '../support/fixtures'
import { outcomes, race } from '../support/race'
import { CHINESE, snapshot } from '../support/snapshot'

let backend: Backend
const AT = new Date('2026-06-01T00:00:00Z')

const person = (id: string, villageId: string, memberIds: string[]): Person => ({
  _id: id,
  villageId,
  householdId: `${villageId}_001`,
  name: '甲',
  adult: true,
  representative: true,
  memberIds,
  createdAt: AT,
  updatedAt: AT,
})

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
})
afterAll(() => backend.close())

async function doc(collection: string, id: string) {
  const { data } = await backend.db.collection(collection).doc(id).get()
  return data[0] as Record<string, unknown> | undefined
}
async function auditsOf(subjectId: string) {
  const { data } = await backend.db
    .collection(COLLECTION.auditLogs)
    .where({ subjectId, action: 'leaveVillage' })
    .limit(1000)
    .get()
  return data as Array<Record<string, unknown>>
}

/** A village of its own with `committee` committee members and a linked representative. */
function villageWith(name: string, committee: number) {
  const id = `v-${name}`
  const members = Array.from({ length: committee }, (_, i) =>
    member(`${name}-com-${i + 1}`, id, ['resident', 'committee']),
  )
  const rep = member(`${name}-rep`, id, ['resident', 'representative'], {
    personId: `${name}-p1`,
  })
  insert(backend, COLLECTION.villages, [village(id, `${name}村`)])
  insert(backend, COLLECTION.members, [...members, rep])
  insert(backend, COLLECTION.persons, [person(`${name}-p1`, id, [rep._id])])
  return { id, committee: members, rep }
}

describe('a member leaves', () => {
  it('becomes left, a 村民 only, unlinked from their person on both sides, audited', async () => {
    const v = villageWith('lv1', 1)
    const res = await backend.call(v.rep.openid, 'village', 'leaveVillage', {})
    expect(res).toEqual({ ok: true, data: { ok: true } })
    const stored = (await doc(COLLECTION.members, v.rep._id)) as unknown as Member
    expect(stored).toMatchObject({ status: 'left', roles: ['resident'], villageId: v.id })
    expect(stored.personId).toBeUndefined()
    expect((await doc(COLLECTION.persons, 'lv1-p1'))?.memberIds).toEqual([])
    expect(await auditsOf(v.rep._id)).toEqual([
      expect.objectContaining({
        villageId: v.id,
        subjectType: 'member',
        actorId: v.rep._id,
        from: 'verified',
        to: 'left',
        note: '解除与名册上001户甲的关联',
      }),
    ])
  })

  it('getMe and getHome show the left state; member-only calls are refused', async () => {
    const v = villageWith('lv2', 1)
    await backend.call(v.rep.openid, 'village', 'leaveVillage', {})
    const me = await backend.call(v.rep.openid, 'village', 'getMe', {})
    expect(me.ok && me.data.member?.status).toBe('left')
    expect(me.ok && me.data.village?.id).toBe(v.id)
    const home = await backend.call(v.rep.openid, 'matters', 'getHome', {})
    expect(home.ok && home.data).toMatchObject({
      member: { status: 'left', roles: ['resident'] },
      village: null,
      nextTalkDay: null,
      urgent: [],
      mine: [],
    })
    const list = await backend.call(v.rep.openid, 'matters', 'listMatters', {})
    expect(list).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('may ask to join again: the same membership, pending afresh (also after a refusal)', async () => {
    const v = villageWith('lv3', 1)
    await backend.call(v.rep.openid, 'village', 'leaveVillage', {})
    const again = await backend.call(v.rep.openid, 'village', 'requestJoin', {
      villageId: VILLAGE_A,
      name: '回来的人',
      householdNo: '007',
    })
    expect(again).toEqual({ ok: true, data: { memberId: v.rep._id, status: 'pending' } })
    const members = (await backend.all(COLLECTION.members)).filter((m) => m.openid === v.rep.openid)
    expect(members).toEqual([
      expect.objectContaining({
        _id: v.rep._id,
        villageId: VILLAGE_A,
        status: 'pending',
        name: '回来的人',
      }),
    ])
    const declined = member('lv3-dec', VILLAGE_A, ['resident'], {
      status: 'declined',
      declineReason: '查无此户',
    })
    insert(backend, COLLECTION.members, [declined])
    const retry = await backend.call(declined.openid, 'village', 'requestJoin', {
      villageId: VILLAGE_A,
      name: '再试一次',
      householdNo: '008',
    })
    expect(retry).toEqual({ ok: true, data: { memberId: declined._id, status: 'pending' } })
    expect(await doc(COLLECTION.members, declined._id)).not.toHaveProperty('declineReason')
  })
})

describe('refusals write nothing', () => {
  it.each([
    ['a pending applicant', CAST.pending.openid],
    ['a stranger', STRANGER],
    ['an anonymous caller', undefined],
  ])('%s: UNAUTHENTICATED', async (_who, openid) => {
    const before = await snapshot(backend)
    const res = await backend.call(openid, 'village', 'leaveVillage', {})
    expect(res).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(CHINESE) },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('one who has left cannot leave again', async () => {
    const v = villageWith('lv4', 1)
    await backend.call(v.rep.openid, 'village', 'leaveVillage', {})
    const before = await snapshot(backend)
    const res = await backend.call(v.rep.openid, 'village', 'leaveVillage', {})
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('the last committee member: CONFLICT in plain Chinese; with two, one may go', async () => {
    const v = villageWith('lv5', 2)
    const first = await backend.call(v.committee[0].openid, 'village', 'leaveVillage', {})
    expect(first).toEqual({ ok: true, data: { ok: true } })
    expect(await auditsOf(v.committee[0]._id)).toEqual([
      expect.objectContaining({ note: '卸任村委会成员' }),
    ])
    const before = await snapshot(backend)
    const last = await backend.call(v.committee[1].openid, 'village', 'leaveVillage', {})
    expect(last).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '您是本村最后一位村委会成员，不能退出。请先让另一位村民担任村委会成员，再退出。',
      },
    })
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('under 50 callers at once', () => {
  it('50 committee members all leaving: exactly 49 go, one stays; contention is BUSY, never INTERNAL', async () => {
    const v = villageWith('lvrace', 50)
    const leave = (m: Member) => () => backend.call(m.openid, 'village', 'leaveVillage', {})
    const { results, tally } = await race(
      'leaveVillage by 50 committee members',
      v.committee.map(leave),
    )
    const seen = new Set(Object.keys(tally))
    // Those told BUSY try again (a person pressing the button again), a bounded number of times.
    let waiting = v.committee.filter((_, i) => !results[i]?.ok && results[i]?.error.code === 'BUSY')
    const answers = [...results]
    for (let round = 0; round < 10 && waiting.length > 0; round += 1) {
      const again = await Promise.all(waiting.map((m) => leave(m)()))
      for (const r of again) seen.add(r.ok ? 'ok' : r.error.code)
      answers.push(...again)
      waiting = waiting.filter((_, i) => !again[i]?.ok && again[i]?.error.code === 'BUSY')
    }
    const odd = new Set(
      answers.flatMap((r) => (r.ok || r.error.code !== 'FUNCTION_ERROR' ? [] : [r.error.message])),
    )
    console.log(
      `leaveVillage answers, retries included: ${JSON.stringify(outcomes(answers))} ${[...odd].join(' / ')}`,
    )
    expect([...seen].filter((c) => !['ok', 'CONFLICT', 'BUSY'].includes(c))).toEqual([])
    expect(waiting).toEqual([])
    const final = outcomes(answers)
    expect(final.ok).toBe(49)
    expect(final.CONFLICT).toBe(1)
    const { data } = await backend.db
      .collection(COLLECTION.members)
      .where({ villageId: v.id, status: 'verified', roles: 'committee' })
      .limit(100)
      .get()
    expect(data).toHaveLength(1)
    const audits = await backend.db
      .collection(COLLECTION.auditLogs)
      .where({ villageId: v.id, action: 'leaveVillage' })
      .limit(100)
      .get()
    expect(audits.data).toHaveLength(49)
  }, 240_000)
})

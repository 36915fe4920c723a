// village: joining, review, roles and the member list, through the emulator with the real SDK.
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Member } from '../../../types/model/member'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, STRANGER, VILLAGE_A, VILLAGE_B } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.households, [
    {
      _id: `${VILLAGE_A}_017`,
      villageId: VILLAGE_A,
      number: '017',
      head: '周大',
      people: ['周大', '周新'],
      adults: 2,
    },
  ])
})
afterAll(() => backend.close())

async function memberByOpenid(openid: string): Promise<Member | undefined> {
  const all = (await backend.all(COLLECTION.members)) as unknown as Member[]
  const found = all.filter((m) => m.openid === openid)
  expect(found.length).toBeLessThanOrEqual(1)
  return found[0]
}

async function auditsOf(subjectId: string) {
  return (await backend.all(COLLECTION.auditLogs)).filter((a) => a.subjectId === subjectId)
}

const join = (openid: string | undefined, over: Record<string, unknown> = {}) =>
  backend.call(openid, 'village', 'requestJoin', {
    villageId: VILLAGE_A,
    name: '周新',
    householdNo: '017',
    phone: '13800138000',
    ...over,
  })

describe('village.whoami and listVillages', () => {
  it('whoami answers the platform’s OPENID', async () => {
    expect(await backend.call(STRANGER, 'village', 'whoami', {})).toEqual({
      ok: true,
      data: { openid: STRANGER },
    })
  })

  it('anyone, even without an OPENID, may list the villages to join', async () => {
    expect(await backend.call(undefined, 'village', 'listVillages', {})).toEqual({
      ok: true,
      data: {
        villages: expect.arrayContaining([
          { id: VILLAGE_A, name: '示范村' },
          { id: VILLAGE_B, name: '邻村' },
        ]),
      },
    })
  })
})

describe('village.requestJoin → approveMember', () => {
  const NEWCOMER = 'openid-newcomer'

  it('a WeChat user asks to join: pending, resident, under the platform’s OPENID, audited', async () => {
    const res = await join(NEWCOMER)
    expect(res).toEqual({ ok: true, data: { memberId: expect.any(String), status: 'pending' } })
    if (!res.ok) return
    const m = await memberByOpenid(NEWCOMER)
    expect(m).toMatchObject({
      _id: res.data.memberId,
      villageId: VILLAGE_A,
      name: '周新',
      householdNo: '017',
      phone: '13800138000',
      roles: ['resident'],
      status: 'pending',
    })
    expect(await auditsOf(res.data.memberId)).toEqual([
      expect.objectContaining({ action: 'requestJoin', to: 'pending', villageId: VILLAGE_A }),
    ])
  })

  it('getMe shows the request and the village at start', async () => {
    const res = await backend.call(NEWCOMER, 'village', 'getMe', {})
    expect(res).toEqual({
      ok: true,
      data: {
        member: expect.objectContaining({ status: 'pending', name: '周新', roles: ['resident'] }),
        village: { id: VILLAGE_A, name: '示范村', talkDays: [4, 14, 24], responseDeadlineDays: 3 },
      },
    })
    if (res.ok) expect(JSON.stringify(res.data)).not.toContain(NEWCOMER)
  })

  it('asking again while pending, or once verified, is CONFLICT and writes nothing', async () => {
    const before = await snapshot(backend)
    expect(await join(NEWCOMER)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '您已经提交过申请，请耐心等待村委会审核。' },
    })
    expect(await join(CAST.resident.openid)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '您已经是认证村民了，不用再申请。' },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('an unknown village is NOT_FOUND and writes nothing', async () => {
    const before = await snapshot(backend)
    const res = await join('openid-lost', { villageId: 'no-such-village' })
    expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('the committee sees pending requests of its own village only, without OPENIDs', async () => {
    const res = await backend.call(CAST.committee.openid, 'village', 'listMembers', {
      status: 'pending',
    })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data.members.map((m) => m.name).sort()).toEqual([CAST.pending.name, '周新'].sort())
    expect(JSON.stringify(res.data)).not.toContain('openid')
    const all = await backend.call(CAST.committee.openid, 'village', 'listMembers', {})
    expect(all.ok && all.data.members.every((m) => m.villageId === VILLAGE_A)).toBe(true)
    expect(all.ok && all.data.members.length).toBe(8)
  })

  it('approving links the registered household and leaves an audit record', async () => {
    const m = (await memberByOpenid(NEWCOMER)) as Member
    const res = await backend.call(CAST.committee.openid, 'village', 'approveMember', {
      memberId: m._id,
    })
    expect(res).toEqual({ ok: true, data: { householdId: `${VILLAGE_A}_017` } })
    expect(await memberByOpenid(NEWCOMER)).toMatchObject({
      status: 'verified',
      householdId: `${VILLAGE_A}_017`,
      reviewedBy: CAST.committee._id,
    })
    expect(await auditsOf(m._id)).toContainEqual(
      expect.objectContaining({
        action: 'approveMember',
        actorId: CAST.committee._id,
        from: 'pending',
        to: 'verified',
      }),
    )
  })

  it('a request already handled cannot be approved or declined again', async () => {
    const m = (await memberByOpenid(NEWCOMER)) as Member
    const before = await snapshot(backend)
    for (const action of ['approveMember', 'declineMember'] as const) {
      const res = await backend.call(CAST.committee.openid, 'village', action, {
        memberId: m._id,
        reason: '重复',
      })
      expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) })
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('approving without a registered household of that number leaves it unlinked', async () => {
    const res = await backend.call(CAST.committee.openid, 'village', 'approveMember', {
      memberId: CAST.pending._id,
    })
    expect(res).toEqual({ ok: true, data: {} })
    const m = await memberByOpenid(CAST.pending.openid)
    expect(m?.status).toBe('verified')
    expect(m?.householdId).toBeUndefined()
  })

  it('an unknown member is NOT_FOUND', async () => {
    const res = await backend.call(CAST.committee.openid, 'village', 'approveMember', {
      memberId: 'nobody',
    })
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) })
  })
})

describe('village.declineMember → requestJoin again', () => {
  const APPLICANT = 'openid-applicant'

  it('declining records the reason the person sees; asking again reuses the record', async () => {
    const asked = await join(APPLICANT, { name: '吴某', householdNo: '099', phone: undefined })
    expect(asked.ok).toBe(true)
    if (!asked.ok) return
    const id = asked.data.memberId
    const declined = await backend.call(CAST.committee.openid, 'village', 'declineMember', {
      memberId: id,
      reason: '户号对不上，请核对后再申请',
    })
    expect(declined).toEqual({ ok: true, data: { ok: true } })
    const me = await backend.call(APPLICANT, 'village', 'getMe', {})
    expect(me.ok && me.data.member).toMatchObject({
      status: 'declined',
      declineReason: '户号对不上，请核对后再申请',
    })

    const again = await join(APPLICANT, { villageId: VILLAGE_B, name: '吴某', householdNo: '009' })
    expect(again).toEqual({ ok: true, data: { memberId: id, status: 'pending' } })
    const m = await memberByOpenid(APPLICANT)
    expect(m).toMatchObject({
      _id: id,
      villageId: VILLAGE_B,
      householdNo: '009',
      status: 'pending',
    })
    expect(m?.declineReason).toBeUndefined()
    expect(m?.reviewedBy).toBeUndefined()
    expect((await auditsOf(id)).map((a) => [a.action, a.from ?? null, a.to])).toEqual([
      ['requestJoin', null, 'pending'],
      ['declineMember', 'pending', 'declined'],
      ['requestJoin', 'declined', 'pending'],
    ])
  })

  it('two requests at once from one WeChat user make one membership', async () => {
    const both = await Promise.all([join('openid-twice'), join('openid-twice')])
    expect(both.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok'])
    expect(await memberByOpenid('openid-twice')).toMatchObject({ status: 'pending' })
  })
})

describe('village.assignRoles', () => {
  it('the committee gives a verified member roles; resident always stays; audited', async () => {
    const res = await backend.call(CAST.committee.openid, 'village', 'assignRoles', {
      memberId: CAST.resident2._id,
      roles: ['representative', 'moderator'],
    })
    expect(res).toEqual({
      ok: true,
      data: { roles: ['resident', 'representative', 'moderator'], changed: true },
    })
    expect(await memberByOpenid(CAST.resident2.openid)).toMatchObject({
      roles: ['resident', 'representative', 'moderator'],
    })
    expect(await auditsOf(CAST.resident2._id)).toEqual([
      expect.objectContaining({
        action: 'assignRoles',
        from: 'resident',
        to: 'resident,representative,moderator',
      }),
    ])
  })

  it('the same roles again change nothing', async () => {
    const before = await snapshot(backend)
    const res = await backend.call(CAST.committee.openid, 'village', 'assignRoles', {
      memberId: CAST.resident2._id,
      roles: ['moderator', 'representative', 'resident'],
    })
    expect(res).toEqual({
      ok: true,
      data: { roles: ['resident', 'representative', 'moderator'], changed: false },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('never one’s own roles, and only verified members', async () => {
    const before = await snapshot(backend)
    const self = await backend.call(CAST.committee.openid, 'village', 'assignRoles', {
      memberId: CAST.committee._id,
      roles: ['resident'],
    })
    expect(self).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能修改自己的角色，请另一位村委会成员来修改。' },
    })
    const applicant = (await memberByOpenid('openid-twice')) as Member
    const pending = await backend.call(CAST.committee.openid, 'village', 'assignRoles', {
      memberId: applicant._id,
      roles: ['committee'],
    })
    expect(pending).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) })
    expect(await snapshot(backend)).toEqual(before)
  })
})

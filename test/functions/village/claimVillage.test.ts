/**
 * claimVillage (村委会启用码): the first WeChat user to enter a new village's one-time code becomes
 * its first committee member, verified at once, and the code is spent in the same transaction.
 * Refusals (wrong or spent code, a caller who belongs or waits, bad input) write nothing — the
 * whole database is compared. Of 50 callers entering one code at once exactly one gets the
 * village. Codes and their SHA-256 hashes are written by hand.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { BAD_FOUNDING_CODE } from '../../../domain/village/foundingCode'
import type { Member, Village } from '../../../types/model/member'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, member, seedCast, village } from '../support/fixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { CHINESE, snapshot } from '../support/snapshot'

/** Codes as printed, and the SHA-256 (hex) of each one's normalised form (`sha256sum`). */
const CODES = {
  first: ['K7PM-4XQ2-9TRW', '2fab882ac9ef83eafbba7c62551fedf7f6605d1fe6b41e2e0d24318b68219253'],
  second: ['HJ3N-B8V5-CFZS', '925dc1507a91d6435fe8e749ed4dc6982a98c3caba7192b0c23382bbf64ec2dc'],
  third: ['E2UA-6YGD-7LKQ', 'f17649080c43294b0fc4ef081df0118390bdf1e35a95b9b411ac5ed498984438'],
  fourth: ['M3V8-Q2XH-7PTB', 'bc783a9df1d5b4342fd7fa7c0171c370bd4d7a5fdd3b30b0a0cbea382cb36b22'],
} as const

const ISSUED = new Date('2026-11-20T10:00:00+08:00')
const WRONG = '启用码不对，或者已经有人用过了。请核对村里拿到的启用码后重新输入。'

let backend: Backend

/** A village as village:create leaves it: no members, its code's hash in `founding`. */
function unclaimed(id: string, name: string, codeHash: string): Village {
  return village(id, name, {
    counts: { adults: 0, households: 0, representatives: 0 },
    founding: { codeHash, issuedAt: ISSUED },
  })
}

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.villages, [
    unclaimed('new-1', '青石村', CODES.first[1]),
    unclaimed('new-2', '柳树村', CODES.second[1]),
    unclaimed('new-3', '白杨村', CODES.third[1]),
    unclaimed('new-4', '桃花村', CODES.fourth[1]),
  ])
})
afterAll(() => backend.close())

const claim = (openid: string | undefined, over: Record<string, unknown> = {}) =>
  backend.call(openid, 'village', 'claimVillage', {
    code: CODES.first[0],
    name: '周书记',
    householdNo: '001',
    phone: '13900139000',
    ...over,
  })

const villageDoc = async (id: string) =>
  (await backend.all(COLLECTION.villages)).find((v) => v._id === id) as unknown as Village

describe('claimVillage refuses, writing nothing', () => {
  it('bad input, a wrong code, a caller who belongs or waits, an anonymous caller', async () => {
    const before = await snapshot(backend)
    const cases: Array<[string | undefined, Record<string, unknown>, string, string]> = [
      [undefined, {}, 'UNAUTHENTICATED', '请先登录微信。'],
      ['openid-x', { code: undefined }, 'INVALID_INPUT', '请填写启用码'],
      ['openid-x', { code: ' - ' }, 'INVALID_INPUT', '请填写启用码'],
      ['openid-x', { code: 'K7PM-4XQ2-9TR' }, 'INVALID_INPUT', BAD_FOUNDING_CODE],
      ['openid-x', { code: 'K7PM-4XQ2-9TR0' }, 'INVALID_INPUT', BAD_FOUNDING_CODE],
      ['openid-x', { code: 12 }, 'INVALID_INPUT', BAD_FOUNDING_CODE],
      ['openid-x', { code: 'K'.repeat(65) }, 'INVALID_INPUT', BAD_FOUNDING_CODE],
      ['openid-x', { name: ' ' }, 'INVALID_INPUT', '请填写姓名'],
      [
        'openid-x',
        { householdNo: '一组' },
        'INVALID_INPUT',
        '户号只能由数字、字母和“-”组成，最多 20 个字符',
      ],
      ['openid-x', { phone: '123' }, 'INVALID_INPUT', '手机号应当是 11 位数字，以 1 开头'],
      // well-formed, but no village's: 22…2 is a code of the alphabet
      ['openid-x', { code: '2222-2222-2222' }, 'NOT_FOUND', WRONG],
      [
        CAST.resident.openid,
        {},
        'CONFLICT',
        '您已经是一个村的村民了，不能再用启用码启用新的村。如果要换村，请先在“我的”里退出原来的村。',
      ],
      [
        CAST.committee.openid,
        {},
        'CONFLICT',
        '您已经是一个村的村民了，不能再用启用码启用新的村。如果要换村，请先在“我的”里退出原来的村。',
      ],
      [
        CAST.pending.openid,
        {},
        'CONFLICT',
        '您已经申请加入一个村，正在等村委会审核，不能再用启用码。请先等审核结果。',
      ],
    ]
    for (const [openid, over, code, message] of cases) {
      const res = await claim(openid, over)
      expect({ openid, over, res }).toEqual({
        openid,
        over,
        res: { ok: false, error: { code, message } },
      })
    }
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('claimVillage', () => {
  it('makes a new user the village’s first committee member and spends the code', async () => {
    // typed as a person might: full-width, lower case, a space instead of a dash
    const res = await claim('openid-secretary', { code: 'ｋ７ｐｍ 4xq2—9trw', phone: '' })
    expect(res).toEqual({
      ok: true,
      data: {
        memberId: expect.any(String),
        villageId: 'new-1',
        villageName: '青石村',
        roles: ['resident', 'committee'],
      },
    })
    const memberId = res.ok ? res.data.memberId : ''
    const members = (await backend.all(COLLECTION.members)) as unknown as Member[]
    expect(members.filter((m) => m.villageId === 'new-1')).toEqual([
      {
        _id: memberId,
        villageId: 'new-1',
        openid: 'openid-secretary',
        name: '周书记',
        householdNo: '001',
        roles: ['resident', 'committee'],
        status: 'verified',
        requestedAt: TEST_NOW,
        reviewedAt: TEST_NOW,
      },
    ])
    const stored = await villageDoc('new-1')
    expect(stored.founding).toBeUndefined()
    expect(stored.updatedAt).toEqual(TEST_NOW)
    expect(stored.name).toBe('青石村')
    const audits = (await backend.all(COLLECTION.auditLogs)).filter(
      (a) => a.action === 'claimVillage',
    )
    expect(audits).toEqual([
      {
        _id: expect.any(String),
        villageId: 'new-1',
        subjectType: 'member',
        subjectId: memberId,
        action: 'claimVillage',
        actorId: memberId,
        actorName: '周书记',
        at: TEST_NOW,
        to: 'verified',
        note: '用村委会启用码成为本村第一位村委会成员',
      },
    ])
    // the committee's own actions now answer them
    const me = await backend.call('openid-secretary', 'village', 'getMe', {})
    expect(me.ok && [me.data.member?.roles, me.data.village?.name]).toEqual([
      ['resident', 'committee'],
      '青石村',
    ])
    const list = await backend.call('openid-secretary', 'village', 'listMembers', {})
    expect(list.ok && list.data.members.map((m) => m.name)).toEqual(['周书记'])
  })

  it('a spent code is refused for the next person, writing nothing', async () => {
    const before = await snapshot(backend)
    const res = await claim('openid-too-late')
    expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: WRONG } })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('a declined applicant’s membership is reused, audited from 未通过', async () => {
    const declined = member('dec', 'village-a', ['resident'], {
      status: 'declined',
      declineReason: '查无此户',
    })
    insert(backend, COLLECTION.members, [declined])
    const res = await claim(declined.openid, { code: CODES.second[0], householdNo: '3-12' })
    expect(res.ok && res.data).toEqual({
      memberId: declined._id,
      villageId: 'new-2',
      villageName: '柳树村',
      roles: ['resident', 'committee'],
    })
    const stored = (await backend.all(COLLECTION.members)).filter(
      (m) => m.openid === declined.openid,
    )
    expect(stored).toEqual([
      {
        _id: declined._id,
        villageId: 'new-2',
        openid: declined.openid,
        name: '周书记',
        householdNo: '3-12',
        phone: '13900139000',
        roles: ['resident', 'committee'],
        status: 'verified',
        requestedAt: TEST_NOW,
        reviewedAt: TEST_NOW,
      },
    ])
    const audit = (await backend.all(COLLECTION.auditLogs)).find(
      (a) => a.action === 'claimVillage' && a.subjectId === declined._id,
    )
    expect(audit).toMatchObject({ from: 'declined', to: 'verified', villageId: 'new-2' })
    expect((await villageDoc('new-2')).founding).toBeUndefined()
  })
})

describe('claimVillage under 50 callers at once', () => {
  it('50 new users enter one code: one committee member, the code spent once', async () => {
    const openids = Array.from({ length: 50 }, (_, i) => `openid-claim-race-${i + 1}`)
    const { results, tally } = await race(
      'claimVillage of one code',
      openids.map((openid, i) => () => claim(openid, { code: CODES.third[0], name: `村干部${i}` })),
    )
    expectNoCrashAndLittleBusy(tally, 50)
    expect(tally.ok).toBe(1)
    expect((tally.NOT_FOUND ?? 0) + (tally.CONFLICT ?? 0) + (tally.BUSY ?? 0)).toBe(49)
    for (const r of results) if (!r.ok) expect(r.error.message).toMatch(CHINESE)
    const winner = openids[results.findIndex((r) => r.ok)]
    const members = (await backend.all(COLLECTION.members)).filter((m) => m.villageId === 'new-3')
    expect(members.map((m) => [m.openid, m.roles, m.status])).toEqual([
      [winner, ['resident', 'committee'], 'verified'],
    ])
    // none of the others has a membership anywhere
    const all = await backend.all(COLLECTION.members)
    expect(all.filter((m) => openids.includes(String(m.openid)))).toHaveLength(1)
    expect((await villageDoc('new-3')).founding).toBeUndefined()
    const audits = (await backend.all(COLLECTION.auditLogs)).filter(
      (a) => a.action === 'claimVillage' && a.villageId === 'new-3',
    )
    expect(audits).toHaveLength(1)
  })

  it('one user tapping 启用 ten times at once: one membership, the rest refused', async () => {
    const { tally } = await race(
      'claimVillage by one user',
      Array.from({ length: 10 }, () => () => claim('openid-impatient', { code: CODES.fourth[0] })),
    )
    expectNoCrashAndLittleBusy(tally, 10)
    expect(tally.ok).toBe(1)
    expect((tally.NOT_FOUND ?? 0) + (tally.CONFLICT ?? 0)).toBe(9)
    const mine = (await backend.all(COLLECTION.members)).filter(
      (m) => m.openid === 'openid-impatient',
    )
    expect(mine.map((m) => [m.villageId, m.status])).toEqual([['new-4', 'verified']])
    expect((await villageDoc('new-4')).founding).toBeUndefined()
  })
})

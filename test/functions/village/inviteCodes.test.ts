/**
 * 邀请码: the migration gives villages stored before codes one each (the demo village its fixed
 * 4XQ9TR), unique under the villages' unique index, and changes nothing run again; listVillages
 * finds a village by its code as typed or by a word of its name and never shows a code; getVillage
 * shows it to the committee only.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { migrateInviteCodes } from '../../../cloudfunctions/village/migrateInviteCodes'
import { newInviteCode } from '../../../cloudfunctions/village/inviteCodes'
import { migrate } from '../../../scripts/migrate'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, village, VILLAGE_A, VILLAGE_B } from '../support/fixtures'
import { CHINESE, snapshot } from '../support/snapshot'

const CODE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/
const MIGRATION = 'villages: no invite code → a unique invite code'

describe('the invite-code migration on villages stored before codes', () => {
  let backend: Backend
  beforeAll(async () => {
    backend = await startBackend()
    await seedCast(backend) // villages A and B, as stored before codes
    insert(backend, COLLECTION.villages, [
      village('demo-village', '示范村'),
      village('v-coded', '有码村', { inviteCode: 'KEEP22' }),
    ])
  })
  afterAll(() => backend.close())

  it('two villages without a code coexist under the unique index (the emulator’s NULL rule)', async () => {
    const villages = await backend.all(COLLECTION.villages)
    expect(villages.filter((v) => v.inviteCode === undefined)).toHaveLength(3)
  })

  it('gives each a code of its own, the demo village 4XQ9TR; the rest stays as it was', async () => {
    const before = await snapshot(backend)
    expect(await migrateInviteCodes(backend.db)).toBe(3)
    const after = await snapshot(backend)
    const codes = Object.fromEntries(
      (after[COLLECTION.villages] ?? []).map((v) => [v._id, v.inviteCode]),
    )
    expect(codes['demo-village']).toBe('4XQ9TR')
    expect(codes['v-coded']).toBe('KEEP22')
    expect(codes[VILLAGE_A]).toMatch(CODE)
    expect(codes[VILLAGE_B]).toMatch(CODE)
    expect(new Set(Object.values(codes)).size).toBe(4)
    // nothing but the code was written
    const strip = (s: typeof before) => ({
      ...s,
      [COLLECTION.villages]: (s[COLLECTION.villages] ?? []).map((v) =>
        v._id === 'v-coded' ? v : { ...v, inviteCode: undefined },
      ),
    })
    expect(strip(after)).toEqual(strip(before))
  })

  it('run again (and through npm run migrate), it changes nothing', async () => {
    const before = await snapshot(backend)
    expect(await migrateInviteCodes(backend.db)).toBe(0)
    const results = await migrate({ serviceUrl: backend.emulator.serviceUrl })
    expect(results.find((r) => r.name === MIGRATION)).toEqual({ name: MIGRATION, changed: 0 })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('the unique index refuses a second village with a code already taken', async () => {
    await expect(
      backend.db.collection(COLLECTION.villages).add({ name: '重码村', inviteCode: '4XQ9TR' }),
    ).rejects.toThrow(/duplicate key|E11000/)
  })
})

describe('a taken demo code', () => {
  it('the demo village then gets a random one', async () => {
    const backend = await startBackend()
    try {
      insert(backend, COLLECTION.villages, [
        village('v-first', '先来村', { inviteCode: '4XQ9TR' }),
        village('demo-village', '示范村'),
      ])
      expect(await migrateInviteCodes(backend.db)).toBe(1)
      const demo = (await backend.all(COLLECTION.villages)).find((v) => v._id === 'demo-village')
      expect(demo?.inviteCode).toMatch(CODE)
      expect(demo?.inviteCode).not.toBe('4XQ9TR')
    } finally {
      await backend.close()
    }
  })
})

it('fresh codes are well-formed and spread (crypto randomness)', () => {
  const codes = Array.from({ length: 200 }, () => newInviteCode())
  for (const c of codes) expect(c).toMatch(CODE)
  expect(new Set(codes).size).toBe(200)
  // every character of the alphabet turns up in 1,200 draws of 32 (miss chance ≈ 32·e⁻³⁷·⁵)
  expect(new Set(codes.join('')).size).toBe(32)
})

describe('finding a village to join', () => {
  let backend: Backend
  const many = Array.from({ length: 25 }, (_, i) =>
    village(`v-many-${String(i).padStart(2, '0')}`, `测试村${String(i).padStart(2, '0')}`, {
      inviteCode: `MANY${'23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[i]}2`,
    }),
  )
  beforeAll(async () => {
    backend = await startBackend()
    insert(backend, COLLECTION.villages, [
      village(VILLAGE_A, '示范村', { inviteCode: '4XQ9TR' }),
      village(VILLAGE_B, '邻村', { inviteCode: 'B2B2B2' }),
      village('v-latin', 'Green Valley 村', { inviteCode: 'GREEN2' }),
      village('v-dot', 'a.c 村', { inviteCode: 'DOTDOT' }),
      village('v-abc', 'abc 村', { inviteCode: 'ABCABC' }),
      ...many,
    ])
    insert(backend, COLLECTION.members, Object.values(CAST))
  })
  afterAll(() => backend.close())

  async function find(payload: Record<string, unknown>) {
    const res = await backend.call('openid-newcomer', 'village', 'listVillages', payload)
    if (!res.ok) throw new Error(JSON.stringify(res))
    expect(JSON.stringify(res)).not.toMatch(/inviteCode|4XQ9TR|B2B2B2|GREEN2|MANY/)
    return res.data.villages
  }

  it.each([['4XQ9TR'], ['4xq9tr'], [' 4XQ-9TR '], ['４ｘｑ９ｔｒ']])(
    'by its code as typed: %j',
    async (inviteCode) => {
      expect(await find({ inviteCode })).toEqual([{ id: VILLAGE_A, name: '示范村' }])
    },
  )

  it('a well-formed code nobody has finds none', async () => {
    expect(await find({ inviteCode: 'ZZZZZZ' })).toEqual([])
  })

  it('by a word of the name: case-insensitive, literal, at most 20, by name', async () => {
    expect(await find({ q: '邻' })).toEqual([{ id: VILLAGE_B, name: '邻村' }])
    expect(await find({ q: 'green' })).toEqual([{ id: 'v-latin', name: 'Green Valley 村' }])
    expect(await find({ q: 'a.c' })).toEqual([{ id: 'v-dot', name: 'a.c 村' }])
    const listed = await find({ q: '测试村' })
    expect(listed.map((v) => v.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `测试村${String(i).padStart(2, '0')}`),
    )
  })

  it('neither: every village, by name', async () => {
    expect((await find({})).length).toBe(30)
  })

  it.each([
    [{ inviteCode: 'ABC' }],
    [{ inviteCode: '4XQ0TR' }],
    [{ inviteCode: 42 }],
    [{ q: '' }],
    [{ q: '村'.repeat(21) }],
    [{ q: '示范', inviteCode: '4XQ9TR' }],
  ])('%j → INVALID_INPUT in Chinese, nothing written', async (payload) => {
    const before = await snapshot(backend)
    const res = await backend.call('openid-newcomer', 'village', 'listVillages', payload)
    expect(res).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(CHINESE) },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('getVillage shows the code to the committee only', async () => {
    const committee = await backend.call(CAST.committee.openid, 'village', 'getVillage', {})
    expect(committee.ok && committee.data.inviteCode).toBe('4XQ9TR')
    for (const who of [CAST.resident, CAST.moderator, CAST.representative]) {
      const res = await backend.call(who.openid, 'village', 'getVillage', {})
      expect(res.ok).toBe(true)
      expect(JSON.stringify(res)).not.toContain('4XQ9TR')
    }
    const other = await backend.call(CAST.otherCommittee.openid, 'village', 'getVillage', {})
    expect(other.ok && other.data.inviteCode).toBe('B2B2B2')
  })
})

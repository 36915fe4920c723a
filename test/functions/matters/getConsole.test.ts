/**
 * 村务 in one call (matters.getConsole) on the demo village at the test clock (Saturday 21 November
 * 2026, 09:00 Shanghai): every figure and list below is written out by hand from
 * domain/village/demo.ts and domain/matters/demo.ts. Refusals: a resident is FORBIDDEN, a pending
 * member or a stranger UNAUTHENTICATED, and a committee member of another village sees their own.
 */
import { seedDemo } from '../../../scripts/seed'
import { startBackend, TEST_BALLOT_SECRET, TEST_NOW, type Backend } from '../support/backend'
import { CAST, seedCast, STRANGER, VILLAGE_B } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedDemo({
    serviceUrl: backend.emulator.serviceUrl,
    now: TEST_NOW,
    ballotSecret: TEST_BALLOT_SECRET,
  })
  await seedCast(backend)
})
afterAll(() => backend.close())
afterEach(() => backend.emulator.clock.set(TEST_NOW))

const COMMITTEE = 'dev-openid-committee'
const MODERATOR = 'dev-openid-moderator'

async function consoleOf(openid: string) {
  const res = await backend.call(openid, 'matters', 'getConsole', {})
  if (!res.ok) throw new Error(res.error.message)
  return res.data
}

describe('matters.getConsole', () => {
  it('the demo village: join requests, the 接诉即办 clock, three talk days, the work in hand', async () => {
    const c = await consoleOf(COMMITTEE)
    expect(c.village).toEqual({
      id: 'demo-village',
      name: '示范村',
      talkDays: [4, 14, 24],
      responseDeadlineDays: 3,
    })
    // 钱多多, 冯小刚, 韩梅梅 (蒋某 was declined)
    expect(c.pendingMembers).toBe(3)
    // 垃圾桶不够用: raised five days ago, due two days ago (−48 h); 村口路灯坏了: raised yesterday,
    // due in two days (48 h). The longest overdue first.
    expect(
      c.incoming.map((m) => [m.id, m.title, m.respondBy, m.hoursLeft, m.overdue, m.status]),
    ).toEqual([
      ['demo-matter-overdue', '垃圾桶不够用', '2026-11-19T01:00:00.000Z', -48, true, 'raised'],
      ['demo-matter-raised', '村口路灯坏了', '2026-11-23T01:00:00.000Z', 48, false, 'raised'],
    ])
    expect(c.overdue).toBe(1)
    expect(c.talkDays.map((d) => [d.date, d.items.map((m) => m.id), d.room])).toEqual([
      ['2026-11-24', ['demo-matter-accepted', 'demo-matter-topic'], 8],
      ['2026-12-04', [], 10],
      ['2026-12-14', [], 10],
    ])
    // decided (raised 25 days ago) and handling (30 days ago), newest first
    expect(c.handling.map((m) => [m.id, m.status])).toEqual([
      ['demo-matter-decided', 'decided'],
      ['demo-matter-handling', 'handling'],
    ])
    // 自来水水压太低 is resolved but may be rated for five more days
    expect(c.toClose).toEqual([])
    // the one hidden statement was hidden by a moderator (already reviewed); nothing reported
    expect(c.moderationPending).toBe(0)
    expect(c.openPolls).toEqual([])
  })

  it('a moderator sees the same console, with their own roles', async () => {
    const { roles: moderatorRoles, ...moderator } = await consoleOf(MODERATOR)
    const { roles: committeeRoles, ...committee } = await consoleOf(COMMITTEE)
    expect(moderator).toEqual(committee)
    expect(moderatorRoles).toEqual(['resident', 'moderator'])
    expect(committeeRoles).toEqual(['resident', 'committee'])
  })

  it('the clock runs: half an hour later the hours round down (47 left, 49 over)', async () => {
    backend.emulator.clock.set(new Date(TEST_NOW.getTime() + 30 * 60e3))
    const c = await consoleOf(COMMITTEE)
    expect(c.incoming.map((m) => [m.id, m.hoursLeft])).toEqual([
      ['demo-matter-overdue', -49],
      ['demo-matter-raised', 47],
    ])
  })

  it('on the talk day itself, it is the first of the three; six days on, the resolved matter is to close', async () => {
    backend.emulator.clock.set(new Date('2026-11-27T09:00:00+08:00'))
    const c = await consoleOf(COMMITTEE)
    expect(c.talkDays.map((d) => d.date)).toEqual(['2026-12-04', '2026-12-14', '2026-12-24'])
    expect(c.toClose.map((m) => m.id)).toEqual(['demo-matter-resolved'])
    backend.emulator.clock.set(new Date('2026-11-24T20:00:00+08:00'))
    expect((await consoleOf(COMMITTEE)).talkDays.map((d) => d.date)).toEqual([
      '2026-11-24',
      '2026-12-04',
      '2026-12-14',
    ])
  })

  it('refuses residents (FORBIDDEN) and those not verified (UNAUTHENTICATED); writes nothing', async () => {
    const before = await snapshot(backend)
    for (const [openid, code] of [
      ['dev-openid-resident-1', 'FORBIDDEN'],
      ['dev-openid-rep', 'FORBIDDEN'],
      ['dev-openid-legal', 'FORBIDDEN'],
      [CAST.resident.openid, 'FORBIDDEN'],
      [CAST.pending.openid, 'UNAUTHENTICATED'],
      ['dev-openid-a01', 'UNAUTHENTICATED'],
      [STRANGER, 'UNAUTHENTICATED'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await backend.call(openid, 'matters', 'getConsole', {})
      expect({ openid, code: res.ok ? 'ok' : res.error.code }).toEqual({ openid, code })
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('a committee member of another village sees that village only (nothing of the demo)', async () => {
    const c = await consoleOf(CAST.otherCommittee.openid)
    expect(c.village.id).toBe(VILLAGE_B)
    expect([c.pendingMembers, c.incoming, c.handling, c.toClose, c.openPolls]).toEqual([
      0,
      [],
      [],
      [],
      [],
    ])
    expect(c.talkDays.every((d) => d.items.length === 0)).toBe(true)
  })
})

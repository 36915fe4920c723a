/**
 * 主持: a talk day's run sheet in one call (matters.getRunSheet) on the demo village, expected by
 * hand from domain/matters/demo.ts: the next 说事日 (24 November) holds 文化广场晚上跳舞声音太大 and
 * 明年先修哪一段村道; the last one (14 November) has the minutes of two matters.
 */
import { seedDemo } from '../../../scripts/seed'
import { startBackend, TEST_BALLOT_SECRET, TEST_NOW, type Backend } from '../support/backend'
import { CAST, seedCast, STRANGER } from '../support/fixtures'

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

const MODERATOR = 'dev-openid-moderator'
const COMMITTEE = 'dev-openid-committee'

async function sheet(openid: string, talkDay?: string) {
  const res = await backend.call(openid, 'matters', 'getRunSheet', talkDay ? { talkDay } : {})
  if (!res.ok) throw new Error(res.error.message)
  return res.data
}

describe('matters.getRunSheet', () => {
  it('without a day: the next talk day, its items in agenda order with body, minutes, polls and buttons', async () => {
    const s = await sheet(MODERATOR)
    expect([s.talkDay, s.today, s.moderationPending, s.toClose]).toEqual([
      '2026-11-24',
      false,
      0,
      [],
    ])
    expect(s.items.map((i) => [i.id, i.title, i.body, i.minutes, i.polls, i.can])).toEqual([
      [
        'demo-matter-accepted',
        '文化广场晚上跳舞声音太大',
        '十点以后还在放音乐，住在旁边的人睡不好，希望定个时间。',
        '',
        [],
        // not yet the day: no 开始议事; the moderator may speak and report like anyone
        ['postStatement', 'reportStatement'],
      ],
      [
        'demo-matter-topic',
        '明年先修哪一段村道',
        '村委会开题：明年的修路钱只够修一段，请大家一起商量先修哪段。',
        '',
        [],
        ['postStatement', 'reportStatement'],
      ],
    ])
  })

  it('on the day (today: true), the moderator may start the discussion of each item', async () => {
    backend.emulator.clock.set(new Date('2026-11-24T09:00:00+08:00'))
    const s = await sheet(MODERATOR)
    expect([s.talkDay, s.today]).toEqual(['2026-11-24', true])
    expect(s.items.map((i) => [i.id, i.can])).toEqual([
      [
        'demo-matter-accepted',
        ['startDiscussion', 'recordMinutes', 'postStatement', 'reportStatement'],
      ],
      [
        'demo-matter-topic',
        ['startDiscussion', 'recordMinutes', 'postStatement', 'reportStatement'],
      ],
    ])
  })

  it('a past day shows what its minutes say', async () => {
    const s = await sheet(MODERATOR, '2026-11-14')
    expect(s.items.map((i) => [i.id, i.status, i.minutes])).toEqual([
      [
        'demo-matter-discussing',
        'discussing',
        '第一次商量停车位：先登记全村有车的户，下个说事日定分配办法，再表决。',
      ],
      ['demo-matter-handling', 'handling', '吴建华报告减速带的进展：已经选好了样式，月底前装好。'],
    ])
  })

  it('a committee member may look too (with their own buttons)', async () => {
    const s = await sheet(COMMITTEE)
    expect(s.items.map((i) => i.id)).toEqual(['demo-matter-accepted', 'demo-matter-topic'])
    expect(s.items[0]?.can).toContain('moveAgendaItem')
  })

  it('refuses residents (FORBIDDEN) and those not verified (UNAUTHENTICATED); another village reads its own empty day', async () => {
    for (const [openid, code] of [
      ['dev-openid-resident-1', 'FORBIDDEN'],
      ['dev-openid-rep', 'FORBIDDEN'],
      [CAST.pending.openid, 'UNAUTHENTICATED'],
      [STRANGER, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await backend.call(openid, 'matters', 'getRunSheet', {})
      expect({ openid, code: res.ok ? 'ok' : res.error.code }).toEqual({ openid, code })
    }
    const other = await sheet(CAST.otherCommittee.openid, '2026-11-24')
    expect(other.items).toEqual([])
    const bad = await backend.call(MODERATOR, 'matters', 'getRunSheet', { talkDay: '2026-13-01' })
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT')
  })
})

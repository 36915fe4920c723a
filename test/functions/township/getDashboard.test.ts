/**
 * 看板 (getDashboard) through the emulator: village A (东镇) and village B (西街道) of 示范区, with
 * October's rollups written here as October's acts would have left them, old clocks that ran out
 * unanswered (matters and a whistle, counted at read time), and November's acts done through the
 * functions (raise, accept, decline, rate, a ledger entry confirmed and completed) so their counts
 * come from the real transactions. Every expected figure is counted by hand in the comments. Then:
 * November recounted from the stored records by `rollupFrom` equals what the dashboard shows; at
 * most 5 database requests per call; and the refusals, each with the whole database unchanged.
 *
 * Now is 2026-11-21 09:00 in Shanghai (TEST_NOW); villages answer within 3 days.
 */
import type { DashboardMonth, DashboardView } from '../../../types/api/township'
import type { Matter, Rating } from '../../../types/model/matter'
import type { LedgerEntry, Whistle } from '../../../types/model/township'
import type { StoredRollup } from '../../../types/model/dashboard'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { emptyRollup, rollupFrom, type Rollup } from '../../../domain/dashboard/metrics'
import { monthFigures } from '../../../domain/dashboard/rollups'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import {
  CAST,
  insert,
  seedCast,
  storedMatter,
  STRANGER,
  VILLAGE_A,
  VILLAGE_B,
} from '../support/fixtures'
import { claimedPair, seedLists } from '../support/listFixtures'
import { snapshot } from '../support/snapshot'
import {
  DEPT_WATER,
  DISTRICT,
  seedDistrict,
  STAFF,
  TOWNSHIP_A,
  TOWNSHIP_B,
} from '../support/townshipFixtures'

let backend: Backend
const at = (local: string) => new Date(`${local}+08:00`)

function rollup(villageId: string, month: string, over: Partial<Rollup>): StoredRollup {
  return {
    ...emptyRollup(villageId, month),
    ...over,
    _id: `${villageId}_${month}_0`,
    villageId,
    updatedAt: at('2026-10-31T23:00:00'),
  }
}

function whistle(id: string, dueAt: Date, over: Partial<Whistle> = {}): Whistle {
  return {
    _id: id,
    districtId: DISTRICT,
    townshipId: TOWNSHIP_A,
    villageId: VILLAGE_A,
    matterId: 'm-rate',
    departmentId: DEPT_WATER,
    tier: 'utilities',
    responseHours: 24,
    status: 'raised',
    raisedAt: new Date(dueAt.getTime() - 24 * 3600e3),
    dueAt,
    steps: [],
    createdAt: dueAt,
    updatedAt: dueAt,
    ...over,
  }
}

async function call(openid: string | undefined, payload: Record<string, unknown>) {
  return backend.call(openid, 'township', 'getDashboard', payload)
}

async function dashboard(openid: string, payload: Record<string, unknown>): Promise<DashboardView> {
  const res = await call(openid, payload)
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.data as DashboardView
}

/** What the page shows of a month, in one line per figure, for hand-written expectations. */
function brief(m: DashboardMonth) {
  const r = (x: { numerator: number; denominator: number; text: string }) =>
    `${x.numerator}/${x.denominator} ${x.text}`
  return {
    month: m.month,
    raised: m.raised,
    response: r(m.responseRate),
    resolution: r(m.resolutionRate),
    satisfaction: r(m.satisfactionRate),
    overdue: m.overdueByDepartment.map((d) => `${d.departmentId} ${d.name} ${d.count}`),
    matches: `${m.matchesMade} made, ${m.matchesCompleted} completed`,
  }
}

function ok<T>(res: { ok: boolean; data?: T; error?: { code: string; message: string } }): T {
  if (!res.ok) throw new Error(`${res.error?.code}: ${res.error?.message}`)
  return res.data as T
}

const com = CAST.committee.openid

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  await seedDistrict(backend)
  insert(backend, COLLECTION.rollups, [
    // October, village A: 4 raised, 4 clocks answered of which 3 in time, 3 accepted of which 2
    // resolved, ratings 4 and 2, one whistle of 区水务局 answered late, one ledger entry made.
    rollup(VILLAGE_A, '2026-10', {
      raised: 4,
      due: 4,
      answeredInTime: 3,
      accepted: 3,
      resolved: 2,
      ratings: 2,
      satisfied: 1,
      whistlesDue: 1,
      whistlesAnsweredInTime: 0,
      overdueByDepartment: { [DEPT_WATER]: 1 },
      matchesMade: 1,
    }),
    // October, village B: 2 raised, both answered in time, 1 accepted and resolved, one ledger
    // entry completed; November: 1 raised (m-b-late below).
    rollup(VILLAGE_B, '2026-10', {
      raised: 2,
      due: 2,
      answeredInTime: 2,
      accepted: 1,
      resolved: 1,
      matchesCompleted: 1,
    }),
    rollup(VILLAGE_B, '2026-11', { raised: 1 }),
    // November 2025: thirteen months back, outside November 2026's twelve, inside October's.
    rollup(VILLAGE_A, '2025-11', { raised: 9 }),
  ])
  insert(backend, COLLECTION.matters, [
    // A: raised 28 October, due 31 October, never answered: October, late (read time).
    storedMatter('m-oct-late', {
      raisedAt: at('2026-10-28T10:00:00'),
      respondBy: at('2026-10-31T10:00:00'),
      statusAt: { raised: at('2026-10-28T10:00:00') },
    }),
    // A: resolved on 18 November, accepted in October (in October's rollup), open for rating.
    storedMatter('m-rate', {
      status: 'resolved',
      raisedAt: at('2026-10-02T10:00:00'),
      respondBy: at('2026-10-05T10:00:00'),
      statusAt: {
        raised: at('2026-10-02T10:00:00'),
        accepted: at('2026-10-04T10:00:00'),
        resolved: at('2026-11-18T10:00:00'),
      },
      category: 'roadsUtilities',
      ratingEndsAt: at('2026-11-28T10:00:00'),
    }),
    // B: raised 15 November, due 18 November, never answered: November, late (read time).
    storedMatter('m-b-late', {
      villageId: VILLAGE_B,
      raisedBy: CAST.otherCommittee._id,
      raisedAt: at('2026-11-15T10:00:00'),
      respondBy: at('2026-11-18T10:00:00'),
      statusAt: { raised: at('2026-11-15T10:00:00') },
    }),
  ])
  insert(backend, COLLECTION.whistles, [
    // 区水务局 never answered, due 20 November: November, overdue (read time).
    whistle('w-late', at('2026-11-20T10:00:00')),
    // still running (due 22 November): not counted yet.
    whistle('w-running', at('2026-11-22T10:00:00')),
    // October's late answer (counted in October's stored rollup above): resolved, so only its
    // department's name is read from it.
    whistle('w-october', at('2026-10-10T10:00:00'), {
      status: 'resolved',
      acknowledgedAt: at('2026-10-11T10:00:00'),
      resolvedAt: at('2026-10-12T10:00:00'),
    }),
  ])
  const pair = claimedPair('n-dash', 's-dash', 'provider', STAFF.townshipA._id)
  seedLists(backend, { needs: [pair.need], services: [pair.service] })

  // November's acts, through the functions.
  const raise = async (title: string) =>
    ok<{ matterId: string }>(
      await backend.call(CAST.resident.openid, 'matters', 'raiseMatter', {
        title,
        body: '内容',
        photos: [],
      }),
    ).matterId
  const x1 = await raise('路灯坏了')
  const x2 = await raise('垃圾桶不够')
  await raise('水渠堵了') // x3: stays raised, its clock running until 24 November
  ok(
    await backend.call(com, 'matters', 'acceptMatter', {
      matterId: x1,
      urgent: true,
      category: 'roadsUtilities',
    }),
  )
  ok(await backend.call(com, 'matters', 'declineMatter', { matterId: x2, reason: '已有人在办' }))
  ok(
    await backend.call(CAST.resident.openid, 'matters', 'rateMatter', {
      matterId: 'm-rate',
      score: 5,
    }),
  )
  ok(
    await backend.call(CAST.resident2.openid, 'matters', 'rateMatter', {
      matterId: 'm-rate',
      score: 3,
    }),
  )
  const entry = ok<{ id: string }>(
    await backend.call(com, 'township', 'confirmClaim', { needId: 'n-dash' }),
  )
  ok(
    await backend.call(STAFF.townshipA.openid as string, 'township', 'completeLedgerEntry', {
      entryId: entry.id,
    }),
  )
})
afterAll(() => backend.close())

// Village A, November: raised x1, x2, x3 = 3; 响应率: x1 accepted and x2 declined within their
// clock (2 of 2 matters; x3 still running) + w-late unanswered (0 of 1) = 2/3; 解决率: x1 accepted,
// not resolved = 0/1; 满意率: 5 and 3 = 1/2; overdue 区水务局 1; 1 entry made and completed.
const A_NOVEMBER = {
  month: '2026-11',
  raised: 3,
  response: '2/3 66.7%',
  resolution: '0/1 0.0%',
  satisfaction: '1/2 50.0%',
  overdue: [`${DEPT_WATER} 区水务局 1`],
  matches: '1 made, 1 completed',
}
// Village A, October: the rollup, plus m-oct-late ran out = matters 3 of 5, whistles 0 of 1 → 3/6.
const A_OCTOBER = {
  month: '2026-10',
  raised: 4,
  response: '3/6 50.0%',
  resolution: '2/3 66.7%',
  satisfaction: '1/2 50.0%',
  overdue: [`${DEPT_WATER} 区水务局 1`],
  matches: '1 made, 0 completed',
}
// Village B: November 1 raised, m-b-late ran out (0/1); October from its rollup.
const B_NOVEMBER = {
  month: '2026-11',
  raised: 1,
  response: '0/1 0.0%',
  resolution: '0/0 —',
  satisfaction: '0/0 —',
  overdue: [],
  matches: '0 made, 0 completed',
}
const B_OCTOBER = {
  month: '2026-10',
  raised: 2,
  response: '2/2 100.0%',
  resolution: '1/1 100.0%',
  satisfaction: '0/0 —',
  overdue: [],
  matches: '0 made, 1 completed',
}
const EMPTY = (month: string) => ({
  month,
  raised: 0,
  response: '0/0 —',
  resolution: '0/0 —',
  satisfaction: '0/0 —',
  overdue: [],
  matches: '0 made, 0 completed',
})

describe('getDashboard: the figures, counted by hand', () => {
  it('the village’s committee sees its village: November and the twelve months to it', async () => {
    const d = await dashboard(com, { unit: 'village' })
    expect(d.unit).toBe('village')
    expect(d.unitId).toBe(VILLAGE_A)
    expect(d.villages).toBe(1)
    expect(brief(d.current)).toEqual(A_NOVEMBER)
    expect(d.series.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ])
    expect(d.series.slice(0, 10).map(brief)).toEqual(
      d.series.slice(0, 10).map((m) => EMPTY(m.month)),
    )
    expect(brief(d.series[10] as DashboardMonth)).toEqual(A_OCTOBER)
    expect(d.definitions.responseRate.label).toBe('响应率')
    expect(d.definitions.satisfactionRate.definition).toContain('4 分或 5 分')
  })

  it('another village’s committee sees only its own', async () => {
    const d = await dashboard(CAST.otherCommittee.openid, { unit: 'village' })
    expect(d.unitId).toBe(VILLAGE_B)
    expect(brief(d.current)).toEqual(B_NOVEMBER)
    expect(brief(d.series[10] as DashboardMonth)).toEqual(B_OCTOBER)
  })

  it('a month asked for: October, its twelve months reach back to November 2025', async () => {
    const d = await dashboard(com, { unit: 'village', month: '2026-10' })
    expect(brief(d.current)).toEqual(A_OCTOBER)
    expect(d.series[0]?.month).toBe('2025-11')
    expect(d.series[0]?.raised).toBe(9)
  })

  it('东镇’s staff see 东镇 (village A), 西街道’s see 西街道 (village B)', async () => {
    const east = await dashboard(STAFF.townshipA.openid as string, { unit: 'township' })
    expect([east.unitId, east.villages]).toEqual([TOWNSHIP_A, 1])
    expect(brief(east.current)).toEqual(A_NOVEMBER)
    const west = await dashboard(STAFF.townshipB.openid as string, { unit: 'township' })
    expect([west.unitId, west.villages]).toEqual([TOWNSHIP_B, 1])
    expect(brief(west.current)).toEqual(B_NOVEMBER)
    expect(brief(west.series[10] as DashboardMonth)).toEqual(B_OCTOBER)
  })

  it('the district’s staff see both villages summed (never averaged)', async () => {
    const d = await dashboard(STAFF.districtAdmin.openid as string, { unit: 'district' })
    expect([d.unitId, d.villages]).toEqual([DISTRICT, 2])
    // November: 响应率 (2 + 0) / (3 + 1) = 2/4; October: (3 + 2) / (6 + 2) = 5/8, 解决率 3/4.
    expect(brief(d.current)).toEqual({
      month: '2026-11',
      raised: 4,
      response: '2/4 50.0%',
      resolution: '0/1 0.0%',
      satisfaction: '1/2 50.0%',
      overdue: [`${DEPT_WATER} 区水务局 1`],
      matches: '1 made, 1 completed',
    })
    expect(brief(d.series[10] as DashboardMonth)).toEqual({
      month: '2026-10',
      raised: 6,
      response: '5/8 62.5%',
      resolution: '3/4 75.0%',
      satisfaction: '1/2 50.0%',
      overdue: [`${DEPT_WATER} 区水务局 1`],
      matches: '1 made, 1 completed',
    })
  })

  it('November as written by the acts’ transactions equals a full recount of the records', async () => {
    const matters = (await backend.all(COLLECTION.matters)) as unknown as Matter[]
    const ratings = (await backend.all(COLLECTION.ratings)) as unknown as Rating[]
    const whistles = (await backend.all(COLLECTION.whistles)) as unknown as Whistle[]
    const ledger = (await backend.all(COLLECTION.ledger)) as unknown as LedgerEntry[]
    const ofA = <T extends { villageId: string }>(xs: T[]) =>
      xs.filter((x) => x.villageId === VILLAGE_A)
    const recount = rollupFrom({
      unitId: VILLAGE_A,
      month: '2026-11',
      now: TEST_NOW,
      matters: ofA(matters),
      ratings: ofA(ratings),
      whistles: ofA(whistles),
      ledger: ofA(ledger),
    })
    // the acts' shards of village A's November (the records' ids choose them)
    const stored = (await backend.all(COLLECTION.rollups)).filter(
      (r) => r.villageId === VILLAGE_A && r.month === '2026-11',
    ) as unknown as StoredRollup[]
    expect(stored.length).toBeGreaterThan(0)
    const ranOut = { matters: 0, whistlesByDepartment: { [DEPT_WATER]: 1 } }
    expect(monthFigures(VILLAGE_A, '2026-11', stored, ranOut)).toEqual(recount)
    const d = await dashboard(com, { unit: 'village' })
    expect(d.current.raised).toBe(recount.raised)
    expect(d.current.responseRate.denominator).toBe(recount.due + recount.whistlesDue)
  })

  it.each([
    ['village', com],
    ['township', STAFF.townshipA.openid as string],
    ['district', STAFF.districtAdmin.openid as string],
  ])('the %s dashboard costs at most 5 database requests', async (unit, openid) => {
    backend.emulator.counters.reset()
    await dashboard(openid, { unit })
    const database = backend.emulator.counters.snapshot().database
    const requests = Object.values(database).reduce(
      (n, byAction) => n + Object.values(byAction).reduce((a, b) => a + b, 0),
      0,
    )
    expect(requests).toBeGreaterThan(0)
    expect(requests).toBeLessThanOrEqual(5)
  })
})

describe('getDashboard: refusals, nothing written', () => {
  it.each([
    ['a stranger', STRANGER, { unit: 'village' }, 'UNAUTHENTICATED', '您还不是本村的认证村民'],
    ['anonymous', undefined, { unit: 'district' }, 'UNAUTHENTICATED', '请先登录微信。'],
    [
      'a resident, the village’s',
      CAST.resident.openid,
      { unit: 'village' },
      'FORBIDDEN',
      '您没有权限',
    ],
    [
      'a resident, the district’s',
      CAST.resident.openid,
      { unit: 'district' },
      'FORBIDDEN',
      '不是这个单位的工作人员',
    ],
    [
      'the committee, the township’s',
      com,
      { unit: 'township' },
      'FORBIDDEN',
      '不是这个单位的工作人员',
    ],
    [
      '西街道’s staff naming 东镇',
      STAFF.townshipB.openid,
      { unit: 'township', townshipId: TOWNSHIP_A },
      'FORBIDDEN',
      '不是这个单位的工作人员',
    ],
    [
      '东镇’s staff, the district’s',
      STAFF.townshipA.openid,
      { unit: 'district' },
      'FORBIDDEN',
      '不是这个单位的工作人员',
    ],
    [
      'a department’s staff, a township’s',
      STAFF.stationA.openid,
      { unit: 'township' },
      'FORBIDDEN',
      '不是这个单位的工作人员',
    ],
    [
      'a removed staff record',
      STAFF.removed.openid,
      { unit: 'township' },
      'FORBIDDEN',
      '不是这个单位的工作人员',
    ],
    [
      'a month not yet come',
      com,
      { unit: 'village', month: '2026-12' },
      'INVALID_INPUT',
      '这个月还没到',
    ],
    ['no unit', com, {}, 'INVALID_INPUT', '请选择看哪一级的看板'],
  ])('%s', async (_who, openid, payload, code, message) => {
    const before = await snapshot(backend)
    const res = await call(openid, payload)
    expect(res).toEqual({ ok: false, error: { code, message: expect.stringContaining(message) } })
    expect(await snapshot(backend)).toEqual(before)
  })
})

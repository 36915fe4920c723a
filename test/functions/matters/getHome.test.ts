/**
 * 首页 in one call (matters.getHome): a caller who is not a verified member sees only their own
 * membership (whatever its status) after one read of it; a verified member sees their village,
 * the next 说事日 (today while it lasts, in Shanghai) with its agenda in order, the urgent matters
 * being handled (newest first, at most 10) and their own latest five. Expected lists by hand.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { AgendaSlot, Matter } from '../../../types/model/matter'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import {
  CAST,
  insert,
  member,
  seedCast,
  storedMatter,
  STRANGER,
  VILLAGE_A,
  VILLAGE_B,
} from '../support/fixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend

const DAY = 86400e3
const at = (n: number) => new Date(Date.UTC(2026, 2, 1) + n * DAY)

const DECLINED = member('home-dec', VILLAGE_A, ['resident'], {
  status: 'declined',
  declineReason: '不是本村户籍',
  reviewedAt: new Date('2026-01-03T00:00:00Z'),
})
const LEFT = member('home-left', VILLAGE_A, ['resident'], { status: 'left' })

function slot(date: string, n: number, matterId: string, position: number): AgendaSlot {
  return {
    _id: `${VILLAGE_A}_${date}_${n}`,
    villageId: VILLAGE_A,
    date,
    slot: n,
    matterId,
    position,
    placedAt: TEST_NOW,
  }
}

const urgent = (id: string, status: Matter['status'], day: number, over: Partial<Matter> = {}) =>
  storedMatter(id, {
    status,
    urgent: true,
    raisedBy: CAST.committee._id,
    raisedByName: CAST.committee.name,
    raisedAt: at(day),
    ...over,
  })

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.members, [DECLINED, LEFT])
  const matters: Matter[] = [
    // the agenda of 2026-11-24 (positions 2, 1, 3) and of 2026-12-04
    storedMatter('ag-a', {
      status: 'accepted',
      talkDay: '2026-11-24',
      raisedBy: 'x',
      raisedAt: at(0),
    }),
    storedMatter('ag-b', {
      status: 'accepted',
      talkDay: '2026-11-24',
      raisedBy: 'x',
      raisedAt: at(0),
    }),
    storedMatter('ag-c', {
      status: 'discussing',
      talkDay: '2026-11-24',
      raisedBy: 'x',
      raisedAt: at(0),
    }),
    storedMatter('ag-d', {
      status: 'accepted',
      talkDay: '2026-12-04',
      raisedBy: 'x',
      raisedAt: at(0),
    }),
    // urgent: twelve in hand (days 10 … 21), and some that are not
    ...(['accepted', 'discussing', 'deciding', 'decided', 'handling'] as const).flatMap((s, i) => [
      urgent(`u-${s}-1`, s, 10 + 2 * i),
      urgent(`u-${s}-2`, s, 11 + 2 * i),
    ]),
    urgent('u-handling-3', 'handling', 20),
    urgent('u-handling-4', 'handling', 21),
    urgent('u-raised', 'raised', 30),
    urgent('u-resolved', 'resolved', 30),
    urgent('u-closed', 'closed', 30),
    urgent('u-other-village', 'handling', 30, { villageId: VILLAGE_B }),
    storedMatter('not-urgent', { status: 'handling', raisedBy: 'x', raisedAt: at(30) }),
    // the resident's own: seven, raised on days 40 … 46
    ...Array.from({ length: 7 }, (_, i) =>
      storedMatter(`mine-${i + 1}`, {
        raisedAt: at(40 + i),
        status: i === 0 ? 'declined' : 'raised',
        ...(i === 0 ? { declineReason: '不归村里管' } : {}),
      }),
    ),
  ]
  insert(backend, COLLECTION.matters, matters)
  insert(backend, COLLECTION.agendaSlots, [
    slot('2026-11-24', 1, 'ag-a', 2),
    slot('2026-11-24', 2, 'ag-b', 1),
    slot('2026-11-24', 3, 'ag-c', 3),
    slot('2026-12-04', 1, 'ag-d', 1),
    // another village's agenda on the same day
    {
      ...slot('2026-11-24', 1, 'u-other-village', 1),
      _id: `${VILLAGE_B}_2026-11-24_1`,
      villageId: VILLAGE_B,
    },
  ])
})
afterAll(() => backend.close())
afterEach(() => backend.emulator.clock.set(TEST_NOW))

const NOBODY = { village: null, nextTalkDay: null, urgent: [], mine: [] }
const ids = (items: Array<{ id: string }>) => items.map((m) => m.id)

describe('a caller who is not a verified member', () => {
  it.each([
    ['a stranger', STRANGER],
    ['an anonymous caller', undefined],
  ])('%s: no membership, nothing else', async (_who, openid) => {
    const before = await snapshot(backend)
    backend.emulator.counters.reset()
    const res = await backend.call(openid, 'matters', 'getHome', {})
    expect(res).toEqual({ ok: true, data: { member: null, ...NOBODY } })
    expect(backend.emulator.counters.total()).toBeLessThanOrEqual(1)
    expect(await snapshot(backend)).toEqual(before)
  })

  it.each([
    ['pending', CAST.pending, {}],
    [
      'declined',
      DECLINED,
      { declineReason: '不是本村户籍', reviewedAt: '2026-01-03T00:00:00.000Z' },
    ],
    ['left', LEFT, {}],
  ] as const)(
    'a %s member sees their own request state after one read',
    async (status, m, extra) => {
      backend.emulator.counters.reset()
      const res = await backend.call(m.openid, 'matters', 'getHome', {})
      expect(res).toEqual({
        ok: true,
        data: {
          member: {
            id: m._id,
            villageId: VILLAGE_A,
            name: m.name,
            householdNo: '001',
            roles: ['resident'],
            status,
            requestedAt: '2026-01-02T00:00:00.000Z',
            ...extra,
          },
          ...NOBODY,
        },
      })
      expect(backend.emulator.counters.snapshot().database).toEqual({ members: { getDocument: 1 } })
    },
  )
})

describe('a verified member', () => {
  it('sees the village, the next talk day’s agenda in order, urgent matters in hand and their own', async () => {
    const before = await snapshot(backend)
    const res = await backend.call(CAST.resident.openid, 'matters', 'getHome', {})
    if (!res.ok) throw new Error(JSON.stringify(res))
    const home = res.data
    expect(home.member).toMatchObject({ id: CAST.resident._id, status: 'verified' })
    expect(home.village).toEqual({
      id: VILLAGE_A,
      name: '示范村',
      talkDays: [4, 14, 24],
      responseDeadlineDays: 3,
    })
    // Saturday 21 November: the next talk day is Tuesday the 24th
    expect(home.nextTalkDay?.date).toBe('2026-11-24')
    expect(ids(home.nextTalkDay?.items ?? [])).toEqual(['ag-b', 'ag-a', 'ag-c'])
    expect(ids(home.urgent)).toEqual([
      'u-handling-4',
      'u-handling-3',
      'u-handling-2',
      'u-handling-1',
      'u-decided-2',
      'u-decided-1',
      'u-deciding-2',
      'u-deciding-1',
      'u-discussing-2',
      'u-discussing-1',
    ])
    expect(ids(home.mine)).toEqual(['mine-7', 'mine-6', 'mine-5', 'mine-4', 'mine-3'])
    expect(home.mine[0]).toEqual({
      id: 'mine-7',
      title: '事项mine-7',
      status: 'raised',
      origin: 'resident',
      urgent: false,
      raisedByName: CAST.resident.name,
      raisedAt: '2026-04-16T00:00:00.000Z',
      overdue: true,
      photoCount: 0,
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('my matters carry a decline reason (the summary builder fills it in)', async () => {
    const res = await backend.call(CAST.resident.openid, 'matters', 'getHome', {})
    // mine-1 is the oldest of seven: not on 首页, so ask the list for it
    const list = await backend.call(CAST.resident.openid, 'matters', 'listMatters', {
      mine: true,
      status: 'declined',
    })
    expect(res.ok).toBe(true)
    expect(list.ok && list.data.items).toEqual([
      expect.objectContaining({ id: 'mine-1', declineReason: '不归村里管' }),
    ])
  })

  it('on a talk day, that day counts until it ends (Shanghai)', async () => {
    backend.emulator.clock.set(new Date('2026-11-24T23:59:00+08:00'))
    const late = await backend.call(CAST.resident.openid, 'matters', 'getHome', {})
    expect(late.ok && late.data.nextTalkDay?.date).toBe('2026-11-24')
    expect(late.ok && ids(late.data.nextTalkDay?.items ?? [])).toEqual(['ag-b', 'ag-a', 'ag-c'])
    // 16:01 UTC on the 24th is already the 25th in Shanghai
    backend.emulator.clock.set(new Date('2026-11-24T16:01:00Z'))
    const next = await backend.call(CAST.resident.openid, 'matters', 'getHome', {})
    expect(next.ok && next.data.nextTalkDay).toEqual({
      date: '2026-12-04',
      items: [expect.objectContaining({ id: 'ag-d' })],
    })
  })

  it('another village’s member sees their own village only', async () => {
    const res = await backend.call(CAST.otherCommittee.openid, 'matters', 'getHome', {})
    expect(res.ok && res.data.village?.id).toBe(VILLAGE_B)
    expect(res.ok && ids(res.data.nextTalkDay?.items ?? [])).toEqual(['u-other-village'])
    expect(res.ok && ids(res.data.urgent)).toEqual(['u-other-village'])
    expect(res.ok && res.data.mine).toEqual([])
  })
})

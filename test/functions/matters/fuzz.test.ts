/**
 * Random and hostile payloads to every `matters` action, through the emulator, on matters that
 * exist in every status (and one of another village): the answer is always an envelope, a refusal
 * names a known code in plain Chinese (never INTERNAL) and writes nothing, an accepted call writes
 * only in the caller's village. Then each kind of hostile input once, with the answer it must get.
 */
import * as fc from 'fast-check'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import type { ActionName } from '../../../types/api'
import type { MatterStatus } from '../../../types/model/matter'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import {
  CAST,
  insert,
  member,
  seedCast,
  storedMatter,
  VILLAGE_A,
  VILLAGE_B,
} from '../support/fixtures'
import { fieldsOf, fuzzPayloads, HOSTILE_VALUES, someId, withOwnKeys } from '../support/fuzz'
import { snapshot } from '../support/snapshot'

type MattersAction = ActionName<'matters'>
const ACTIONS = Object.keys(MATTER_SCHEMAS) as MattersAction[]

/** The fixed clock (Saturday 21 November 2026, 09:00 in Shanghai): next talk days the 24th, 4 December. */
const NOW = TEST_NOW
const D1 = '2026-11-24'
const D2 = '2026-12-04'
const DAY = 86400e3

const handling = {
  handlerId: CAST.resident2._id,
  handlerName: CAST.resident2.name,
  deadline: '2099-12-31',
  assignedAt: new Date(NOW.getTime() - 2 * DAY),
  reports: [],
}

const MEMBER_B = member('res-b', VILLAGE_B, ['resident'])

/** One stored matter per status the actions start from, and one of village B. */
const MATTERS = [
  storedMatter('f-raised-1'),
  storedMatter('f-raised-2'),
  storedMatter('f-accepted', { status: 'accepted', talkDay: D1 }),
  storedMatter('f-urgent', { status: 'accepted', urgent: true }),
  storedMatter('f-discussing', { status: 'discussing', talkDay: D1 }),
  storedMatter('f-decided', { status: 'decided' }),
  storedMatter('f-handling', { status: 'handling', handling }),
  storedMatter('f-resolved', {
    status: 'resolved',
    handling,
    ratingEndsAt: new Date(NOW.getTime() + DAY),
  }),
  storedMatter('f-rated', {
    status: 'resolved',
    handling,
    ratingEndsAt: new Date(NOW.getTime() - DAY),
  }),
  storedMatter('f-b', { villageId: VILLAGE_B, status: 'accepted' }),
]
const IDS = MATTERS.map((m) => m._id)

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.members, [MEMBER_B])
  insert(backend, COLLECTION.matters, MATTERS)
  // The hostile cases' own matters, which the fuzz never names (so the order does not matter).
  insert(backend, COLLECTION.matters, [
    storedMatter('h-raised'),
    storedMatter('h-resolved', {
      status: 'resolved',
      handling,
      ratingEndsAt: new Date(NOW.getTime() + DAY),
    }),
  ])
  // D1's agenda as its slots `<villageId>_<date>_<n>`.
  insert(backend, COLLECTION.agendaSlots, [
    {
      _id: `${VILLAGE_A}_${D1}_1`,
      villageId: VILLAGE_A,
      date: D1,
      slot: 1,
      matterId: 'f-accepted',
      position: 1,
      placedAt: NOW,
    },
    {
      _id: `${VILLAGE_A}_${D1}_2`,
      villageId: VILLAGE_A,
      date: D1,
      slot: 2,
      matterId: 'f-discussing',
      position: 2,
      placedAt: NOW,
    },
  ])
})
afterAll(() => backend.close())

/** Who calls: the role each action needs in village A, so the fuzz gets past the permissions. */
function callerFor(action: MattersAction): string {
  switch (action) {
    case 'withdrawMatter':
    case 'rateMatter':
      return CAST.resident.openid
    case 'closeMatter':
    case 'recordMinutes':
    case 'startDiscussion':
      return CAST.moderator.openid
    default:
      return CAST.committee.openid
  }
}

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom(
    '路灯坏了',
    '\u200b\u200b',
    '路\u0000灯',
    '\u202e反了',
    `路${'\u0336'.repeat(50)}`,
  ),
)

describe('matters payload fuzz', () => {
  it('an envelope, a known refusal in Chinese, no write on refusal, writes only in the caller’s village', async () => {
    const tally = await fuzzPayloads(backend, {
      fn: 'matters',
      actions: ACTIONS,
      caller: callerFor,
      fields: fieldsOf(MATTER_SCHEMAS),
      wellFormed: {
        matterId: someId(IDS),
        intoId: someId(IDS),
        handlerId: someId([CAST.resident2._id, CAST.pending._id, MEMBER_B._id]),
        talkDay: fc.constantFrom(D1, D2, '2026-11-21', '2026-11-25'),
        deadline: fc.constantFrom('2099-12-31', '2026-11-20'),
        title: text,
        body: text,
        reason: text,
        decision: text,
        text,
        outcome: text,
        comment: text,
        score: fc.integer({ min: 0, max: 6 }),
        urgent: fc.boolean(),
        matterIds: fc.array(someId(IDS), { maxLength: 3 }),
        status: fc.constantFrom<MatterStatus>('raised', 'accepted', 'handling'),
        limit: fc.integer({ min: 1, max: 50 }),
      },
      mayWrite: ACTIONS.filter((a) => a !== 'getMatter' && a !== 'listMatters'),
      village: VILLAGE_A,
      numRuns: 200,
      seed: 20261121,
    })
    expect(Object.keys(tally).sort()).toEqual([...ACTIONS].sort())
    // The fuzz reached real transitions on stored matters, not only refusals at the door.
    const accepted = ACTIONS.filter(
      (a) => (tally[a]?.ok ?? 0) > 0 && a !== 'getMatter' && a !== 'listMatters',
    )
    expect({ accepted: accepted.length >= 4, tally }).toEqual({ accepted: true, tally })
    const codes = new Set(Object.values(tally).flatMap((counts) => Object.keys(counts)))
    for (const code of ['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT']) expect(codes).toContain(code)
  })
})

describe('each kind of hostile input gets its answer, and writes nothing', () => {
  const call = (action: string, payload: unknown) =>
    backend.call(CAST.committee.openid, 'matters', action as 'getMatter', payload as never)

  it.each([
    ['an operator as an id', 'getMatter', { matterId: { $ne: null } }, 'INVALID_INPUT'],
    [
      'an operator as an id (greater than nothing)',
      'getMatter',
      { matterId: { $gt: '' } },
      'INVALID_INPUT',
    ],
    [
      'an operator as a merge target',
      'mergeMatter',
      { matterId: 'h-raised', intoId: { $ne: 'x' } },
      'INVALID_INPUT',
    ],
    [
      'an operator in a list of ids',
      'reorderAgenda',
      { talkDay: D1, matterIds: [{ $ne: null }] },
      'INVALID_INPUT',
    ],
    [
      'an operator as text',
      'declineMatter',
      { matterId: 'h-raised', reason: { $regex: '.*' } },
      'INVALID_INPUT',
    ],
    ['an operator as a filter', 'listMatters', { status: { $in: ['raised'] } }, 'INVALID_INPUT'],
    ['an operator as a cursor', 'listMatters', { cursor: { $gt: '' } }, 'INVALID_INPUT'],
    [
      'an operator as a score',
      'rateMatter',
      { matterId: 'h-resolved', score: { $gt: 0 } },
      'INVALID_INPUT',
    ],
    ['a dotted id', 'getMatter', { matterId: 'f-raised-1.status' }, 'INVALID_INPUT'],
    ['a $-prefixed id', 'getMatter', { matterId: '$where' }, 'INVALID_INPUT'],
    ['__proto__ as an id', 'getMatter', { matterId: '__proto__' }, 'NOT_FOUND'],
    ['constructor as an id', 'getMatter', { matterId: 'constructor' }, 'NOT_FOUND'],
    [
      'a merge target of another village (one answer for "not there" and "not yours")',
      'mergeMatter',
      { matterId: 'h-raised', intoId: 'f-b' },
      'NOT_FOUND',
    ],
    [
      'prototype as a merge target',
      'mergeMatter',
      { matterId: 'h-raised', intoId: 'prototype' },
      'NOT_FOUND',
    ],
    [
      '__proto__ as the payload’s prototype',
      'getMatter',
      withOwnKeys([['__proto__', { matterId: 'h-raised' }]]),
      'INVALID_INPUT',
    ],
    ['__proto__ as the action', '__proto__', { matterId: 'h-raised' }, 'INVALID_INPUT'],
    ['constructor as the action', 'constructor', {}, 'INVALID_INPUT'],
    ['toString as the action', 'toString', {}, 'INVALID_INPUT'],
  ] as const)('%s (%s)', async (_kind, action, payload, code) => {
    const before = await snapshot(backend)
    const res = await call(action, payload)
    expect(res).toEqual({
      ok: false,
      error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('operators, paths and prototype keys beside a valid payload are dropped, never stored', async () => {
    const payload = withOwnKeys([
      ['title', '水渠堵了'],
      ['body', '内容'],
      ['__proto__', { status: 'closed', villageId: VILLAGE_B }],
      ['constructor', { prototype: { status: 'closed' } }],
      ['$set', { status: 'closed' }],
      ['status.closed', 1],
      ['status', 'closed'],
      ['villageId', VILLAGE_B],
      ['raisedBy', MEMBER_B._id],
      ['a.b', HOSTILE_VALUES[0]],
    ])
    const res = await backend.call(CAST.resident.openid, 'matters', 'raiseMatter', payload as never)
    if (!res.ok) throw new Error(res.error.message)
    const stored = (await backend.all(COLLECTION.matters)).find((m) => m._id === res.data.matterId)
    expect(stored).toMatchObject({
      title: '水渠堵了',
      status: 'raised',
      villageId: VILLAGE_A,
      raisedBy: CAST.resident._id,
    })
    for (const key of ['$set', 'status.closed', 'constructor', 'a.b', 'polluted']) {
      expect(Object.prototype.hasOwnProperty.call(stored, key)).toBe(false)
    }
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype)
  })
})

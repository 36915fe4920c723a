/**
 * Every township action × every kind of caller: one member per role of village A (in 东镇), a
 * pending applicant, village B's committee (in 西街道), one staff member per kind of unit (the
 * district's admin, 东镇's and 西街道's staff, a district department's, a station of 东镇's), a
 * removed staff record, and a stranger. The expected outcome of each cell is written out here by
 * hand, not derived from the code; a refused cell leaves the whole database as it was, an allowed
 * one that changes state does write.
 *
 * The two withdrawals have more than one half (whose claim, named from which end; a need or a
 * service), so their other halves get rows of their own (OTHER_HALVES).
 *
 * The rules the table follows: nobody known here (no verified membership, no active staff record)
 * → UNAUTHENTICATED; an entry of another village's or township's → NOT_FOUND (what a made-up id
 * answers); seen but not one's to act on → FORBIDDEN.
 */
import { createHash } from 'node:crypto'
import type { TownshipApi } from '../../../types/api/township'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, STRANGER } from '../support/fixtures'
import {
  claimedPair,
  seedLists,
  storedEntry,
  storedNeed,
  storedService,
} from '../support/listFixtures'
import { snapshot } from '../support/snapshot'
import { DISTRICT, seedDistrict, staff, STAFF, TOWNSHIP_A } from '../support/townshipFixtures'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  await seedDistrict(backend)
})
afterAll(() => backend.close())

type Caller = keyof typeof CAST | keyof typeof STAFF | 'stranger'
const CALLERS: Caller[] = [
  ...(Object.keys(CAST) as Array<keyof typeof CAST>),
  ...(Object.keys(STAFF) as Array<keyof typeof STAFF>),
  'stranger',
]
const openidOf = (c: Caller): string =>
  c === 'stranger'
    ? STRANGER
    : c in CAST
      ? CAST[c as keyof typeof CAST].openid
      : (STAFF[c as keyof typeof STAFF].openid as string)

type Action = keyof TownshipApi
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT'

/** Village A's verified members other than its committee. */
const A_OTHERS = ['resident', 'resident2', 'representative', 'moderator', 'legalOfficer'] as const
/** Nobody known here: no verified membership, no active staff record. */
const UNKNOWN = ['pending', 'removed', 'stranger'] as const
/** Staff of a unit that is not a township's. */
const NOT_TOWNSHIP = ['districtAdmin', 'water', 'stationA'] as const

/** The table: each action's outcome per caller, written out. */
function row(cells: Partial<Record<Caller, Outcome>>, rest: Outcome): Record<Caller, Outcome> {
  return Object.fromEntries(CALLERS.map((c) => [c, cells[c] ?? rest])) as Record<Caller, Outcome>
}
const all = <K extends string>(keys: readonly K[], o: Outcome) =>
  Object.fromEntries(keys.map((k) => [k, o])) as Record<K, Outcome>

/** Reading a list: a township's staff, a village's committee (its own). */
const LIST = row(
  {
    committee: 'ok',
    otherCommittee: 'ok',
    townshipA: 'ok',
    townshipB: 'ok',
    ...all(A_OTHERS, 'FORBIDDEN'),
    ...all(NOT_TOWNSHIP, 'FORBIDDEN'),
  },
  'UNAUTHENTICATED',
)
/** A staff act on one of 东镇's entries of village A: 东镇's staff only. */
const STAFF_ACT = row(
  {
    townshipA: 'ok',
    committee: 'FORBIDDEN',
    ...all(A_OTHERS, 'FORBIDDEN'),
    ...all(UNKNOWN, 'UNAUTHENTICATED'),
  },
  'NOT_FOUND',
)
/** A committee act on village A's entry: its committee only. */
const VILLAGE_ACT = row(
  {
    committee: 'ok',
    townshipA: 'FORBIDDEN',
    ...all(A_OTHERS, 'FORBIDDEN'),
    ...all(UNKNOWN, 'UNAUTHENTICATED'),
  },
  'NOT_FOUND',
)

const EXPECTED: Record<Action, Record<Caller, Outcome>> = {
  // anyone may enter a code; 东镇's staff member already works for the code's unit
  claimStaff: row({ townshipA: 'CONFLICT' }, 'ok'),
  myStaff: row({}, 'ok'),
  raiseNeed: row(
    {
      committee: 'ok',
      otherCommittee: 'ok',
      ...all(A_OTHERS, 'FORBIDDEN'),
      ...all(UNKNOWN, 'UNAUTHENTICATED'),
    },
    'FORBIDDEN',
  ),
  offerService: row(
    { townshipA: 'ok', townshipB: 'ok', ...all(UNKNOWN, 'UNAUTHENTICATED') },
    'FORBIDDEN',
  ),
  listNeeds: LIST,
  listServices: LIST,
  claimNeed: STAFF_ACT,
  claimService: VILLAGE_ACT,
  assignPair: STAFF_ACT,
  // a provider's claim (made by 东镇's staff member): the village answers it, never the claimant
  confirmClaim: VILLAGE_ACT,
  declineClaim: VILLAGE_ACT,
  // the same claim, named by its need, taken back: its provider's staff member only
  withdrawClaim: STAFF_ACT,
  // an open need of village A taken off the list: its committee only, not the township
  withdrawListing: VILLAGE_ACT,
  listLedger: LIST,
  addLedgerProgress: row(
    {
      townshipA: 'ok',
      committee: 'ok',
      ...all(A_OTHERS, 'FORBIDDEN'),
      ...all(UNKNOWN, 'UNAUTHENTICATED'),
    },
    'NOT_FOUND',
  ),
  completeLedgerEntry: STAFF_ACT,
  rateLedgerEntry: VILLAGE_ACT,
  exportLedger: row(
    { townshipA: 'ok', townshipB: 'ok', ...all(UNKNOWN, 'UNAUTHENTICATED') },
    'FORBIDDEN',
  ),
  // the village's dashboard (the payload asks for it): its own committee, every village's
  getDashboard: row(
    { committee: 'ok', otherCommittee: 'ok', ...all(A_OTHERS, 'FORBIDDEN') },
    'UNAUTHENTICATED',
  ),
}

/** Read-only actions: allowed, they write nothing. */
const READS: readonly Action[] = [
  'myStaff',
  'listNeeds',
  'listServices',
  'listLedger',
  'exportLedger',
  'getDashboard',
]

let cell = 0
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
/** A 启用码 of its own per cell (normalised, of the invite alphabet; its hash computed here). */
const codeOf = (n: number) =>
  `PERM${[...String(n).padStart(8, '0')].map((d) => 'ABCDEFGHJK'[Number(d)]).join('')}`

/** Fresh entries for one cell, and the payload that acts on them. */
function arrange(action: Action): Record<string, unknown> {
  cell += 1
  const k = `p${cell}`
  switch (action) {
    case 'claimStaff': {
      const code = codeOf(cell)
      insert(backend, COLLECTION.staff, [
        staff(
          `new-${k}`,
          { kind: 'township', districtId: DISTRICT, townshipId: TOWNSHIP_A },
          {
            openid: undefined,
            founding: { codeHash: sha256(code), issuedAt: new Date('2026-11-20T00:00:00Z') },
          },
        ),
      ])
      return { code }
    }
    case 'myStaff':
    case 'listNeeds':
    case 'listServices':
    case 'listLedger':
      return {}
    case 'exportLedger':
      return { month: '2026-11' }
    case 'getDashboard':
      return { unit: 'village' }
    case 'raiseNeed':
      return {
        category: 'health',
        description: '义诊',
        place: '卫生室',
        when: '下月',
        peopleAffected: 30,
      }
    case 'offerService':
      return {
        providerKind: 'enterprise',
        providerName: '镇医院',
        category: 'health',
        what: '义诊',
        capacity: '50 人',
        area: '全镇',
        time: '周末',
      }
    case 'claimNeed':
    case 'claimService':
    case 'assignPair':
      seedLists(backend, {
        needs: [storedNeed(`n-${k}`)],
        services: [storedService(`s-${k}`)],
      })
      return { needId: `n-${k}`, serviceId: `s-${k}` }
    case 'confirmClaim':
    case 'declineClaim': {
      const { need, service } = claimedPair(`n-${k}`, `s-${k}`, 'provider', STAFF.townshipA._id)
      seedLists(backend, { needs: [need], services: [service] })
      return action === 'confirmClaim'
        ? { needId: need._id }
        : { needId: need._id, reason: '不需要了' }
    }
    case 'withdrawClaim': {
      const { need, service } = claimedPair(`n-${k}`, `s-${k}`, 'provider', STAFF.townshipA._id)
      seedLists(backend, { needs: [need], services: [service] })
      return { kind: 'need', id: need._id }
    }
    case 'withdrawListing':
      seedLists(backend, { needs: [storedNeed(`n-${k}`)] })
      return { kind: 'need', id: `n-${k}` }
    case 'addLedgerProgress':
    case 'completeLedgerEntry':
    case 'rateLedgerEntry': {
      const completed = action === 'rateLedgerEntry'
      seedLists(backend, {
        ledger: [
          storedEntry(`e-${k}`, `n-${k}`, `s-${k}`, completed ? { status: 'completed' } : {}),
        ],
      })
      if (action === 'addLedgerProgress') return { entryId: `e-${k}`, text: '上门一次' }
      if (action === 'rateLedgerEntry') return { entryId: `e-${k}`, score: 4, comment: '' }
      return { entryId: `e-${k}` }
    }
  }
}

const MATRIX = (Object.keys(EXPECTED) as Action[]).flatMap((action) =>
  CALLERS.map((caller) => [action, caller, EXPECTED[action][caller]] as const),
)

/** Fresh entries for one cell of OTHER_HALVES, and the payload that acts on them. */
type Arrange = (k: string) => Record<string, unknown>

/**
 * The withdrawals' other halves, each its own row: another side's claim, named from the other
 * end of the pair, and a service taken off its list.
 */
const OTHER_HALVES: Array<[string, Action, Arrange, Record<Caller, Outcome>]> = [
  [
    'a village’s claim, named by its service',
    'withdrawClaim',
    (k) => {
      const { need, service } = claimedPair(`n-${k}`, `s-${k}`, 'village', CAST.committee._id)
      seedLists(backend, { needs: [need], services: [service] })
      return { kind: 'service', id: service._id }
    },
    VILLAGE_ACT,
  ],
  [
    'the township’s assignment, named by its need',
    'withdrawClaim',
    (k) => {
      const { need, service } = claimedPair(`n-${k}`, `s-${k}`, 'township', STAFF.townshipA._id)
      seedLists(backend, { needs: [need], services: [service] })
      return { kind: 'need', id: need._id }
    },
    STAFF_ACT,
  ],
  [
    'an open service',
    'withdrawListing',
    (k) => {
      seedLists(backend, { services: [storedService(`s-${k}`)] })
      return { kind: 'service', id: `s-${k}` }
    },
    STAFF_ACT,
  ],
]

const HALVES = OTHER_HALVES.flatMap(([what, action, arrangeHalf, outcomes]) =>
  CALLERS.map((caller) => [action, what, caller, outcomes[caller], arrangeHalf] as const),
)

/** One cell: the call's outcome, and the whole database unchanged when it is refused. */
async function expectCell(
  action: Action,
  caller: Caller,
  want: Outcome,
  payload: Record<string, unknown>,
): Promise<void> {
  const before = await snapshot(backend)
  const res = await backend.call(openidOf(caller), 'township', action, payload)
  if (want === 'ok') {
    expect(res).toEqual({ ok: true, data: expect.anything() })
    if (READS.includes(action)) expect(await snapshot(backend)).toEqual(before)
    else expect(await snapshot(backend)).not.toEqual(before)
  } else {
    expect(res).toEqual({ ok: false, error: { code: want, message: expect.any(String) } })
    expect(await snapshot(backend)).toEqual(before)
  }
}

describe('township permission matrix', () => {
  it('covers every action of the function and every caller', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      [
        'claimStaff',
        'myStaff',
        'raiseNeed',
        'offerService',
        'listNeeds',
        'listServices',
        'claimNeed',
        'claimService',
        'assignPair',
        'confirmClaim',
        'declineClaim',
        'withdrawClaim',
        'withdrawListing',
        'listLedger',
        'addLedgerProgress',
        'completeLedgerEntry',
        'rateLedgerEntry',
        'exportLedger',
        'getDashboard',
      ].sort(),
    )
    expect(CALLERS).toHaveLength(15)
  })

  it.each(MATRIX)('%s by %s → %s', async (action, caller, want) => {
    await expectCell(action, caller, want, arrange(action))
    // the caller who took a staff record with a code gives it up again for the cells that follow
    if (action === 'claimStaff' && want === 'ok') {
      await backend.db
        .collection(COLLECTION.staff)
        .doc(`new-p${cell}`)
        .update({ status: 'removed' })
    }
  })

  it.each(HALVES)('%s of %s by %s → %s', async (action, _what, caller, want, arrangeHalf) => {
    cell += 1
    await expectCell(action, caller, want, arrangeHalf(`p${cell}`))
  })
})

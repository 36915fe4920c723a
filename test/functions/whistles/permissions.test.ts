/**
 * Every whistles action × every kind of caller: one member per role of village A (in 东镇), village
 * B's committee (in 西街道), a pending applicant, one staff member per kind of unit (the district's
 * admin, 东镇's and 西街道's staff, 区水务局's, 东镇综治中心's, a removed record) and a stranger. The
 * expected table is written out here by hand, independently of domain/permissions and
 * domain/township. Each cell gets a fresh matter of village A with a fresh whistle to 区水务局,
 * blown at TEST_NOW (so still the department's: not escalated); a refused cell leaves the whole
 * database as it was, an allowed cell that writes leaves its audit record on its matter.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { WhistlesApi } from '../../../types/api/whistles'
import type { Whistle } from '../../../types/model/township'
import { TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, STRANGER, VILLAGE_A, VILLAGE_A_VERIFIED } from '../support/fixtures'
import { snapshot } from '../support/snapshot'
import { DEPT_WATER, DISTRICT, STAFF, TOWNSHIP_A } from '../support/townshipFixtures'
import { auditsOf, HOUR, op, seedMatter, whistleBackend } from './support'

let backend: Backend

beforeAll(async () => {
  backend = await whistleBackend()
})
afterAll(() => backend.close())

type Member = keyof typeof CAST
type StaffKind = keyof typeof STAFF
type Caller = Member | StaffKind | 'stranger'
const CALLERS: Caller[] = [
  ...(Object.keys(CAST) as Member[]),
  ...(Object.keys(STAFF) as StaffKind[]),
  'stranger',
]
const openidOf = (c: Caller): string =>
  c === 'stranger' ? STRANGER : c in CAST ? CAST[c as Member].openid : op(STAFF[c as StaffKind])

type ActionName = keyof WhistlesApi

const ACTIVE_STAFF: readonly Caller[] = [
  'districtAdmin',
  'townshipA',
  'townshipB',
  'water',
  'stationA',
]

/** Who may. */
const ALLOWED: Record<ActionName, readonly Caller[]> = {
  // the committee of any village in a township, for its own village
  whistleOptions: ['committee', 'otherCommittee'],
  blowWhistle: ['committee'],
  listWhistles: ACTIVE_STAFF,
  // the village's members, and the staff of the department, its township and its district
  matterWhistles: [...VILLAGE_A_VERIFIED, 'water', 'townshipA', 'districtAdmin'],
  // before escalation only the department answers
  acknowledgeWhistle: ['water'],
  reportWhistleProgress: ['water'],
  resolveWhistle: ['water'],
  returnWhistle: ['water'],
}

type Refusal = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND'
const MEMBER_ACTIONS: readonly ActionName[] = ['whistleOptions', 'blowWhistle']
const STAFF_ACTIONS: readonly ActionName[] = [
  'listWhistles',
  'acknowledgeWhistle',
  'reportWhistleProgress',
  'resolveWhistle',
  'returnWhistle',
]
const NOT_A_VERIFIED_MEMBER: readonly Caller[] = [
  'pending',
  'stranger',
  ...(Object.keys(STAFF) as StaffKind[]),
]

/**
 * Village acts: not a verified member → UNAUTHENTICATED, another village's member → NOT_FOUND (a
 * matter they cannot see), a member without the role → FORBIDDEN. Staff acts: no active staff
 * record → FORBIDDEN; a unit the whistle is not theirs to see → NOT_FOUND; the township or district
 * of a whistle not yet escalated → FORBIDDEN. Reading a matter's whistles: neither member nor
 * staff → UNAUTHENTICATED, anyone else not concerned → NOT_FOUND.
 */
function expectedRefusal(action: ActionName, caller: Caller): Refusal {
  if (MEMBER_ACTIONS.includes(action)) {
    if (NOT_A_VERIFIED_MEMBER.includes(caller)) return 'UNAUTHENTICATED'
    return caller === 'otherCommittee' ? 'NOT_FOUND' : 'FORBIDDEN'
  }
  if (STAFF_ACTIONS.includes(action)) {
    if (!ACTIVE_STAFF.includes(caller)) return 'FORBIDDEN'
    return caller === 'townshipA' || caller === 'districtAdmin' ? 'FORBIDDEN' : 'NOT_FOUND'
  }
  // matterWhistles
  if (caller === 'pending' || caller === 'stranger' || caller === 'removed')
    return 'UNAUTHENTICATED'
  return 'NOT_FOUND'
}

/** A raised (or acknowledged) whistle to 区水务局 on matter `matterId`, as blowWhistle stores it. */
function storedWhistle(matterId: string, acknowledged: boolean): Whistle {
  return {
    _id: `${matterId}_w1`,
    districtId: DISTRICT,
    townshipId: TOWNSHIP_A,
    villageId: VILLAGE_A,
    matterId,
    departmentId: DEPT_WATER,
    tier: 'danger',
    tierLabel: '危及生命财产安全',
    responseHours: 2,
    note: '',
    status: acknowledged ? 'acknowledged' : 'raised',
    raisedAt: TEST_NOW,
    dueAt: new Date(TEST_NOW.getTime() + 2 * HOUR),
    ...(acknowledged ? { acknowledgedAt: TEST_NOW } : {}),
    steps: [
      { kind: 'raised', at: TEST_NOW, by: CAST.committee._id },
      ...(acknowledged
        ? [
            {
              kind: 'acknowledged' as const,
              at: TEST_NOW,
              by: STAFF.water._id,
              unit: 'department' as const,
            },
          ]
        : []),
    ],
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
  }
}

let n = 0
/** A fresh matter (with its whistle, where the action needs one) and the payload for it. */
function arrange(action: ActionName): { matterId: string; payload: Record<string, unknown> } {
  n += 1
  const matterId = `pm${n}`
  if (action === 'blowWhistle' || action === 'whistleOptions') {
    seedMatter(backend, matterId)
    return {
      matterId,
      payload:
        action === 'blowWhistle'
          ? { matterId, departmentId: DEPT_WATER, tier: 'danger', note: '请尽快处理' }
          : {},
    }
  }
  seedMatter(backend, matterId, { whistleCount: 1, openWhistles: [DEPT_WATER] })
  const whistle = storedWhistle(matterId, action === 'reportWhistleProgress')
  insert(backend, COLLECTION.whistles, [whistle])
  const whistleId = whistle._id
  switch (action) {
    case 'listWhistles':
      return { matterId, payload: {} }
    case 'matterWhistles':
      return { matterId, payload: { matterId } }
    case 'acknowledgeWhistle':
      return { matterId, payload: { whistleId } }
    case 'reportWhistleProgress':
      return { matterId, payload: { whistleId, text: '已派人到现场' } }
    case 'resolveWhistle':
      return { matterId, payload: { whistleId, text: '已修好' } }
    case 'returnWhistle':
      return { matterId, payload: { whistleId, reason: '不归本局管' } }
  }
}

const READS: readonly ActionName[] = ['whistleOptions', 'listWhistles', 'matterWhistles']

const MATRIX = (Object.keys(ALLOWED) as ActionName[]).flatMap((action) =>
  CALLERS.map((caller) => [action, caller, ALLOWED[action].includes(caller)] as const),
)

describe('whistles permission matrix', () => {
  it('covers every action of the function and every kind of caller', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(
      [
        'acknowledgeWhistle',
        'blowWhistle',
        'listWhistles',
        'matterWhistles',
        'reportWhistleProgress',
        'resolveWhistle',
        'returnWhistle',
        'whistleOptions',
      ].sort(),
    )
    expect(CALLERS).toHaveLength(15)
  })

  it.each(MATRIX)('%s by %s → allowed: %s', async (action, caller, allowed) => {
    const { matterId, payload } = arrange(action)
    const before = await snapshot(backend)
    const res = await backend.call(openidOf(caller), 'whistles', action, payload as never)
    if (allowed) {
      expect(res).toEqual({ ok: true, data: expect.anything() })
      if (!READS.includes(action)) {
        expect(await snapshot(backend)).not.toEqual(before)
        const audits = await auditsOf(backend, matterId)
        expect(audits.at(-1)).toMatchObject({ subjectType: 'matter', at: TEST_NOW })
      }
    } else {
      expect(res).toEqual({
        ok: false,
        error: { code: expectedRefusal(action, caller), message: expect.any(String) },
      })
      expect(await snapshot(backend)).toEqual(before)
    }
  })
})

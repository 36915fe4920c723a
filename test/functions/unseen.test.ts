/**
 * One answer for "not there" and "not yours": a caller who may not see a thing (a stranger, a
 * pending applicant, a member of another village) gets exactly the same envelope for a real id
 * of village A as for an id that names nothing, and nothing is written either way.
 */
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import type { FunctionName } from '../../types/api'
import type { Backend } from './support/backend'
import {
  discussionBackend,
  OPEN_MATTER,
  snapshot,
  statementBy,
  WRITER,
} from './support/discussionFixtures'
import {
  CAST,
  insert,
  member,
  storedMatter,
  STRANGER,
  VILLAGE_A,
  VILLAGE_B,
} from './support/fixtures'

let backend: Backend
const REAL_STATEMENT = statementBy(WRITER, OPEN_MATTER)
const PENDING_A = member('pen-a', VILLAGE_A, ['resident'], { status: 'pending' })
const MEMBER_B = member('res-b', VILLAGE_B, ['resident'])
const MATTER_B = storedMatter('m-b', { villageId: VILLAGE_B, status: 'accepted' })
const STATEMENT_B = statementBy(MEMBER_B, MATTER_B._id)
const HOUSEHOLD_A = `${VILLAGE_A}_001`
const PERSON_A = 'p-unseen-a'

beforeAll(async () => {
  backend = await discussionBackend({
    statements: [REAL_STATEMENT, STATEMENT_B],
    matters: [
      MATTER_B,
      storedMatter('m-raised-u', { status: 'raised' }),
      storedMatter('m-decided-u', { status: 'decided' }),
    ],
  })
  insert(backend, COLLECTION.members, [PENDING_A, MEMBER_B])
  const at = new Date('2026-06-01T00:00:00Z')
  insert(backend, COLLECTION.households, [
    {
      _id: HOUSEHOLD_A,
      villageId: VILLAGE_A,
      number: '001',
      head: '甲',
      people: ['甲'],
      adults: 1,
    },
  ])
  insert(backend, COLLECTION.persons, [
    {
      _id: PERSON_A,
      villageId: VILLAGE_A,
      householdId: HOUSEHOLD_A,
      name: '甲',
      adult: true,
      representative: false,
      memberIds: [],
      createdAt: at,
      updatedAt: at,
    },
  ])
})
afterAll(() => backend.close())

const MADE_UP = 'no-such-thing-42'

type Probe = [
  fn: FunctionName,
  action: string,
  payload: (id: string) => Record<string, unknown>,
  real: string,
]

const matter = (action: string, extra: Record<string, unknown> = {}): Probe => [
  'matters',
  action,
  (matterId) => ({ matterId, ...extra }),
  OPEN_MATTER,
]
const statement = (action: string, extra: Record<string, unknown> = {}): Probe => [
  'discussion',
  action,
  (statementId) => ({ statementId, ...extra }),
  REAL_STATEMENT._id,
]

/** Every action that reads a thing by an id the caller sends. */
const PROBES: Probe[] = [
  matter('getMatter'),
  matter('listTimeline'),
  matter('withdrawMatter'),
  matter('acceptMatter', { urgent: true, category: 'other' }),
  matter('changeCategory', { category: 'environment' }),
  matter('recordProcedureStep', {
    step: 'proposal',
    date: '2026-11-20',
    expected: 5,
    present: 5,
    result: '同意',
    note: '',
  }),
  matter('declineMatter', { reason: '理由' }),
  matter('mergeMatter', { intoId: 'm-other' }),
  matter('startDiscussion'),
  matter('recordDecision', { decision: '同意' }),
  matter('assignHandling', { handlerId: CAST.resident._id, deadline: '2099-12-31' }),
  matter('reportProgress', { text: '进展' }),
  matter('resolveMatter', { outcome: '办好了' }),
  matter('closeMatter'),
  matter('rateMatter', { score: 5 }),
  matter('moveAgendaItem', { talkDay: '2099-12-24' }),
  matter('recordMinutes', { talkDay: '2099-12-24', text: '纪要' }),
  ['discussion', 'postStatement', (matterId) => ({ matterId, text: '说两句' }), OPEN_MATTER],
  ['discussion', 'listStatements', (matterId) => ({ matterId }), OPEN_MATTER],
  statement('editStatement', { text: '改一下' }),
  statement('deleteStatement'),
  statement('reportStatement', { reason: '骂人' }),
  statement('hideStatement', { reason: '人身攻击' }),
  statement('restoreStatement', { reason: '没问题' }),
  ['village', 'approveMember', (memberId) => ({ memberId }), PENDING_A._id],
  ['village', 'declineMember', (memberId) => ({ memberId, reason: '不是本村的' }), PENDING_A._id],
  ['village', 'assignRoles', (memberId) => ({ memberId, roles: ['resident'] }), CAST.resident._id],
  ['village', 'linkPerson', (memberId) => ({ memberId, personId: PERSON_A }), CAST.resident._id],
  ['village', 'unlinkPerson', (memberId) => ({ memberId }), CAST.resident._id],
  ['village', 'setRepresentative', (personId) => ({ personId, representative: true }), PERSON_A],
  [
    'village',
    'setHouseholdVoter',
    (householdId) => ({ householdId, personId: PERSON_A }),
    HOUSEHOLD_A,
  ],
]

const CALLERS: Array<[string, string]> = [
  ['a stranger', STRANGER],
  ['a pending applicant', CAST.pending.openid],
  ['a committee member of another village', CAST.otherCommittee.openid],
]

const TABLE = PROBES.flatMap((probe) =>
  CALLERS.map(([who, openid]) => [probe[1], who, probe, openid] as const),
)

describe('not there and not yours answer alike', () => {
  it.each(TABLE)('%s by %s', async (_action, _who, [fn, action, payload, real], openid) => {
    const before = await snapshot(backend)
    const forReal = await backend.call(openid, fn, action as never, payload(real) as never)
    const forMadeUp = await backend.call(openid, fn, action as never, payload(MADE_UP) as never)
    expect(forReal.ok).toBe(false)
    expect(forReal).toEqual(forMadeUp)
    expect(await snapshot(backend)).toEqual(before)
  })

  it('the expected answers: UNAUTHENTICATED before membership, NOT_FOUND across villages', async () => {
    const ask = (openid: string) =>
      backend.call(openid, 'matters', 'getMatter', { matterId: OPEN_MATTER })
    expect(await ask(STRANGER)).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        message: '您还不是本村的认证村民，请先申请加入，等村委会审核通过。',
      },
    })
    expect(await ask(CAST.otherCommittee.openid)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '找不到这件事，可能已被删除。' },
    })
  })

  it.each([
    [
      'a matter of another village to merge into',
      CAST.committee.openid,
      'matters',
      'mergeMatter',
      (intoId: string) => ({ matterId: 'm-raised-u', intoId }),
      MATTER_B._id,
    ],
    [
      'a member of another village to handle it',
      CAST.committee.openid,
      'matters',
      'assignHandling',
      (handlerId: string) => ({ matterId: 'm-decided-u', handlerId, deadline: '2099-12-31' }),
      MEMBER_B._id,
    ],
    [
      'a statement of another village to reply to',
      CAST.resident.openid,
      'discussion',
      'postStatement',
      (replyTo: string) => ({ matterId: OPEN_MATTER, text: '回复', replyTo }),
      STATEMENT_B._id,
    ],
  ] as const)(
    '%s reads like one that does not exist',
    async (_name, openid, fn, action, payload, real) => {
      const before = await snapshot(backend)
      const forReal = await backend.call(openid, fn, action as never, payload(real) as never)
      const forMadeUp = await backend.call(openid, fn, action as never, payload(MADE_UP) as never)
      expect(forReal.ok).toBe(false)
      expect(forReal).toEqual(forMadeUp)
      expect(await snapshot(backend)).toEqual(before)
    },
  )
})

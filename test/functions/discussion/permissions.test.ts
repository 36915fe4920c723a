/**
 * Every discussion action × every kind of caller: one member per role in village A, a committee
 * member of village B, a pending applicant and a stranger. The expected table is written out here,
 * independently of domain/permissions; on every refusal nothing at all is written.
 */
import type { DiscussionApi } from '../../../types/api/discussion'
import type { Statement } from '../../../types/model/statement'
import { TEST_NOW, type Backend } from '../support/backend'
import {
  discussionBackend,
  OPEN_MATTER,
  seedStatements,
  snapshot,
  statementBy,
  WRITER,
} from '../support/discussionFixtures'
import { CAST, STRANGER, VILLAGE_A_VERIFIED } from '../support/fixtures'

let backend: Backend
const OPEN = OPEN_MATTER

beforeAll(async () => {
  backend = await discussionBackend()
})
afterAll(() => backend.close())

type Caller = keyof typeof CAST | 'stranger'
const CALLERS: Caller[] = [...(Object.keys(CAST) as Array<keyof typeof CAST>), 'stranger']
const openidOf = (c: Caller) => (c === 'stranger' ? STRANGER : CAST[c].openid)

type ActionName = keyof DiscussionApi

/** Who may: statements on CAST.resident's or WRITER's statements in village A. */
const ALLOWED: Record<ActionName, readonly Caller[]> = {
  postStatement: VILLAGE_A_VERIFIED,
  editStatement: ['resident'],
  deleteStatement: ['resident'],
  reportStatement: VILLAGE_A_VERIFIED,
  hideStatement: ['moderator'],
  restoreStatement: ['moderator'],
  listStatements: VILLAGE_A_VERIFIED,
}

/**
 * Refusals: not a verified member → UNAUTHENTICATED; a member of another village → NOT_FOUND (the
 * answer for an id that names nothing); a member without the right → FORBIDDEN.
 */
function expectedRefusal(caller: Caller): 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN' {
  if (caller === 'pending' || caller === 'stranger') return 'UNAUTHENTICATED'
  return caller === 'otherCommittee' ? 'NOT_FOUND' : 'FORBIDDEN'
}

/** A fresh subject for one call, and the payload that acts on it. */
function arrange(action: ActionName): { payload: Record<string, unknown>; statement?: Statement } {
  switch (action) {
    case 'postStatement':
      return { payload: { matterId: OPEN, text: '我说两句。' } }
    case 'listStatements':
      return { payload: { matterId: OPEN } }
    case 'editStatement':
      return own({ text: '改一下。' })
    case 'deleteStatement':
      return own({})
    case 'reportStatement':
      return others({ reason: '骂人' }, {})
    case 'hideStatement':
      return others({ reason: '人身攻击' }, {})
    case 'restoreStatement':
      return others(
        { reason: '经核实没有问题' },
        { hidden: true, hiding: { by: 'reports', at: TEST_NOW, pendingReview: true } },
      )
  }
}

function own(extra: Record<string, unknown>) {
  const statement = statementBy(CAST.resident, OPEN)
  return { payload: { statementId: statement._id, ...extra }, statement }
}

function others(extra: Record<string, unknown>, over: Partial<Statement>) {
  const statement = statementBy(WRITER, OPEN, over)
  return { payload: { statementId: statement._id, ...extra }, statement }
}

const MATRIX = (Object.keys(ALLOWED) as ActionName[]).flatMap((action) =>
  CALLERS.map((caller) => [action, caller, ALLOWED[action].includes(caller)] as const),
)

describe('discussion permission matrix', () => {
  it('covers every action of the function', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(
      [
        'deleteStatement',
        'editStatement',
        'hideStatement',
        'listStatements',
        'postStatement',
        'reportStatement',
        'restoreStatement',
      ].sort(),
    )
  })

  it.each(MATRIX)('%s by %s → allowed: %s', async (action, caller, allowed) => {
    const { payload, statement } = arrange(action)
    if (statement) seedStatements(backend, [statement])
    const before = await snapshot(backend)
    const res = await backend.call(openidOf(caller), 'discussion', action, payload)
    if (allowed) {
      expect(res).toEqual({ ok: true, data: expect.anything() })
      if (action !== 'listStatements') expect(await snapshot(backend)).not.toEqual(before)
    } else {
      expect(res).toEqual({
        ok: false,
        error: { code: expectedRefusal(caller), message: expect.any(String) },
      })
      expect(await snapshot(backend)).toEqual(before)
    }
  })
})

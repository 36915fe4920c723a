/**
 * Random and hostile payloads to every `discussion` action, through the emulator: the answer is
 * always an envelope, a refusal names a known code in plain Chinese (never INTERNAL) and writes
 * nothing, and an accepted call writes only in the caller's village. A moderator calls, so hiding
 * and restoring get past the permission check too; the ids name the stored matter and statements
 * (and one statement of another village) as often as random ones, so calls reach real changes.
 */
import * as fc from 'fast-check'
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import type { ActionName } from '../../../types/api'
import { TEST_NOW, type Backend } from '../support/backend'
import {
  discussionBackend,
  matterIn,
  OPEN_MATTER,
  statementBy,
  WRITER,
} from '../support/discussionFixtures'
import { CAST, insert, member, VILLAGE_A, VILLAGE_B } from '../support/fixtures'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { fieldsOf, fuzzPayloads, someId, withOwnKeys } from '../support/fuzz'
import { snapshot } from '../support/snapshot'

type DiscussionAction = ActionName<'discussion'>

const ACTIONS = Object.keys(DISCUSSION_SCHEMAS) as DiscussionAction[]

/** Statements were posted a minute before the fixed clock. */
const at = new Date(TEST_NOW.getTime() - 60_000)

const MEMBER_B = member('res-b', VILLAGE_B, ['resident'])
const TOP = statementBy(WRITER, OPEN_MATTER, { at })
const STATEMENTS = [
  TOP,
  statementBy(CAST.resident, OPEN_MATTER, { replyTo: TOP._id, at }),
  statementBy(CAST.moderator, OPEN_MATTER, { at }),
  statementBy(WRITER, OPEN_MATTER, {
    at,
    hidden: true,
    hiding: { by: 'reports', at, pendingReview: true },
  }),
  statementBy(MEMBER_B, 'm-b', { at }),
]

let backend: Backend

beforeAll(async () => {
  backend = await discussionBackend({
    matters: [matterIn('m-b', 'discussing', VILLAGE_B)],
    statements: STATEMENTS,
  })
  insert(backend, COLLECTION.members, [MEMBER_B])
})
afterAll(() => backend.close())

describe('discussion payload fuzz', () => {
  it('an envelope, a known refusal in Chinese, no write on refusal, writes only in the caller’s village', async () => {
    const tally = await fuzzPayloads(backend, {
      fn: 'discussion',
      actions: ACTIONS,
      caller: CAST.moderator.openid,
      fields: fieldsOf(DISCUSSION_SCHEMAS),
      wellFormed: {
        matterId: someId([OPEN_MATTER, 'm-b']),
        statementId: someId(STATEMENTS.map((x) => x._id)),
        replyTo: someId(STATEMENTS.map((x) => x._id)),
        text: fc.string({ minLength: 1, maxLength: 40 }),
        reason: fc.string({ minLength: 1, maxLength: 40 }),
        limit: fc.integer({ min: 1, max: 50 }),
      },
      mayWrite: ACTIONS.filter((a) => a !== 'listStatements'),
      village: VILLAGE_A,
      numRuns: 80,
      seed: 20261204,
    })
    // Every action was tried, and the fuzz got past the schemas to the lookups, not only refused
    // at the door.
    expect(Object.keys(tally).sort()).toEqual([...ACTIONS].sort())
    const codes = new Set(Object.values(tally).flatMap((counts) => Object.keys(counts)))
    expect(codes).toContain('INVALID_INPUT')
    expect(codes).toContain('NOT_FOUND')
    // ... and to real changes of stored statements.
    const changed = ACTIONS.filter((a) => a !== 'listStatements' && (tally[a]?.ok ?? 0) > 0)
    expect({ changed: changed.length >= 2, tally }).toEqual({ changed: true, tally })
  })
})

describe('each kind of hostile input gets its answer, and writes nothing', () => {
  it.each([
    [
      'an operator as an id',
      'editStatement',
      { statementId: { $ne: null }, text: '改' },
      'INVALID_INPUT',
    ],
    [
      'an operator as text',
      'postStatement',
      { matterId: OPEN_MATTER, text: { $gt: '' } },
      'INVALID_INPUT',
    ],
    [
      'an operator as a reply',
      'postStatement',
      { matterId: OPEN_MATTER, text: '说', replyTo: { $exists: true } },
      'INVALID_INPUT',
    ],
    ['a dotted id', 'deleteStatement', { statementId: `${TOP._id}.text` }, 'INVALID_INPUT'],
    [
      'a $-prefixed cursor',
      'listStatements',
      { matterId: OPEN_MATTER, cursor: '$where' },
      'INVALID_INPUT',
    ],
    [
      '__proto__ as an id',
      'hideStatement',
      { statementId: '__proto__', reason: '理由' },
      'NOT_FOUND',
    ],
    [
      'constructor as a matter',
      'postStatement',
      { matterId: 'constructor', text: '说' },
      'NOT_FOUND',
    ],
    [
      'prototype as a reply',
      'postStatement',
      { matterId: OPEN_MATTER, text: '说', replyTo: 'prototype' },
      'NOT_FOUND',
    ],
    [
      '__proto__ as the payload’s prototype',
      'deleteStatement',
      withOwnKeys([['__proto__', { statementId: TOP._id }]]),
      'INVALID_INPUT',
    ],
    ['constructor as the action', 'constructor', {}, 'INVALID_INPUT'],
  ] as const)('%s (%s)', async (_kind, action, payload, code) => {
    const before = await snapshot(backend)
    const res = await backend.call(
      CAST.moderator.openid,
      'discussion',
      action as 'listStatements',
      payload as never,
    )
    expect(res).toEqual({
      ok: false,
      error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) },
    })
    expect(await snapshot(backend)).toEqual(before)
  })
})

/**
 * Random payloads to every `discussion` action, through the emulator: the answer is always an
 * envelope, a refusal names a known code in plain Chinese (never INTERNAL), and nothing is
 * written. A moderator calls, so hiding and restoring get past the permission check too; a
 * discussing matter and its statements are stored, and the random ids name none of them.
 */
import * as fc from 'fast-check'
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import type { ActionName } from '../../../types/api'
import type { Backend } from '../support/backend'
import { discussionBackend, OPEN_MATTER, statementBy, WRITER } from '../support/discussionFixtures'
import { CAST } from '../support/fixtures'
import { fieldsOf, fuzzId, fuzzPayloads } from '../support/fuzz'

type DiscussionAction = ActionName<'discussion'>

const ACTIONS = Object.keys(DISCUSSION_SCHEMAS) as DiscussionAction[]

let backend: Backend

beforeAll(async () => {
  const top = statementBy(WRITER, OPEN_MATTER)
  backend = await discussionBackend({
    statements: [
      top,
      statementBy(CAST.resident, OPEN_MATTER, { replyTo: top._id }),
      statementBy(CAST.moderator, OPEN_MATTER),
    ],
  })
})
afterAll(() => backend.close())

describe('discussion payload fuzz', () => {
  it('an envelope, a known refusal in Chinese, and no write, for any payload (every action)', async () => {
    const tally = await fuzzPayloads(backend, {
      fn: 'discussion',
      actions: ACTIONS,
      caller: CAST.moderator.openid,
      fields: fieldsOf(DISCUSSION_SCHEMAS),
      wellFormed: {
        matterId: fuzzId,
        statementId: fuzzId,
        replyTo: fuzzId,
        text: fc.string({ minLength: 1, maxLength: 40 }),
        reason: fc.string({ minLength: 1, maxLength: 40 }),
        limit: fc.integer({ min: 1, max: 50 }),
      },
      // 33 random runs and one `{}` per action: 40 calls of ~200–400 ms each.
      numRuns: 33,
      seed: 20261204,
    })
    // Every action was tried, and the fuzz got past the schemas to the lookups, not only refused
    // at the door.
    expect(Object.keys(tally).sort()).toEqual([...ACTIONS].sort())
    const codes = new Set(Object.values(tally).flatMap((counts) => Object.keys(counts)))
    expect(codes).toContain('INVALID_INPUT')
    expect(codes).toContain('NOT_FOUND')
  })
})

/**
 * The discussion's rules that depend on another document, under 50 simultaneous callers: the
 * posting rate limit (one member's posts) and reports (many members, one statement). No rule
 * broken, no INTERNAL, BUSY at most once in 50.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { RATE_LIMIT } from '../../../domain/discussion/rules'
import type { Backend } from '../support/backend'
import {
  discussionBackend,
  OPEN_MATTER,
  seedStatements,
  statementBy,
  WRITER,
} from '../support/discussionFixtures'
import { CAST, insert, member, VILLAGE_A } from '../support/fixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'

let backend: Backend

beforeAll(async () => {
  backend = await discussionBackend()
})
afterAll(() => backend.close())

async function where(collection: string, query: object) {
  const { data } = await backend.db.collection(collection).where(query).limit(1000).get()
  return data as Array<Record<string, unknown>>
}

it(`50 posts by one member at once: exactly ${RATE_LIMIT.statements} stored, 40 told to slow down`, async () => {
  const author = CAST.legalOfficer
  const { tally, results } = await race(
    'postStatement by one member',
    Array.from(
      { length: 50 },
      (_, i) => () =>
        backend.call(author.openid, 'discussion', 'postStatement', {
          matterId: OPEN_MATTER,
          text: `第 ${i + 1} 句`,
        }),
    ),
  )
  expectNoCrashAndLittleBusy(tally, 50)
  expect(tally.ok).toBe(10)
  expect(tally.RATE_LIMITED).toBe(40 - (tally.BUSY ?? 0))
  for (const r of results.filter((x) => !x.ok && x.error.code === 'RATE_LIMITED')) {
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message: '发言太快了：每分钟最多发 10 条，请稍等一会儿再发。',
      },
    })
  }
  const stored = await where(COLLECTION.statements, { authorId: author._id })
  expect(stored).toHaveLength(10)
  const audits = await where(COLLECTION.auditLogs, { actorId: author._id, action: 'postStatement' })
  expect(audits.map((a) => a.subjectId).sort()).toEqual(stored.map((s) => s._id).sort())
})

// Each report is its own document and the hiding is decided after it is committed, so fifty
// members reporting one statement never take turns on one document.
it('50 members report one statement at once: 50 reports kept, hidden once, 51 audit records', async () => {
  const reporters = Array.from({ length: 50 }, (_, i) =>
    member(`rep-${i + 1}`, VILLAGE_A, ['resident']),
  )
  insert(backend, COLLECTION.members, reporters)
  const s = statementBy(WRITER, OPEN_MATTER)
  seedStatements(backend, [s])
  const { tally, results } = await race(
    'reportStatement by 50 members',
    reporters.map(
      (m) => () =>
        backend.call(m.openid, 'discussion', 'reportStatement', {
          statementId: s._id,
          reason: '骂人',
        }),
    ),
  )
  expectNoCrashAndLittleBusy(tally, 50)
  expect(tally.ok).toBe(50 - (tally.BUSY ?? 0))
  const [after] = await where(COLLECTION.statements, { _id: s._id })
  expect(after).toMatchObject({ hidden: true, hiding: { by: 'reports', pendingReview: true } })
  const reports = await where(COLLECTION.statementReports, { statementId: s._id })
  expect(reports.map((r) => r.memberId).sort()).toEqual(
    reporters
      .filter((_m, i) => results[i]?.ok)
      .map((m) => m._id)
      .sort(),
  )
  // One audit record per report, and exactly one for the hiding.
  const audits = await where(COLLECTION.auditLogs, { subjectId: s._id })
  expect(audits).toHaveLength((tally.ok ?? 0) + 1)
  expect(audits.filter((a) => a.from === 'visible' && a.to === 'hidden')).toHaveLength(1)
  // The first two to commit may see too few reports; everyone who counted three or more sees it hidden.
  const sawHidden = results.filter((r) => r.ok && (r.data as { hidden: boolean }).hidden).length
  expect(sawHidden).toBeGreaterThanOrEqual((tally.ok ?? 0) - 2)
})

// The write skew a count read before the report would allow: three reports committed at the same
// moment each seeing fewer than three. Ten statements with exactly the threshold of reporters each.
it('three reports at once on each of ten statements (threshold 3): all ten hidden, each once', async () => {
  const reporters = Array.from({ length: 3 }, (_, i) =>
    member(`skew-${i + 1}`, VILLAGE_A, ['resident']),
  )
  insert(backend, COLLECTION.members, reporters)
  const statements = Array.from({ length: 10 }, () => statementBy(WRITER, OPEN_MATTER))
  seedStatements(backend, statements)
  const { tally } = await race(
    'reportStatement, 3 members on each of 10 statements',
    statements.flatMap((s) =>
      reporters.map(
        (m) => () =>
          backend.call(m.openid, 'discussion', 'reportStatement', {
            statementId: s._id,
            reason: '',
          }),
      ),
    ),
  )
  expectNoCrashAndLittleBusy(tally, 30)
  expect(tally.ok).toBe(30)
  for (const s of statements) {
    const [after] = await where(COLLECTION.statements, { _id: s._id })
    expect(after).toMatchObject({ hidden: true, hiding: { by: 'reports' } })
    const hidings = await where(COLLECTION.auditLogs, { subjectId: s._id, to: 'hidden' })
    expect(hidings).toHaveLength(1)
  }
})

/**
 * Approvals under 50 simultaneous callers: one join request, approved and declined at the same
 * moment by the committee, is decided exactly once; 50 requests approved at once all land.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, member, seedCast, VILLAGE_A } from '../support/fixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
})
afterAll(() => backend.close())

async function where(collection: string, query: object) {
  const { data } = await backend.db.collection(collection).where(query).limit(1000).get()
  return data as Array<Record<string, unknown>>
}

it('25 approvals and 25 refusals of one request at once: decided once, audited once', async () => {
  const applicant = member('race-pen', VILLAGE_A, ['resident'], { status: 'pending' })
  insert(backend, COLLECTION.members, [applicant])
  const { tally, results } = await race<unknown>(
    'approveMember with declineMember',
    Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? () =>
            backend.call(CAST.committee.openid, 'village', 'approveMember', {
              memberId: applicant._id,
            })
        : () =>
            backend.call(CAST.committee.openid, 'village', 'declineMember', {
              memberId: applicant._id,
              reason: '查无此户',
            }),
    ),
  )
  expectNoCrashAndLittleBusy(tally, 50)
  expect(tally.ok).toBe(1)
  expect(tally.CONFLICT).toBe(49 - (tally.BUSY ?? 0))
  const winner = results.findIndex((r) => r.ok)
  const [stored] = await where(COLLECTION.members, { _id: applicant._id })
  expect(stored?.status).toBe(winner % 2 === 0 ? 'verified' : 'declined')
  const audits = await where(COLLECTION.auditLogs, { subjectId: applicant._id })
  expect(audits).toEqual([
    expect.objectContaining({ from: 'pending', to: stored?.status, actorId: CAST.committee._id }),
  ])
})

it('50 requests approved at once: all verified, each audited once', async () => {
  const applicants = Array.from({ length: 50 }, (_, i) =>
    member(`race-many-${i + 1}`, VILLAGE_A, ['resident'], { status: 'pending' }),
  )
  insert(backend, COLLECTION.members, applicants)
  const { tally } = await race(
    'approveMember of 50 requests',
    applicants.map(
      (a) => () =>
        backend.call(CAST.committee.openid, 'village', 'approveMember', { memberId: a._id }),
    ),
  )
  expectNoCrashAndLittleBusy(tally, 50)
  expect(tally.ok).toBe(50 - (tally.BUSY ?? 0))
  const verified = await where(COLLECTION.members, {
    _id: backend.db.command.in(applicants.map((a) => a._id)),
    status: 'verified',
  })
  expect(verified).toHaveLength(tally.ok ?? 0)
  const audits = await where(COLLECTION.auditLogs, { action: 'approveMember' })
  expect(audits.filter((a) => String(a.subjectId).startsWith('race-many-'))).toHaveLength(
    tally.ok ?? 0,
  )
})

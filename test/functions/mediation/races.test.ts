/**
 * The two rules of the mediation function that many callers can hit at one moment, with 50 at
 * once: one case per matter (50 legal officers open one on the same matter) and one confirmation
 * per party (one party's 50 taps). No rule broken, no INTERNAL, BUSY at most once.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, member, seedCast, VILLAGE_A } from '../support/fixtures'
import { disputeMatter, proposedCase, PROPOSED_AT, seedCase } from '../support/mediationFixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'

let backend: Backend
const CALLERS = 50

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
})
afterAll(() => backend.close())

async function where(collection: string, query: object) {
  const { data } = await backend.db.collection(collection).where(query).limit(1000).get()
  return data as Array<Record<string, unknown>>
}

it('50 legal officers open a case on one matter at once: one case, one public step', async () => {
  const officers = Array.from({ length: CALLERS }, (_, i) =>
    member(`race-law${i}`, VILLAGE_A, ['resident', 'legalOfficer']),
  )
  insert(backend, COLLECTION.members, officers)
  insert(backend, COLLECTION.matters, [disputeMatter('m-race-open')])
  const { tally, results } = await race(
    'openMediation on one matter',
    officers.map(
      (o) => () =>
        backend.call(o.openid, 'mediation', 'openMediation', {
          matterId: 'm-race-open',
          partyIds: [CAST.resident._id, CAST.representative._id],
        }),
    ),
  )
  expectNoCrashAndLittleBusy(tally, CALLERS)
  expect(tally.ok).toBe(1)
  expect(tally.CONFLICT).toBe(CALLERS - 1 - (tally.BUSY ?? 0))
  for (const r of results.filter((x) => !x.ok && x.error.code === 'CONFLICT')) {
    expect(r).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '这件事已经有一起调解了，一件事只能调解一次。' },
    })
  }
  const cases = await where(COLLECTION.mediations, { matterId: 'm-race-open' })
  expect(cases).toHaveLength(1)
  const winner = results.find((r) => r.ok)
  expect(cases[0]?.legalOfficerId).toBe(
    winner?.ok ? (winner.data as { legalOfficer: { memberId: string } }).legalOfficer.memberId : '',
  )
  const audit = await where(COLLECTION.auditLogs, { subjectId: 'm-race-open' })
  expect(audit.map((a) => `${String(a.subjectType)} ${String(a.action)}`).sort()).toEqual([
    'matter openMediation',
    'mediation openMediation',
  ])
})

it('one party taps 收到/确认 50 times at once: one confirmation', async () => {
  seedCase(backend, proposedCase('m-race-confirm'))
  const { tally, results } = await race(
    'confirmAgreement by one party',
    Array.from(
      { length: CALLERS },
      () => () =>
        backend.call(CAST.resident.openid, 'mediation', 'confirmAgreement', {
          caseId: 'm-race-confirm',
          proposedAt: PROPOSED_AT.toISOString(),
        }),
    ),
  )
  expectNoCrashAndLittleBusy(tally, CALLERS)
  expect(tally.ok).toBe(1)
  expect(tally.CONFLICT).toBe(CALLERS - 1 - (tally.BUSY ?? 0))
  for (const r of results.filter((x) => !x.ok && x.error.code === 'CONFLICT')) {
    expect(r).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '您已经确认过这份调解协议了。' },
    })
  }
  const [c] = await where(COLLECTION.mediations, { matterId: 'm-race-confirm' })
  expect(c?.status).toBe('open')
  expect(Object.keys((c?.agreement as { confirmations: object }).confirmations)).toEqual([
    CAST.resident._id,
  ])
  const audit = await where(COLLECTION.auditLogs, {
    subjectId: 'm-race-confirm',
    action: 'confirmAgreement',
  })
  expect(audit).toHaveLength(1)
})

it('both parties confirm at the same moment: agreed once, one 调解完成 on the timeline', async () => {
  seedCase(backend, proposedCase('m-race-both'))
  const { tally } = await race(
    'confirmAgreement by both parties',
    [CAST.resident, CAST.representative].map(
      (p) => () =>
        backend.call(p.openid, 'mediation', 'confirmAgreement', {
          caseId: 'm-race-both',
          proposedAt: PROPOSED_AT.toISOString(),
        }),
    ),
  )
  expect(tally).toEqual({ ok: 2 })
  const [c] = await where(COLLECTION.mediations, { matterId: 'm-race-both' })
  expect(c?.status).toBe('agreed')
  const steps = await where(COLLECTION.auditLogs, {
    subjectId: 'm-race-both',
    subjectType: 'matter',
  })
  expect(steps.map((s) => s.action)).toEqual(['mediationAgreed'])
})

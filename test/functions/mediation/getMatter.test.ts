/**
 * The matter's page and its mediation (types/api/matters.ts MatterDetail.mediation): the words of
 * how the case stands that the caller may read, at the cost of one read by id of `mediations`
 * (in the same round trip as the page's other reads); no field at all on a matter with no case.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast } from '../support/fixtures'
import { data, disputeMatter, seedCase, storedCase } from '../support/mediationFixtures'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  seedCase(backend, storedCase('m-page-failed', { status: 'failed', closedOn: '2026-11-20' }))
  insert(backend, COLLECTION.matters, [disputeMatter('m-page-none')])
})
afterAll(() => backend.close())

const page = async (openid: string, matterId: string) => {
  backend.emulator.counters.reset()
  const detail = data(await backend.call(openid, 'matters', 'getMatter', { matterId }))
  return { detail, mediationReads: backend.emulator.counters.total({ collection: 'mediations' }) }
}

it('each caller reads the words they may: the case’s status, or the public word', async () => {
  const expected: Array<[string, string]> = [
    [CAST.resident.openid, '调解未成'], // a party
    [CAST.legalOfficer.openid, '调解未成'],
    [CAST.committee.openid, '调解未成'],
    [CAST.resident2.openid, '调解结束'],
    [CAST.moderator.openid, '调解结束'],
  ]
  for (const [openid, statusLabel] of expected) {
    const { detail, mediationReads } = await page(openid, 'm-page-failed')
    expect({ openid, mediation: detail.mediation }).toEqual({ openid, mediation: { statusLabel } })
    expect(mediationReads).toBe(1)
  }
})

it('a matter without a case: no mediation field, still one read', async () => {
  const { detail, mediationReads } = await page(CAST.resident2.openid, 'm-page-none')
  expect(detail).not.toHaveProperty('mediation')
  expect(mediationReads).toBe(1)
})

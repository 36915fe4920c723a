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
  const expected: Array<[string, string, 'full' | 'brief']> = [
    [CAST.resident.openid, '调解未成', 'full'], // a party
    [CAST.legalOfficer.openid, '调解未成', 'full'],
    [CAST.committee.openid, '调解未成', 'full'],
    [CAST.resident2.openid, '调解结束', 'brief'],
    [CAST.moderator.openid, '调解结束', 'brief'],
  ]
  for (const [openid, statusLabel, kind] of expected) {
    const { detail, mediationReads } = await page(openid, 'm-page-failed')
    expect({ openid, mediation: detail.mediation }).toEqual({
      openid,
      mediation: { statusLabel, kind },
    })
    expect(mediationReads).toBe(1)
  }
})

it('a matter without a case: no mediation field, still one read', async () => {
  const { detail, mediationReads } = await page(CAST.resident2.openid, 'm-page-none')
  expect(detail).not.toHaveProperty('mediation')
  expect(mediationReads).toBe(1)
})

it('开始调解 is offered to a legal officer only, and only on a matter without a case', async () => {
  const can = async (openid: string, matterId: string) =>
    (await page(openid, matterId)).detail.can.includes('openMediation')
  expect(await can(CAST.legalOfficer.openid, 'm-page-none')).toBe(true)
  expect(await can(CAST.legalOfficer.openid, 'm-page-failed')).toBe(false)
  expect(await can(CAST.committee.openid, 'm-page-none')).toBe(false)
  expect(await can(CAST.resident.openid, 'm-page-none')).toBe(false)
})

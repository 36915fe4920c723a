/**
 * Many callers at once on one pair, each call its own function instance: 50 confirmations of one
 * claim make exactly one ledger entry (the others hear CONFLICT, or BUSY), on the village's side
 * and on the provider's; 50 claims of one need with 50 different services leave exactly one claim,
 * on the need and on one service alone; 50 people entering one staff 启用码 — one gets the record.
 */
import { createHash } from 'node:crypto'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Need, Service, Staff } from '../../../types/model/township'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast } from '../support/fixtures'
import { claimedPair, seedLists, storedNeed, storedService } from '../support/listFixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { DISTRICT, seedDistrict, staff, STAFF, TOWNSHIP_A } from '../support/townshipFixtures'

let backend: Backend
const N = 50

beforeAll(async () => {
  backend = await startBackend({ functionConcurrency: 10, functionQueueLimit: 400 })
  await seedCast(backend)
  await seedDistrict(backend)
})
afterAll(() => backend.close())

const ledgerOf = async (needId: string) =>
  (await backend.all(COLLECTION.ledger)).filter((e) => e.needId === needId)

describe('races on the two lists', () => {
  it('50 confirmations of a provider’s claim by the committee: one ledger entry', async () => {
    const { need, service } = claimedPair('race-n1', 'race-s1', 'provider', STAFF.townshipA._id)
    seedLists(backend, { needs: [need], services: [service] })
    const { tally } = await race(
      'confirmClaim by the village',
      Array.from(
        { length: N },
        () => () =>
          backend.call(CAST.committee.openid, 'township', 'confirmClaim', { needId: 'race-n1' }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, N)
    expect(tally.ok).toBe(1)
    expect((tally.CONFLICT ?? 0) + (tally.BUSY ?? 0)).toBe(N - 1)
    expect(await ledgerOf('race-n1')).toHaveLength(1)
    const audits = (await backend.all(COLLECTION.auditLogs)).filter(
      (a) => a.action === 'confirmClaim' && a.subjectId === 'race-n1',
    )
    expect(audits).toHaveLength(1)
  }, 120_000)

  it('50 confirmations of a village’s claim by the provider: one ledger entry', async () => {
    const { need, service } = claimedPair('race-n2', 'race-s2', 'village', CAST.committee._id)
    seedLists(backend, { needs: [need], services: [service] })
    const { tally } = await race(
      'confirmClaim by the provider',
      Array.from(
        { length: N },
        () => () =>
          backend.call(STAFF.townshipA.openid, 'township', 'confirmClaim', { needId: 'race-n2' }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, N)
    expect(tally.ok).toBe(1)
    expect((tally.CONFLICT ?? 0) + (tally.BUSY ?? 0)).toBe(N - 1)
    expect(await ledgerOf('race-n2')).toHaveLength(1)
  }, 120_000)

  it('50 claims of one need with 50 services: one claim', async () => {
    const services = Array.from({ length: N }, (_, i) => storedService(`race-s3-${i}`))
    seedLists(backend, { needs: [storedNeed('race-n3')], services })
    const { results, tally } = await race(
      'claimNeed with different services',
      services.map(
        (s) => () =>
          backend.call(STAFF.townshipA.openid, 'township', 'claimNeed', {
            needId: 'race-n3',
            serviceId: s._id,
          }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, N)
    expect(tally.ok).toBe(1)
    expect((tally.CONFLICT ?? 0) + (tally.BUSY ?? 0)).toBe(N - 1)
    const winner = services[results.findIndex((r) => r.ok)]?._id
    const need = (await backend.all(COLLECTION.needs)).find((n) => n._id === 'race-n3') as
      Need | undefined
    expect(need?.claim?.serviceId).toBe(winner)
    const claimed = ((await backend.all(COLLECTION.services)) as unknown as Service[]).filter(
      (s) => s._id.startsWith('race-s3-') && s.status !== 'open',
    )
    expect(claimed.map((s) => [s._id, s.status, s.claim?.needId])).toEqual([
      [winner, 'claimed', 'race-n3'],
    ])
  }, 120_000)

  it('50 people entering one staff 启用码: one gets the record', async () => {
    const code = 'RACEKQ7PM4XZ'
    insert(backend, COLLECTION.staff, [
      staff(
        'race-staff',
        { kind: 'township', districtId: DISTRICT, townshipId: TOWNSHIP_A },
        {
          openid: undefined,
          founding: {
            codeHash: createHash('sha256').update(code).digest('hex'),
            issuedAt: new Date('2026-11-20T00:00:00Z'),
          },
        },
      ),
    ])
    const { results, tally } = await race(
      'claimStaff of one code',
      Array.from(
        { length: N },
        (_, i) => () => backend.call(`openid-new-staff-${i}`, 'township', 'claimStaff', { code }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, N)
    expect(tally.ok).toBe(1)
    expect((tally.NOT_FOUND ?? 0) + (tally.BUSY ?? 0)).toBe(N - 1)
    const winner = results.findIndex((r) => r.ok)
    const record = (await backend.all(COLLECTION.staff)).find((s) => s._id === 'race-staff') as
      Staff | undefined
    expect(record?.openid).toBe(`openid-new-staff-${winner}`)
    expect(record && 'founding' in record).toBe(false)
  }, 120_000)
})

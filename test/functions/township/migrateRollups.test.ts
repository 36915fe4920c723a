/**
 * The rollups migration (cloudfunctions/township/migrateRollups.ts, in `npm run migrate`) on
 * records of the shape before the dashboards — matters, a rating and a ledger entry with no
 * rollups — and one wrong rollup: the village-months recounted, written in shard 0 as counted here
 * by hand, the wrong shard removed; a second run changes nothing (the whole database compared).
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { migrateRollups } from '../../../cloudfunctions/township/migrateRollups'
import { emptyRollup } from '../../../domain/dashboard/metrics'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter, VILLAGE_A, VILLAGE_B } from '../support/fixtures'
import { seedLists, storedEntry } from '../support/listFixtures'
import { snapshot } from '../support/snapshot'
import { seedDistrict } from '../support/townshipFixtures'

let backend: Backend
const at = (local: string) => new Date(`${local}+08:00`)

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  await seedDistrict(backend)
  insert(backend, COLLECTION.matters, [
    // raised 2 October, accepted in time on the 4th, resolved on the 20th
    storedMatter('old-1', {
      status: 'resolved',
      raisedAt: at('2026-10-02T10:00:00'),
      respondBy: at('2026-10-05T10:00:00'),
      statusAt: {
        raised: at('2026-10-02T10:00:00'),
        accepted: at('2026-10-04T10:00:00'),
        resolved: at('2026-10-20T10:00:00'),
      },
    }),
    // raised 30 October, due 2 November, declined late on the 3rd
    storedMatter('old-2', {
      status: 'declined',
      raisedAt: at('2026-10-30T10:00:00'),
      respondBy: at('2026-11-02T10:00:00'),
      statusAt: { raised: at('2026-10-30T10:00:00'), declined: at('2026-11-03T10:00:00') },
    }),
    // the committee's topic, opened (accepted) 5 November: no clock
    storedMatter('old-3', {
      origin: 'committee',
      status: 'accepted',
      raisedBy: CAST.committee._id,
      raisedAt: at('2026-11-05T10:00:00'),
      respondBy: at('2026-11-05T10:00:00'),
      statusAt: { raised: at('2026-11-05T10:00:00'), accepted: at('2026-11-05T10:00:00') },
    }),
    // village B: raised 10 November, withdrawn before its deadline (not a clock)
    storedMatter('old-4', {
      villageId: VILLAGE_B,
      status: 'withdrawn',
      raisedBy: CAST.otherCommittee._id,
      raisedAt: at('2026-11-10T10:00:00'),
      respondBy: at('2026-11-13T10:00:00'),
      statusAt: { raised: at('2026-11-10T10:00:00'), withdrawn: at('2026-11-11T10:00:00') },
    }),
  ])
  insert(backend, COLLECTION.ratings, [
    {
      _id: `old-1_${CAST.resident._id}`,
      villageId: VILLAGE_A,
      matterId: 'old-1',
      memberId: CAST.resident._id,
      score: 4,
      at: at('2026-10-25T10:00:00'),
    },
  ])
  // matched in October, completed 10 November
  seedLists(backend, {
    ledger: [
      storedEntry('old-e', 'old-n', 'old-s', {
        month: '2026-10',
        status: 'completed',
        completedAt: at('2026-11-10T10:00:00'),
      }),
    ],
  })
  // a wrong count in another shard of village A's November
  insert(backend, COLLECTION.rollups, [
    {
      ...emptyRollup(VILLAGE_A, '2026-11'),
      raised: 5,
      _id: `${VILLAGE_A}_2026-11_3`,
      villageId: VILLAGE_A,
      updatedAt: at('2026-11-01T00:00:00'),
    },
  ])
})
afterAll(() => backend.close())

const stored = (villageId: string, month: string, counts: Record<string, number>) => ({
  ...emptyRollup(villageId, month),
  ...counts,
  _id: `${villageId}_${month}_0`,
  villageId,
  updatedAt: TEST_NOW,
})

it('recounts each village-month from its records, and a second run changes nothing', async () => {
  // A October, A November, B November
  expect(await migrateRollups(backend.db, TEST_NOW)).toBe(3)
  const rollups = (await backend.all(COLLECTION.rollups)).sort((a, b) =>
    String(a._id).localeCompare(String(b._id)),
  )
  expect(rollups).toEqual([
    // old-1 and old-2 raised; old-1's clock in time; old-1 accepted and resolved; the rating of 4;
    // the ledger entry made
    stored(VILLAGE_A, '2026-10', {
      raised: 2,
      due: 1,
      answeredInTime: 1,
      accepted: 1,
      resolved: 1,
      ratings: 1,
      satisfied: 1,
      matchesMade: 1,
    }),
    // old-2's clock, late; old-3 accepted; the entry completed (shard 3's wrong count is gone)
    stored(VILLAGE_A, '2026-11', { due: 1, accepted: 1, matchesCompleted: 1 }),
    // old-4 raised only
    stored(VILLAGE_B, '2026-11', { raised: 1 }),
  ])
  const before = await snapshot(backend)
  expect(await migrateRollups(backend.db, new Date(TEST_NOW.getTime() + 60_000))).toBe(0)
  expect(await snapshot(backend)).toEqual(before)

  const res = await backend.call(CAST.committee.openid, 'township', 'getDashboard', {
    unit: 'village',
    month: '2026-10',
  })
  expect(res.ok && res.data.current.responseRate).toEqual({
    numerator: 1,
    denominator: 1,
    text: '100.0%',
  })
})

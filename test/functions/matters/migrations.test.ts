/**
 * The matters migrations on old-shaped data. Agendas: one document per talk day with a list of matter ids
 * and the minutes by matter becomes one slot per matter, same order, same minutes; running it
 * again changes nothing. Rating entries: off the timeline, who and when kept.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { migrateAgendas } from '../../../cloudfunctions/matters/migrateAgendas'
import { migrateRatingEntries } from '../../../cloudfunctions/matters/migrateRatingEntries'
import { migrate } from '../../../scripts/migrate'
import type { Envelope } from '../../../types/api'
import type { LegacyAgenda } from '../../../types/model/matter'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter, VILLAGE_A } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend
const at = new Date('2026-03-01T02:00:00Z')
const minutes = { text: '大家同意先修东头。', by: '村民mod', at }

const OLD: LegacyAgenda[] = [
  {
    _id: `${VILLAGE_A}_2099-01-04`,
    villageId: VILLAGE_A,
    date: '2099-01-04',
    matterIds: ['mg-3', 'mg-1', 'mg-2'],
    minutes: { 'mg-1': minutes },
    updatedAt: at,
  },
  {
    _id: `${VILLAGE_A}_2099-01-14`,
    villageId: VILLAGE_A,
    date: '2099-01-14',
    matterIds: [],
    minutes: {},
    updatedAt: at,
  },
]

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(
    backend,
    COLLECTION.matters,
    ['mg-1', 'mg-2', 'mg-3'].map((id) =>
      storedMatter(id, { status: 'accepted', talkDay: '2099-01-04' }),
    ),
  )
  insert(backend, COLLECTION.agendas, OLD)
})
afterAll(() => backend.close())

function data<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
  return res.data
}

it('turns each old agenda into its slots, in order with the minutes, and removes it', async () => {
  expect(await migrateAgendas(backend.db)).toEqual({ agendas: 2, slots: 3 })
  expect(await backend.all(COLLECTION.agendas)).toEqual([])
  const slots = (await backend.all(COLLECTION.agendaSlots)).sort((a, b) =>
    String(a._id).localeCompare(String(b._id)),
  )
  expect(slots).toEqual([
    {
      _id: `${VILLAGE_A}_2099-01-04_1`,
      villageId: VILLAGE_A,
      date: '2099-01-04',
      slot: 1,
      matterId: 'mg-3',
      position: 1,
      placedAt: at,
    },
    {
      _id: `${VILLAGE_A}_2099-01-04_2`,
      villageId: VILLAGE_A,
      date: '2099-01-04',
      slot: 2,
      matterId: 'mg-1',
      position: 2,
      minutes,
      placedAt: at,
    },
    {
      _id: `${VILLAGE_A}_2099-01-04_3`,
      villageId: VILLAGE_A,
      date: '2099-01-04',
      slot: 3,
      matterId: 'mg-2',
      position: 3,
      placedAt: at,
    },
  ])
  const list = data(
    await backend.call(CAST.resident.openid, 'matters', 'listMatters', { talkDay: '2099-01-04' }),
  )
  expect(list.items.map((m) => m.id)).toEqual(['mg-3', 'mg-1', 'mg-2'])
})

it('run again, it changes nothing', async () => {
  const before = await snapshot(backend)
  expect(await migrateAgendas(backend.db)).toEqual({ agendas: 0, slots: 0 })
  expect(await snapshot(backend)).toEqual(before)
})

it('an old agenda that appears later (a second data copy) is migrated on the next run', async () => {
  insert(backend, COLLECTION.agendas, [
    { ...OLD[1], _id: `${VILLAGE_A}_2099-01-24`, date: '2099-01-24', matterIds: ['mg-x'] },
  ])
  expect(await migrateAgendas(backend.db)).toEqual({ agendas: 1, slots: 1 })
  expect(await backend.all(COLLECTION.agendas)).toEqual([])
  expect((await backend.all(COLLECTION.agendaSlots)).map((s) => s._id)).toContain(
    `${VILLAGE_A}_2099-01-24_1`,
  )
})

describe('ratings off the timeline', () => {
  const old = (id: string, subjectId: string) => ({
    _id: id,
    villageId: VILLAGE_A,
    subjectType: 'matter',
    subjectId,
    action: 'rateMatter',
    actorId: CAST.resident._id,
    actorName: CAST.resident.name,
    at,
    note: '评价 2 星',
  })

  it('old rating entries leave the timeline, keep who and when; a second run changes nothing', async () => {
    insert(backend, COLLECTION.auditLogs, [old('ra-1', 'mg-1'), old('ra-2', 'mg-2')])
    expect(await migrateRatingEntries(backend.db)).toBe(2)
    const entries = (await backend.all(COLLECTION.auditLogs)).filter((a) =>
      String(a._id).startsWith('ra-'),
    )
    const moved = (id: string, subjectId: string) => ({
      _id: id,
      villageId: VILLAGE_A,
      subjectType: 'rating',
      subjectId,
      action: 'rateMatter',
      actorId: CAST.resident._id,
      actorName: CAST.resident.name,
      at,
    })
    expect(entries).toEqual([moved('ra-1', 'mg-1'), moved('ra-2', 'mg-2')])
    const detail = data(
      await backend.call(CAST.resident.openid, 'matters', 'getMatter', { matterId: 'mg-1' }),
    )
    expect(detail.timeline.map((e) => e.action)).not.toContain('rateMatter')
    const before = await snapshot(backend)
    expect(await migrateRatingEntries(backend.db)).toBe(0)
    expect(await snapshot(backend)).toEqual(before)
  })
})

it('npm run migrate runs both: an old agenda and an old rating entry, then nothing more', async () => {
  insert(backend, COLLECTION.agendas, [
    { ...OLD[1], _id: `${VILLAGE_A}_2099-02-04`, date: '2099-02-04', matterIds: ['mg-y'] },
  ])
  insert(backend, COLLECTION.auditLogs, [
    {
      _id: 'ra-3',
      villageId: VILLAGE_A,
      subjectType: 'matter',
      subjectId: 'mg-3',
      action: 'rateMatter',
      actorId: CAST.resident._id,
      actorName: CAST.resident.name,
      at,
      note: '评价 4 星',
    },
  ])
  const serviceUrl = backend.emulator.serviceUrl
  expect(await migrate({ serviceUrl })).toEqual([
    { name: 'statements: hiding null → no hiding field', changed: 0 },
    { name: 'agendas: one document per day → agenda slots', changed: 1 },
    { name: 'timeline: rating entries → audit records off the timeline', changed: 1 },
    { name: 'statements: report list → one document per report', changed: 0 },
    { name: 'register: household names → persons', changed: 0 },
    // villages A and B are stored as before invite codes
    { name: 'villages: no invite code → a unique invite code', changed: 2 },
    // village A's matters, all raised and accepted on 1 February 2026: one village-month
    { name: 'dashboards: records before rollups → rollups per village and month', changed: 1 },
  ])
  expect(await backend.all(COLLECTION.agendas)).toEqual([])
  expect((await backend.all(COLLECTION.agendaSlots)).map((s) => s._id)).toContain(
    `${VILLAGE_A}_2099-02-04_1`,
  )
  expect((await backend.all(COLLECTION.auditLogs)).find((a) => a._id === 'ra-3')).toEqual({
    _id: 'ra-3',
    villageId: VILLAGE_A,
    subjectType: 'rating',
    subjectId: 'mg-3',
    action: 'rateMatter',
    actorId: CAST.resident._id,
    actorName: CAST.resident.name,
    at,
  })
  const before = await snapshot(backend)
  expect((await migrate({ serviceUrl })).filter((r) => r.changed !== 0)).toEqual([])
  expect(await snapshot(backend)).toEqual(before)
})

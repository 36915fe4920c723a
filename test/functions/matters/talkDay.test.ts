/**
 * The talk-day rules on the emulator's fixed clock: the discussion starts on the matter's 说事日
 * (Shanghai date) or at once for an urgent matter; minutes only for a matter on that day's agenda,
 * from that day on.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter, VILLAGE_A } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend
const DAY = '2026-11-24'

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.matters, [
    storedMatter('td-on', { status: 'accepted', talkDay: DAY }),
    storedMatter('td-off', { status: 'accepted', talkDay: DAY }),
    storedMatter('td-urgent', { status: 'accepted', urgent: true }),
  ])
  insert(backend, COLLECTION.agendaSlots, [
    {
      _id: `${VILLAGE_A}_${DAY}_1`,
      villageId: VILLAGE_A,
      date: DAY,
      slot: 1,
      matterId: 'td-on',
      position: 1,
      placedAt: new Date('2026-11-10T00:00:00Z'),
    },
  ])
})
afterAll(() => backend.close())

const start = (matterId: string) =>
  backend.call(CAST.moderator.openid, 'matters', 'startDiscussion', { matterId })
const minutes = (matterId: string) =>
  backend.call(CAST.moderator.openid, 'matters', 'recordMinutes', {
    matterId,
    talkDay: DAY,
    text: '大家同意。',
  })

it('the evening before (23:59 in Shanghai): neither starts, nothing written', async () => {
  backend.emulator.clock.set('2026-11-23T23:59:00+08:00')
  const before = await snapshot(backend)
  expect(await start('td-on')).toEqual({
    ok: false,
    error: { code: 'CONFLICT', message: '这件事排在 2026-11-24 说事日，到那天才能开始议事。' },
  })
  expect(await minutes('td-on')).toEqual({
    ok: false,
    error: { code: 'CONFLICT', message: '说事日当天开始、议事结束之前才能记录会议纪要。' },
  })
  expect(await snapshot(backend)).toEqual(before)
})

it('an urgent matter starts at once, any day', async () => {
  backend.emulator.clock.set('2026-11-23T23:59:00+08:00')
  expect(await start('td-urgent')).toEqual({ ok: true, data: { ok: true } })
})

it('on the talk day (00:01 in Shanghai, still the 23rd in UTC): minutes and the discussion', async () => {
  backend.emulator.clock.set('2026-11-24T00:01:00+08:00')
  expect(await minutes('td-on')).toEqual({ ok: true, data: { ok: true } })
  expect(await start('td-on')).toEqual({ ok: true, data: { ok: true } })
  const { data } = await backend.db
    .collection(COLLECTION.agendaSlots)
    .doc(`${VILLAGE_A}_${DAY}_1`)
    .get()
  expect((data as Array<Record<string, unknown>>)[0]?.minutes).toEqual({
    text: '大家同意。',
    by: CAST.moderator.name,
    at: new Date('2026-11-23T16:01:00Z'),
  })
})

it('minutes for a matter not on that day’s agenda are refused, nothing written', async () => {
  backend.emulator.clock.set('2026-11-24T10:00:00+08:00')
  const before = await snapshot(backend)
  expect(await minutes('td-off')).toEqual({
    ok: false,
    error: { code: 'CONFLICT', message: '这件事不在那天的议程上。' },
  })
  expect(await snapshot(backend)).toEqual(before)
})

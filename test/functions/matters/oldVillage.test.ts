/**
 * A village stored before its settings (or talk days) existed: every function reads it with the
 * defaults (10 per agenda, 3 days to respond, 7 days to rate, 逢四), never INTERNAL or an Invalid
 * Date.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Envelope } from '../../../types/api'
import { startBackend, type Backend } from '../support/backend'
import { insert, member, storedMatter } from '../support/fixtures'

const OLD = 'village-old'
const chair = member('old-com', OLD, ['resident', 'committee'])
const folk = member('old-res', OLD, ['resident'])

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  // The shape of a village document before settings, counts and talk days were stored.
  insert(backend, COLLECTION.villages, [
    { _id: OLD, name: '老村', createdAt: new Date('2025-01-01T00:00:00Z') },
  ])
  insert(backend, COLLECTION.members, [chair, folk])
  insert(backend, COLLECTION.matters, [
    storedMatter('old-handling', {
      villageId: OLD,
      status: 'handling',
      raisedBy: folk._id,
      handling: {
        handlerId: folk._id,
        handlerName: folk.name,
        deadline: '2030-01-01',
        assignedAt: new Date('2026-02-02T00:00:00Z'),
        reports: [],
      },
    }),
  ])
})
afterAll(() => backend.close())

function data<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
  return res.data
}

async function stored(id: string): Promise<Record<string, unknown>> {
  const { data: rows } = await backend.db.collection(COLLECTION.matters).doc(id).get()
  return (rows as Array<Record<string, unknown>>)[0] ?? {}
}

const DAY_MS = 86_400_000

it('raising answers a response deadline of 3 days, accepting the next 逢四 talk day', async () => {
  const { matterId } = data(
    await backend.call(folk.openid, 'matters', 'raiseMatter', {
      title: '井盖松了',
      body: '走过去会响。',
      photos: [],
    }),
  )
  const m = await stored(matterId)
  const deadline = new Date(m.respondBy as string).getTime()
  expect(deadline - new Date(m.raisedAt as string).getTime()).toBe(3 * DAY_MS)
  const accepted = data(
    await backend.call(chair.openid, 'matters', 'acceptMatter', { category: 'other', matterId }),
  )
  // The emulator's fixed clock is Saturday 2026-11-21 in Shanghai: the next 逢四 day is the 24th.
  expect(accepted.talkDay).toBe('2026-11-24')
})

it('resolving sets a rating window of 7 days', async () => {
  data(
    await backend.call(folk.openid, 'matters', 'resolveMatter', {
      matterId: 'old-handling',
      outcome: '修好了。',
    }),
  )
  const m = await stored('old-handling')
  const resolvedAt = new Date((m.statusAt as Record<string, string>).resolved).getTime()
  expect(new Date(m.ratingEndsAt as string).getTime() - resolvedAt).toBe(7 * DAY_MS)
})

it('the village function shows the defaults', async () => {
  expect(data(await backend.call(folk.openid, 'village', 'getVillage', {}))).toEqual({
    id: OLD,
    name: '老村',
    talkDays: [4, 14, 24],
    counts: { adults: 0, households: 0, representatives: 0 },
    settings: {
      agendaSize: 10,
      responseDeadlineDays: 3,
      reportThreshold: 3,
      ratingWindowDays: 7,
      pollNoticeDays: 3,
      proxyLimit: 3,
    },
  })
})

/**
 * A long timeline: newest first, the latest entries always on the detail screen, older ones paged
 * through listTimeline without a repeat or a gap (entries at the same instant too), and ratings
 * only counted, never listed.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Envelope } from '../../../types/api'
import type { AuditRecord } from '../../../types/model/audit'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter, VILLAGE_A } from '../support/fixtures'

let backend: Backend
const T0 = new Date('2026-03-01T00:00:00Z').getTime()
const ID = 'm-long'

/** 130 entries: two at each minute (same instant), then the closing one; 190 ratings beside. */
function entries(): AuditRecord[] {
  const out: AuditRecord[] = []
  for (let i = 0; i < 130; i += 1) {
    out.push({
      _id: `e-${String(i).padStart(3, '0')}`,
      villageId: VILLAGE_A,
      subjectType: 'matter',
      subjectId: ID,
      action: 'reportProgress',
      actorId: CAST.committee._id,
      actorName: CAST.committee.name,
      at: new Date(T0 + Math.floor(i / 2) * 60_000),
      note: `进展 ${i}`,
    })
  }
  out.push({
    _id: 'e-close',
    villageId: VILLAGE_A,
    subjectType: 'matter',
    subjectId: ID,
    action: 'closeMatter',
    actorId: CAST.moderator._id,
    actorName: CAST.moderator.name,
    at: new Date(T0 + 200 * 60_000),
    from: 'resolved',
    to: 'closed',
  })
  for (let i = 0; i < 190; i += 1) {
    out.push({
      _id: `r-${i}`,
      villageId: VILLAGE_A,
      subjectType: 'rating',
      subjectId: ID,
      action: 'rateMatter',
      actorId: `someone-${i}`,
      actorName: `村民${i}`,
      at: new Date(T0 + 100 * 60_000 + i),
    })
  }
  return out
}

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.matters, [
    storedMatter(ID, { status: 'closed', rating: { count: 190, sum: 760, raters: [] } }),
  ])
  insert(backend, COLLECTION.auditLogs, entries())
})
afterAll(() => backend.close())

function data<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
  return res.data
}

it('the detail shows the latest 50 entries, closing first; paging reads every entry once', async () => {
  const d = data(await backend.call(CAST.resident.openid, 'matters', 'getMatter', { matterId: ID }))
  expect(d.timeline).toHaveLength(50)
  expect(d.timeline[0]).toMatchObject({ action: 'closeMatter', to: 'closed' })
  expect(d.timeline[1]?.note).toBe('进展 129')
  expect(d.rating).toMatchObject({ count: 190, average: 4 })
  const notes = d.timeline.map((e) => e.note ?? e.action)
  let cursor = d.timelineCursor
  for (let page = 0; cursor && page < 10; page += 1) {
    const next = data(
      await backend.call(CAST.resident.openid, 'matters', 'listTimeline', {
        matterId: ID,
        cursor,
        limit: 40,
      }),
    )
    notes.push(...next.items.map((e) => e.note ?? e.action))
    cursor = next.nextCursor
  }
  const expected = ['closeMatter', ...Array.from({ length: 130 }, (_, i) => `进展 ${129 - i}`)]
  expect(notes).toEqual(expected)
})

it('a stranger reads no timeline', async () => {
  const res = await backend.call('openid-nobody', 'matters', 'listTimeline', { matterId: ID })
  expect(res).toMatchObject({
    ok: false,
    error: { code: expect.stringMatching(/^(UNAUTHENTICATED|NOT_FOUND)$/) },
  })
})

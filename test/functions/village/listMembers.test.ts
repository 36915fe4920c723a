/**
 * The committee's member list pages in a stable order (oldest request first, the id breaking
 * ties) and says when more follow, instead of stopping silently.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Envelope } from '../../../types/api'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, member, seedCast, VILLAGE_A } from '../support/fixtures'

let backend: Backend
const T0 = new Date('2026-01-05T00:00:00Z').getTime()

// 65 more members of village A, three requests in each minute (equal requestedAt), ids shuffled.
const MORE = Array.from({ length: 65 }, (_, i) =>
  member(`pg-${String((i * 37) % 65).padStart(2, '0')}`, VILLAGE_A, ['resident'], {
    requestedAt: new Date(T0 + Math.floor(i / 3) * 60_000),
  }),
)

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.members, MORE)
})
afterAll(() => backend.close())

function data<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
  return res.data
}

it('pages through every member once, in (requestedAt, id) order, with an honest "more"', async () => {
  const seen: string[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const page = data(
      await backend.call(CAST.committee.openid, 'village', 'listMembers', { limit: 20, cursor }),
    )
    seen.push(...page.members.map((m) => m.id))
    cursor = page.nextCursor
    pages += 1
  } while (cursor && pages < 10)
  // The cast asked on 2026-01-02, before every one of MORE.
  const cast = Object.values(CAST)
    .filter((m) => m.villageId === VILLAGE_A)
    .map((m) => m._id)
    .sort()
  const more = [...MORE]
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || (a._id < b._id ? -1 : 1))
    .map((m) => m._id)
  expect(seen).toEqual([...cast, ...more])
  expect(pages).toBe(4)
})

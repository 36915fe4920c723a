/**
 * listNeeds and listServices: newest first, 20 a page, with a cursor that neither repeats nor
 * skips an entry (two entries at the same instant included); by status when asked. 东镇's staff
 * see 东镇's lists, 西街道's staff none of them; village A's committee sees its own needs and the
 * services open on 东镇's list; village B's committee sees neither.
 */
import type { NeedView, ServiceView } from '../../../types/api/township'
import { startBackend, type Backend } from '../support/backend'
import { CAST, seedCast, VILLAGE_B } from '../support/fixtures'
import { seedLists, storedNeed, storedService } from '../support/listFixtures'
import { seedDistrict, STAFF, TOWNSHIP_B } from '../support/townshipFixtures'

let backend: Backend
const tsa = STAFF.townshipA.openid as string
const tsb = STAFF.townshipB.openid as string

/** 25 needs of village A, one a minute, the 11th and 12th at the same instant; 3 of them claimed. */
const at = (i: number) => new Date(Date.UTC(2026, 10, 1, 0, i === 12 ? 11 : i))
const NEEDS = Array.from({ length: 25 }, (_, i) =>
  storedNeed(`l-need-${String(i).padStart(2, '0')}`, {
    createdAt: at(i),
    ...(i % 10 === 3 ? { status: 'matched' as const } : {}),
  }),
)

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  await seedDistrict(backend)
  seedLists(backend, {
    needs: [...NEEDS, storedNeed('l-need-b', { villageId: VILLAGE_B, townshipId: TOWNSHIP_B })],
    services: [
      storedService('l-svc-open'),
      storedService('l-svc-matched', { status: 'matched' }),
      storedService('l-svc-west', { townshipId: TOWNSHIP_B }),
    ],
  })
})
afterAll(() => backend.close())

async function everyPage(openid: string, payload: Record<string, unknown> = {}) {
  const pages: string[][] = []
  let cursor: string | undefined
  do {
    const res = await backend.call(openid, 'township', 'listNeeds', {
      ...payload,
      ...(cursor ? { cursor } : {}),
    })
    if (!res.ok) throw new Error(JSON.stringify(res))
    pages.push(res.data.items.map((n: NeedView) => n.id))
    cursor = res.data.nextCursor
  } while (cursor)
  return pages
}

/** The ids newest first, ties by id descending, as the pages must give them. */
const newestFirst = (ids: string[]) =>
  NEEDS.filter((n) => ids.includes(n._id))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1))
    .map((n) => n._id)

describe('the lists', () => {
  it('pages 东镇’s needs for its staff: 20, then 5, nothing repeated or skipped', async () => {
    const pages = await everyPage(tsa)
    expect(pages.map((p) => p.length)).toEqual([20, 5])
    expect(pages.flat()).toEqual(newestFirst(NEEDS.map((n) => n._id)))
  })

  it('by status', async () => {
    const pages = await everyPage(tsa, { status: 'matched' })
    expect(pages).toEqual([['l-need-23', 'l-need-13', 'l-need-03']])
  })

  it('the committee pages its own village’s needs; village B’s sees only its own', async () => {
    expect((await everyPage(CAST.committee.openid)).flat()).toEqual(
      newestFirst(NEEDS.map((n) => n._id)),
    )
    expect(await everyPage(CAST.otherCommittee.openid)).toEqual([['l-need-b']])
    expect(await everyPage(tsb)).toEqual([['l-need-b']])
  })

  it('services: the staff see every status of their township’s, a committee the open ones', async () => {
    const ids = async (openid: string, payload: Record<string, unknown> = {}) => {
      const res = await backend.call(openid, 'township', 'listServices', payload)
      return res.ok ? res.data.items.map((s: ServiceView) => s.id).sort() : res.error.code
    }
    expect(await ids(tsa)).toEqual(['l-svc-matched', 'l-svc-open'])
    expect(await ids(tsa, { status: 'matched' })).toEqual(['l-svc-matched'])
    expect(await ids(CAST.committee.openid)).toEqual(['l-svc-open'])
    expect(await ids(CAST.otherCommittee.openid)).toEqual(['l-svc-west'])
    expect(await ids(tsb)).toEqual(['l-svc-west'])
  })

  it('a cursor that is not one of ours is refused', async () => {
    expect(await backend.call(tsa, 'township', 'listNeeds', { cursor: 'x' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '翻页位置不对' },
    })
  })
})

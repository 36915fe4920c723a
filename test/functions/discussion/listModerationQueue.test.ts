/**
 * 审核: the moderators' queue of the whole village (discussion.listModerationQueue). Statements of
 * every kind are stored by hand; the expected queue is written out: hidden ones waiting for review
 * first, then reported ones still in sight, then hidden ones already reviewed, oldest first within
 * each; never a deleted one, one whose reports all came before a restore, or another village's.
 */
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import {
  matterIn,
  seedReports,
  seedStatements,
  snapshot,
  statementBy,
  WRITER,
} from '../support/discussionFixtures'
import { CAST, insert, member, seedCast, VILLAGE_A, VILLAGE_B } from '../support/fixtures'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'

let backend: Backend
const MIN = 60_000
const OTHER_MATTER = 'm-other'
const B_MATTER = 'm-b'
const B_WRITER = member('bwri', VILLAGE_B, ['resident'])
const B_MOD = member('bmod', VILLAGE_B, ['resident', 'moderator'])

const pending = (by: 'reports' | 'contentCheck', agoMs: number) => ({
  hidden: true,
  hiding: { by, at: new Date(TEST_NOW.getTime() - agoMs), pendingReview: true },
})
const reviewed = {
  hidden: true,
  hiding: {
    by: 'moderator' as const,
    at: TEST_NOW,
    moderatorId: CAST.moderator._id,
    reason: '骂人',
    pendingReview: false,
  },
}

// ids chosen so that the expected order is not the order of the ids
const S = {
  pendingNew: statementBy(WRITER, 'm-open', {
    _id: 'q-a',
    agoMs: 10 * MIN,
    ...pending('reports', 5 * MIN),
  }),
  pendingOld: statementBy(WRITER, OTHER_MATTER, {
    _id: 'q-b',
    agoMs: 50 * MIN,
    ...pending('contentCheck', 50 * MIN),
  }),
  reportedNew: statementBy(WRITER, 'm-open', { _id: 'q-c', agoMs: 20 * MIN }),
  reportedOld: statementBy(WRITER, 'm-open', { _id: 'q-d', agoMs: 40 * MIN }),
  reviewed: statementBy(WRITER, 'm-open', { _id: 'q-e', agoMs: 60 * MIN, ...reviewed }),
  restored: statementBy(WRITER, 'm-open', {
    _id: 'q-f',
    agoMs: 70 * MIN,
    restoredAt: new Date(TEST_NOW.getTime() - 5 * MIN),
  }),
  deleted: statementBy(WRITER, 'm-open', { _id: 'q-g', agoMs: 80 * MIN, deleted: true, text: '' }),
  plain: statementBy(WRITER, 'm-open', { _id: 'q-h', agoMs: 90 * MIN }),
  otherVillage: statementBy(B_WRITER, B_MATTER, {
    _id: 'q-i',
    agoMs: 30 * MIN,
    ...pending('reports', 0),
  }),
}

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.members, [WRITER, B_WRITER, B_MOD])
  insert(backend, COLLECTION.matters, [
    matterIn('m-open', 'discussing', VILLAGE_A, { title: '停车位怎么分' }),
    matterIn(OTHER_MATTER, 'accepted', VILLAGE_A, { title: '路灯' }),
    matterIn(B_MATTER, 'discussing', VILLAGE_B, { title: '邻村的事' }),
  ])
  seedStatements(backend, Object.values(S))
  seedReports(backend, S.pendingNew, [
    CAST.resident._id,
    CAST.resident2._id,
    CAST.representative._id,
  ])
  seedReports(backend, S.reportedNew, [CAST.resident._id])
  seedReports(backend, S.reportedOld, [CAST.resident._id, CAST.resident2._id])
  // reported before the restore: no longer counts
  seedReports(backend, S.restored, [CAST.resident._id], {
    at: new Date(TEST_NOW.getTime() - 10 * MIN),
  })
  seedReports(backend, S.deleted, [CAST.resident._id])
  seedReports(backend, S.otherVillage, [B_WRITER._id])
})
afterAll(() => backend.close())

async function queue(openid: string, limit: number, cursor?: string) {
  const res = await backend.call(openid, 'discussion', 'listModerationQueue', { limit, cursor })
  if (!res.ok) throw new Error(res.error.message)
  return res.data
}

describe('discussion.listModerationQueue', () => {
  it('the whole queue in its order, with the matter, the text and the reports that still count', async () => {
    const { items, nextCursor } = await queue(CAST.moderator.openid, 50)
    expect(nextCursor).toBeUndefined()
    expect(
      items.map((i) => [
        i.id,
        i.matterId,
        i.matterTitle,
        i.state,
        i.moderation?.pendingReview,
        i.moderation?.reports,
        i.moderation?.hiddenBy,
      ]),
    ).toEqual([
      ['q-b', OTHER_MATTER, '路灯', 'hidden', true, 0, 'contentCheck'],
      ['q-a', 'm-open', '停车位怎么分', 'hidden', true, 3, 'reports'],
      ['q-d', 'm-open', '停车位怎么分', 'visible', false, 2, undefined],
      ['q-c', 'm-open', '停车位怎么分', 'visible', false, 1, undefined],
      ['q-e', 'm-open', '停车位怎么分', 'hidden', false, 0, 'moderator'],
    ])
    // moderators read the hidden text
    expect(items[0]?.text).toBe(S.pendingOld.text)
  })

  it('a page at a time: two, two, one, with no repeats', async () => {
    const ids: string[][] = []
    let cursor: string | undefined
    do {
      const page = await queue(CAST.moderator.openid, 2, cursor)
      ids.push(page.items.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(ids).toEqual([['q-b', 'q-a'], ['q-d', 'q-c'], ['q-e']])
  })

  it('the console and the run sheet count those still waiting for a moderator (4)', async () => {
    const c = await backend.call(CAST.committee.openid, 'matters', 'getConsole', {})
    const r = await backend.call(CAST.moderator.openid, 'matters', 'getRunSheet', {})
    expect([c.ok && c.data.moderationPending, r.ok && r.data.moderationPending]).toEqual([4, 4])
  })

  it('another village’s moderator sees theirs only', async () => {
    const { items } = await queue(B_MOD.openid, 50)
    expect(items.map((i) => i.id)).toEqual(['q-i'])
  })

  it('refuses the committee and residents (FORBIDDEN), the unverified (UNAUTHENTICATED), a bad cursor (INVALID_INPUT); writes nothing', async () => {
    const before = await snapshot(backend)
    for (const [openid, payload, code] of [
      [CAST.committee.openid, { limit: 20 }, 'FORBIDDEN'],
      [CAST.resident.openid, { limit: 20 }, 'FORBIDDEN'],
      [CAST.pending.openid, { limit: 20 }, 'UNAUTHENTICATED'],
      [undefined, { limit: 20 }, 'UNAUTHENTICATED'],
      [CAST.moderator.openid, { limit: 20, cursor: '9_1_x' }, 'INVALID_INPUT'],
      [CAST.moderator.openid, { limit: 51 }, 'INVALID_INPUT'],
    ] as const) {
      const res = await backend.call(openid, 'discussion', 'listModerationQueue', payload)
      expect({ openid, code: res.ok ? 'ok' : res.error.code }).toEqual({ openid, code })
    }
    expect(await snapshot(backend)).toEqual(before)
  })
})

/**
 * The matter page in one call (matters.getMatter): the discussion's first page exactly as
 * discussion.listStatements answers the same caller, the minutes of its talk days (oldest day
 * first), its polls (newest first, drafts only for the committee), the title of the matter it
 * was merged into, the rating window's end; summaries carry the decline reason and the merge
 * target. Expected values by hand.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { MatterDetail } from '../../../types/api/matters'
import type { AgendaSlot } from '../../../types/model/matter'
import { TEST_NOW, type Backend } from '../support/backend'
import {
  discussionBackend,
  matterIn,
  OPEN_MATTER,
  seedReports,
  statementBy,
  WRITER,
} from '../support/discussionFixtures'
import { CAST, insert, VILLAGE_A } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend
const MIN = 60_000

/** 23 statements, one a minute, the oldest first; the 3rd is hidden, the 5th deleted. */
const STATEMENTS = Array.from({ length: 23 }, (_, i) =>
  statementBy(WRITER, OPEN_MATTER, {
    _id: `gm-st-${String(i + 1).padStart(2, '0')}`,
    text: `发言 ${i + 1}`,
    agoMs: (60 - i) * MIN,
    ...(i === 2
      ? {
          hidden: true,
          hiding: { by: 'reports' as const, at: TEST_NOW, pendingReview: true },
        }
      : {}),
    ...(i === 4 ? { deleted: true } : {}),
  }),
)

function minutesSlot(date: string, text: string | undefined): AgendaSlot {
  return {
    _id: `${VILLAGE_A}_${date}_1`,
    villageId: VILLAGE_A,
    date,
    slot: 1,
    matterId: OPEN_MATTER,
    position: 1,
    placedAt: new Date('2026-10-01T00:00:00Z'),
    ...(text
      ? { minutes: { text, by: CAST.moderator._id, at: new Date(`${date}T10:00:00Z`) } }
      : {}),
  }
}

const poll = (id: string, status: 'draft' | 'open' | 'closed', createdDay: number) => ({
  _id: id,
  villageId: VILLAGE_A,
  matterId: OPEN_MATTER,
  question: `问题${id}`,
  kind: 'yesNo',
  body: 'consult',
  secret: true,
  status,
  closesAt: new Date('2026-11-28T12:00:00Z'),
  createdBy: CAST.committee._id,
  createdAt: new Date(Date.UTC(2026, 10, createdDay)),
  updatedAt: new Date(Date.UTC(2026, 10, createdDay)),
})

beforeAll(async () => {
  backend = await discussionBackend({
    statements: STATEMENTS,
    matters: [
      matterIn('gm-target', 'accepted', VILLAGE_A, { title: '修村东的路' }),
      matterIn('gm-merged', 'merged', VILLAGE_A, { mergedInto: 'gm-target' }),
      matterIn('gm-declined', 'declined', VILLAGE_A, { declineReason: '不归村里管' }),
      matterIn('gm-resolved', 'resolved', VILLAGE_A, {
        ratingEndsAt: new Date('2026-11-28T00:00:00Z'),
        outcome: '修好了',
      }),
    ],
  })
  seedReports(backend, STATEMENTS[2], [CAST.resident._id, CAST.resident2._id])
  insert(backend, COLLECTION.agendaSlots, [
    minutesSlot('2026-11-14', '同意先修路'),
    minutesSlot('2026-11-04', '大家说了路的情况'),
    minutesSlot('2026-11-24', undefined),
  ])
  insert(backend, COLLECTION.polls, [
    poll('gm-p-old', 'closed', 5),
    poll('gm-p-open', 'open', 10),
    poll('gm-p-draft', 'draft', 15),
  ])
})
afterAll(() => backend.close())

async function detail(openid: string, matterId: string): Promise<MatterDetail> {
  const res = await backend.call(openid, 'matters', 'getMatter', { matterId })
  if (!res.ok) throw new Error(JSON.stringify(res))
  return res.data
}

describe('the discussion on the matter page', () => {
  it('is the first 20 statements, oldest first, as this caller may read them', async () => {
    const before = await snapshot(backend)
    const d = await detail(CAST.resident.openid, OPEN_MATTER)
    expect(d.discussion.items.map((s) => s.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `gm-st-${String(i + 1).padStart(2, '0')}`),
    )
    expect(d.discussion.items.slice(1, 5).map((s) => [s.text, s.state])).toEqual([
      ['发言 2', 'visible'],
      ['该发言已被隐藏', 'hidden'],
      ['发言 4', 'visible'],
      ['该发言已被删除', 'deleted'],
    ])
    // the 20th was posted 41 minutes before the fixed clock
    expect(d.discussion.nextCursor).toBe(`${TEST_NOW.getTime() - 41 * MIN}_gm-st-20`)
    expect(d).not.toHaveProperty('latestStatements')
    expect(await snapshot(backend)).toEqual(before)
  })

  it('is exactly what listStatements answers, for a resident, the author and a moderator', async () => {
    for (const who of [CAST.resident, WRITER, CAST.moderator]) {
      const d = await detail(who.openid, OPEN_MATTER)
      const list = await backend.call(who.openid, 'discussion', 'listStatements', {
        matterId: OPEN_MATTER,
        limit: 20,
      })
      expect(list).toEqual({ ok: true, data: d.discussion })
    }
    // the author reads their hidden statement (marked), the moderator its two reports
    const mine = await detail(WRITER.openid, OPEN_MATTER)
    expect(mine.discussion.items[2]).toMatchObject({ text: '发言 3', state: 'hidden', mine: true })
    const moderated = await detail(CAST.moderator.openid, OPEN_MATTER)
    expect(moderated.discussion.items[2]?.moderation).toEqual({
      hiddenBy: 'reports',
      pendingReview: true,
      reports: 2,
    })
  })

  it('pages on through listStatements from its cursor', async () => {
    const d = await detail(CAST.resident.openid, OPEN_MATTER)
    const rest = await backend.call(CAST.resident.openid, 'discussion', 'listStatements', {
      matterId: OPEN_MATTER,
      cursor: d.discussion.nextCursor,
      limit: 20,
    })
    expect(rest.ok && rest.data.items.map((s) => s.id)).toEqual([
      'gm-st-21',
      'gm-st-22',
      'gm-st-23',
    ])
    expect(rest.ok && rest.data.nextCursor).toBeUndefined()
  })
})

describe('minutes, polls and links', () => {
  it('shows the minutes of each talk day, oldest day first', async () => {
    const d = await detail(CAST.resident.openid, OPEN_MATTER)
    expect(d.minutes).toEqual([
      { talkDay: '2026-11-04', text: '大家说了路的情况', at: '2026-11-04T10:00:00.000Z' },
      { talkDay: '2026-11-14', text: '同意先修路', at: '2026-11-14T10:00:00.000Z' },
    ])
  })

  it('lists the polls newest first, the draft only for the committee (as listPolls)', async () => {
    const resident = await detail(CAST.resident.openid, OPEN_MATTER)
    expect(resident.polls.map((p) => [p.id, p.phase])).toEqual([
      ['gm-p-open', 'open'],
      ['gm-p-old', 'closed'],
    ])
    const committee = await detail(CAST.committee.openid, OPEN_MATTER)
    expect(committee.polls.map((p) => p.id)).toEqual(['gm-p-draft', 'gm-p-open', 'gm-p-old'])
    expect(committee.polls[1]).toEqual({
      id: 'gm-p-open',
      question: '问题gm-p-open',
      body: 'consult',
      secret: true,
      phase: 'open',
      closesAt: '2026-11-28T12:00:00.000Z',
    })
    for (const who of [CAST.resident, CAST.committee]) {
      const list = await backend.call(who.openid, 'polls', 'listPolls', { matterId: OPEN_MATTER })
      expect(list).toEqual({
        ok: true,
        data: { items: (await detail(who.openid, OPEN_MATTER)).polls },
      })
    }
  })

  it('names the matter it was merged into', async () => {
    const d = await detail(CAST.resident.openid, 'gm-merged')
    expect(d).toMatchObject({ mergedInto: 'gm-target', mergedIntoTitle: '修村东的路' })
    expect((await detail(CAST.resident.openid, OPEN_MATTER)).mergedIntoTitle).toBeUndefined()
  })

  it('tells when the rating window ends', async () => {
    const d = await detail(CAST.resident.openid, 'gm-resolved')
    expect(d.ratingEndsAt).toBe('2026-11-28T00:00:00.000Z')
    expect((await detail(CAST.resident.openid, OPEN_MATTER)).ratingEndsAt).toBeUndefined()
  })

  it('summaries in lists carry the decline reason and the merge target', async () => {
    const res = await backend.call(CAST.resident.openid, 'matters', 'listMatters', {
      statuses: ['declined', 'merged'],
    })
    expect(res.ok && res.data.items.map((m) => [m.id, m.declineReason, m.mergedInto])).toEqual(
      expect.arrayContaining([
        ['gm-declined', '不归村里管', undefined],
        ['gm-merged', undefined, 'gm-target'],
      ]),
    )
    expect(res.ok && res.data.items).toHaveLength(2)
  })
})

/** Reading a matter's discussion: what each caller sees, and cursor paging on (at, id). */
import type { StatementItem } from '../../../types/api/discussion'
import { TEST_NOW, type Backend } from '../support/backend'
import {
  discussionBackend,
  OPEN_MATTER,
  seedReports,
  statementBy,
  WRITER,
} from '../support/discussionFixtures'
import { CAST } from '../support/fixtures'

let backend: Backend
const MATTER = OPEN_MATTER
const MINUTE = 60_000
const base = TEST_NOW.getTime() - 30 * MINUTE
const at = (minutes: number) => new Date(base + minutes * MINUTE)

const first = statementBy(WRITER, MATTER, { _id: 's1', at: at(0), text: '第一条' })
const hidden = statementBy(WRITER, MATTER, {
  _id: 's2',
  at: at(1),
  text: '难听的话',
  hidden: true,
  hiding: { by: 'reports', at: at(2), pendingReview: true },
})
const reply = statementBy(CAST.resident, MATTER, {
  _id: 's3',
  at: at(3),
  text: '回复第一条',
  replyTo: 's1',
})
const deleted = statementBy(CAST.resident2, MATTER, {
  _id: 's4',
  at: at(4),
  text: '',
  deleted: true,
})
// Two statements in the same millisecond: the id breaks the tie.
const tieB = statementBy(CAST.committee, MATTER, { _id: 's6', at: at(5), text: '同时 B' })
const tieA = statementBy(CAST.committee, MATTER, { _id: 's5', at: at(5), text: '同时 A' })
const recent = statementBy(CAST.resident, MATTER, { _id: 's7', text: '刚发的' })

beforeAll(async () => {
  backend = await discussionBackend({
    statements: [recent, tieB, deleted, first, hidden, tieA, reply],
  })
  seedReports(backend, hidden, ['res'], { at: at(2), reason: '骂人' })
})
afterAll(() => backend.close())

async function list(openid: string, payload: Record<string, unknown> = {}) {
  const res = await backend.call(openid, 'discussion', 'listStatements', {
    matterId: MATTER,
    ...payload,
  })
  if (!res.ok) throw new Error(res.error.message)
  return res.data
}
const byId = (items: StatementItem[]) => Object.fromEntries(items.map((i) => [i.id, i]))

describe('discussion.listStatements', () => {
  it('oldest first; hidden reads "该发言已被隐藏" to others, deleted "该发言已被删除"', async () => {
    const { items, nextCursor } = await list(CAST.resident2.openid)
    expect(nextCursor).toBeUndefined()
    expect(items.map((i) => i.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7'])
    const s = byId(items)
    expect(s.s1).toEqual({
      id: 's1',
      authorName: WRITER.name,
      text: '第一条',
      at: at(0).toISOString(),
      state: 'visible',
      mine: false,
      edited: false,
    })
    expect(s.s2).toMatchObject({ text: '该发言已被隐藏', state: 'hidden' })
    expect(s.s2).not.toHaveProperty('moderation')
    expect(s.s3).toMatchObject({ replyTo: 's1', text: '回复第一条' })
    expect(s.s4).toMatchObject({ text: '该发言已被删除', state: 'deleted', mine: true })
    expect(s.s4).not.toHaveProperty('editableUntil')
  })

  it('the author still reads their hidden statement; their fresh one shows until when it is editable', async () => {
    expect(byId((await list(WRITER.openid)).items).s2).toMatchObject({
      text: '难听的话',
      state: 'hidden',
      mine: true,
    })
    const own = byId((await list(CAST.resident.openid)).items)
    expect(own.s7?.editableUntil).toBe(new Date(recent.at.getTime() + 10 * MINUTE).toISOString())
    expect(own.s3).not.toHaveProperty('editableUntil')
  })

  it('a moderator reads hidden text with why it is hidden and how many reported it', async () => {
    const s = byId((await list(CAST.moderator.openid)).items)
    expect(s.s2).toMatchObject({
      text: '难听的话',
      moderation: { hiddenBy: 'reports', pendingReview: true, reports: 1 },
    })
    expect(s.s1).toMatchObject({ moderation: { pendingReview: false, reports: 0 } })
  })

  it('pages on (at, id) without skipping or repeating, also across a tie', async () => {
    // Pages of 5: the page boundary falls between s5 and s6, which share their time.
    const pages: string[][] = []
    let cursor: string | undefined
    do {
      const data = await list(CAST.legalOfficer.openid, { limit: 5, ...(cursor ? { cursor } : {}) })
      pages.push(data.items.map((i) => i.id))
      cursor = data.nextCursor
    } while (cursor && pages.length < 4)
    expect(pages).toEqual([
      ['s1', 's2', 's3', 's4', 's5'],
      ['s6', 's7'],
    ])
  })

  it('refuses a malformed cursor or limit with INVALID_INPUT', async () => {
    for (const [payload, message] of [
      [{ cursor: 'abc' }, '翻页位置不对'],
      [{ limit: 51 }, '每页最多 50 条'],
      [{ limit: '10' }, '每页条数不对'],
    ] as const) {
      const res = await backend.call(CAST.resident.openid, 'discussion', 'listStatements', {
        matterId: MATTER,
        ...payload,
      })
      expect(res).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message } })
    }
  })
})

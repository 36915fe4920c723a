/**
 * matters.listMatters by several statuses (the tab of ended matters) and by a word of the title
 * or body (搜索): normalised like all text, matched case-insensitively and literally (a `.` or `(`
 * is that character), 1–20 characters; a bad filter is refused with a Chinese message and writes
 * nothing. Expected lists by hand.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Matter } from '../../../types/model/matter'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter, VILLAGE_A, VILLAGE_B } from '../support/fixtures'
import { CHINESE, snapshot } from '../support/snapshot'

let backend: Backend
const at = (day: number) => new Date(Date.UTC(2026, 4, day))

const MATTERS: Matter[] = [
  storedMatter('lm-closed', { status: 'closed', raisedAt: at(1), title: '村口路灯坏了' }),
  storedMatter('lm-declined', {
    status: 'declined',
    raisedAt: at(2),
    declineReason: '不归村里管',
    title: '邻居吵架',
  }),
  storedMatter('lm-merged', {
    status: 'merged',
    raisedAt: at(3),
    mergedInto: 'lm-raised',
    title: '路灯不亮',
  }),
  storedMatter('lm-withdrawn', { status: 'withdrawn', raisedAt: at(4), title: '垃圾桶' }),
  storedMatter('lm-raised', {
    status: 'raised',
    raisedAt: at(5),
    title: 'WiFi 信号差',
    body: '村委会的路由器 (TP-Link) 老是断',
  }),
  storedMatter('lm-accepted', {
    status: 'accepted',
    raisedAt: at(6),
    title: '修桥',
    body: '桥上的路灯也要修',
    talkDay: '2026-11-24',
  }),
  storedMatter('lm-dots', { status: 'raised', raisedAt: at(7), title: 'a.b 的事', body: '内容' }),
  storedMatter('lm-axb', { status: 'raised', raisedAt: at(8), title: 'axb 的事', body: '内容' }),
  storedMatter('lm-other', {
    status: 'closed',
    raisedAt: at(9),
    villageId: VILLAGE_B,
    title: '路灯',
  }),
]

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.matters, MATTERS)
  insert(backend, COLLECTION.agendaSlots, [
    {
      _id: `${VILLAGE_A}_2026-11-24_1`,
      villageId: VILLAGE_A,
      date: '2026-11-24',
      slot: 1,
      matterId: 'lm-accepted',
      position: 1,
      placedAt: at(6),
    },
  ])
})
afterAll(() => backend.close())

async function list(payload: Record<string, unknown>): Promise<string[]> {
  const res = await backend.call(CAST.resident.openid, 'matters', 'listMatters', payload)
  if (!res.ok) throw new Error(JSON.stringify(res))
  return res.data.items.map((m) => m.id)
}

describe('several statuses', () => {
  it('lists the matters in any of them, newest first', async () => {
    expect(await list({ statuses: ['closed', 'declined', 'merged', 'withdrawn'] })).toEqual([
      'lm-withdrawn',
      'lm-merged',
      'lm-declined',
      'lm-closed',
    ])
  })

  it('pages with the cursor', async () => {
    const first = await backend.call(CAST.resident.openid, 'matters', 'listMatters', {
      statuses: ['closed', 'declined', 'merged'],
      limit: 2,
    })
    expect(first.ok && first.data.items.map((m) => m.id)).toEqual(['lm-merged', 'lm-declined'])
    const cursor = first.ok ? first.data.nextCursor : undefined
    expect(await list({ statuses: ['closed', 'declined', 'merged'], limit: 2, cursor })).toEqual([
      'lm-closed',
    ])
  })
})

describe('a word of the title or the body', () => {
  it.each([
    ['路灯', ['lm-accepted', 'lm-merged', 'lm-closed']],
    ['wifi', ['lm-raised']],
    ['tp-link', ['lm-raised']],
    ['(TP', ['lm-raised']],
    ['a.b', ['lm-dots']],
    ['  路\u200b灯  ', ['lm-accepted', 'lm-merged', 'lm-closed']],
    ['没有这个词', []],
  ])('%j finds %j', async (q, expected) => {
    expect(await list({ q })).toEqual(expected)
  })

  it('with a status, statuses, or on a talk day', async () => {
    expect(await list({ q: '路灯', status: 'merged' })).toEqual(['lm-merged'])
    expect(await list({ q: '路灯', statuses: ['closed', 'accepted'] })).toEqual([
      'lm-accepted',
      'lm-closed',
    ])
    expect(await list({ q: '路灯', talkDay: '2026-11-24' })).toEqual(['lm-accepted'])
    expect(await list({ q: '垃圾', talkDay: '2026-11-24' })).toEqual([])
  })
})

describe('refusals write nothing', () => {
  it.each([
    [{ status: 'closed', statuses: ['declined'] }],
    [{ statuses: [] }],
    [{ statuses: ['gone'] }],
    [{ statuses: 'closed' }],
    [{ q: '' }],
    [{ q: '   ' }],
    [{ q: '一二三四五六七八九十一二三四五六七八九十一' }],
    [{ q: 5 }],
    [{ q: 'a\u0000b' }],
  ])('%j → INVALID_INPUT', async (payload) => {
    const before = await snapshot(backend)
    const res = await backend.call(CAST.resident.openid, 'matters', 'listMatters', payload)
    expect(res).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(CHINESE) },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('twenty characters are fine', async () => {
    expect(await list({ q: '一二三四五六七八九十一二三四五六七八九十' })).toEqual([])
  })
})

/**
 * 我的投票 (polls.listMyVotes): the open and counted polls whose frozen electorate holds the
 * caller's person — open ones first, then the latest closed, a page at a time — whether they
 * voted, how, and their own current choice when it was cast online or by 代投 (a paper ballot's
 * stays on paper). Drafts and other people's polls never show; a member with no person has none;
 * reading writes nothing. Expected lists by hand.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { MyVoteItem } from '../../../types/api/polls'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { insert, member, storedMatter } from '../support/fixtures'
import { pollVillage, YES_NO_DRAFT, type PollVillage } from '../support/pollFixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend
let v: PollVillage
let other: PollVillage
const polls: Record<string, string> = {}

async function ok<T>(res: Promise<{ ok: boolean; data?: T; error?: unknown }>): Promise<T> {
  const r = await res
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.data as T
}

/** Drafts (and opens, unless `draft`) a consult poll on a new matter `title` of village `pv`. */
async function poll(
  pv: PollVillage,
  key: string,
  closesAt: string,
  over: { secret?: boolean; draft?: boolean } = {},
): Promise<string> {
  const matterId = `mv-matter-${key}`
  insert(backend, COLLECTION.matters, [
    storedMatter(matterId, {
      villageId: pv.id,
      status: 'discussing',
      title: `事项${key}`,
      raisedBy: pv.committee._id,
      talkDay: '2026-11-14',
    }),
  ])
  const { pollId } = await ok<{ pollId: string }>(
    backend.call(pv.committee.openid, 'polls', 'draftPoll', {
      matterId,
      ...YES_NO_DRAFT,
      body: 'consult',
      secret: over.secret ?? true,
      closesAt,
    }),
  )
  if (!over.draft) await ok(backend.call(pv.committee.openid, 'polls', 'openPoll', { pollId }))
  polls[key] = pollId
  return pollId
}

beforeAll(async () => {
  backend = await startBackend()
  v = pollVillage(backend, 'mv', { n: 4, linked: 3 })
  other = pollVillage(backend, 'mvo', { n: 2 })
  const [me] = v.voters
  // A: cast online, then counted (the clock moves past its closing time and the grace)
  const a = await poll(v, 'A', '2026-11-24T12:00:00+08:00')
  await ok(backend.call(me.openid, 'polls', 'castBallot', { pollId: a, choice: 'yes' }))
  backend.emulator.clock.set(new Date('2026-11-24T12:01:00+08:00'))
  await ok(backend.call(v.committee.openid, 'polls', 'closePoll', { pollId: a }))
  // B: cast online; C: not voted (an open ballot); D: on paper; F: by 代投; E: a draft
  const b = await poll(v, 'B', '2026-11-30T12:00:00+08:00')
  await ok(backend.call(me.openid, 'polls', 'castBallot', { pollId: b, choice: 'no' }))
  await poll(v, 'C', '2026-11-29T12:00:00+08:00', { secret: false })
  const d = await poll(v, 'D', '2026-11-28T12:00:00+08:00')
  await ok(
    backend.call(v.committee.openid, 'polls', 'markPaperVoter', { pollId: d, personId: 'mv-p1' }),
  )
  await poll(v, 'E', '2026-12-02T12:00:00+08:00', { draft: true })
  // H: an open ballot on paper, entered by one committee member and confirmed by another
  const second = member('mv-com2', v.id, ['resident', 'committee'], { name: '村委二' })
  insert(backend, COLLECTION.members, [second])
  const h = await poll(v, 'H', '2026-11-28T18:00:00+08:00', { secret: false })
  const paper = { pollId: h, personId: 'mv-p1', choice: 'yes' }
  await ok(backend.call(second.openid, 'polls', 'enterPaperBallot', paper))
  await ok(backend.call(v.committee.openid, 'polls', 'confirmPaperBallot', paper))
  const f = await poll(v, 'F', '2026-12-01T12:00:00+08:00')
  await ok(
    backend.call(v.committee.openid, 'polls', 'castProxyBallot', {
      pollId: f,
      personId: 'mv-p1',
      choice: 'abstain',
      consent: 'phone',
    }),
  )
  // another village's open poll
  await poll(other, 'G', '2026-12-03T12:00:00+08:00')
}, 120_000)
afterAll(() => backend.close())

const summary = (key: string, closesAt: string, phase: 'open' | 'closed') => ({
  id: polls[key],
  question: YES_NO_DRAFT.question,
  body: 'consult',
  secret: key !== 'C' && key !== 'H',
  phase,
  closesAt,
  matterId: `mv-matter-${key}`,
  matterTitle: `事项${key}`,
  options: [],
})

describe('my votes', () => {
  it('open ones first, then the closed; my choice online or by 代投, never from paper', async () => {
    const before = await snapshot(backend)
    const res = await ok<{ items: MyVoteItem[]; nextCursor?: string }>(
      backend.call(v.voters[0].openid, 'polls', 'listMyVotes', {}),
    )
    expect(res.nextCursor).toBeUndefined()
    expect(res.items).toEqual([
      {
        ...summary('F', '2026-12-01T04:00:00.000Z', 'open'),
        voted: true,
        myChoice: 'abstain',
        myChannel: 'proxy',
      },
      {
        ...summary('B', '2026-11-30T04:00:00.000Z', 'open'),
        voted: true,
        myChoice: 'no',
        myChannel: 'online',
      },
      { ...summary('C', '2026-11-29T04:00:00.000Z', 'open'), voted: false, myChoice: null },
      {
        ...summary('H', '2026-11-28T10:00:00.000Z', 'open'),
        voted: true,
        myChoice: null,
        myChannel: 'paper',
      },
      {
        ...summary('D', '2026-11-28T04:00:00.000Z', 'open'),
        voted: true,
        myChoice: null,
        myChannel: 'paper',
      },
      {
        ...summary('A', '2026-11-24T04:00:00.000Z', 'closed'),
        passed: expect.any(Boolean),
        voted: true,
        myChoice: 'yes',
        myChannel: 'online',
      },
    ])
    // reading writes nothing (not even 送达, which only opening the poll records)
    expect(await snapshot(backend)).toEqual(before)
  })

  it('another voter sees the same polls with their own state', async () => {
    const res = await ok<{ items: MyVoteItem[] }>(
      backend.call(v.voters[1].openid, 'polls', 'listMyVotes', {}),
    )
    expect(res.items.map((i) => [i.id, i.voted, i.myChoice, i.myChannel])).toEqual([
      [polls.F, false, null, undefined],
      [polls.B, false, null, undefined],
      [polls.C, false, null, undefined],
      [polls.H, false, null, undefined],
      [polls.D, false, null, undefined],
      [polls.A, false, null, undefined],
    ])
  })

  it('an account linked to the person after the polls opened sees them, but no choice (as getPoll)', async () => {
    const late = member('mv-late', v.id, ['resident'], { personId: 'mv-p1', name: '选民1' })
    insert(backend, COLLECTION.members, [late])
    const res = await ok<{ items: MyVoteItem[] }>(
      backend.call(late.openid, 'polls', 'listMyVotes', {}),
    )
    expect(res.items.map((i) => [i.id, i.voted, i.myChoice])).toEqual([
      [polls.F, true, null],
      [polls.B, true, null],
      [polls.C, false, null],
      [polls.H, true, null],
      [polls.D, true, null],
      [polls.A, true, null],
    ])
  })

  it('pages with the cursor, without a repeat or a gap', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 6; page += 1) {
      const res = await ok<{ items: MyVoteItem[]; nextCursor?: string }>(
        backend.call(v.voters[0].openid, 'polls', 'listMyVotes', { limit: 2, cursor }),
      )
      seen.push(...res.items.map((i) => i.id))
      cursor = res.nextCursor
      if (!cursor) break
    }
    expect(seen).toEqual([polls.F, polls.B, polls.C, polls.H, polls.D, polls.A])
  })

  it('a member with no person on the register has none; another village’s voter only theirs', async () => {
    expect(await ok(backend.call(v.resident.openid, 'polls', 'listMyVotes', {}))).toEqual({
      items: [],
    })
    expect(await ok(backend.call(v.committee.openid, 'polls', 'listMyVotes', {}))).toEqual({
      items: [],
    })
    const theirs = await ok<{ items: MyVoteItem[] }>(
      backend.call(other.voters[0].openid, 'polls', 'listMyVotes', {}),
    )
    expect(theirs.items.map((i) => i.id)).toEqual([polls.G])
  })

  it('a bad cursor or page size is refused in Chinese and writes nothing', async () => {
    for (const payload of [{ cursor: 'x|y' }, { limit: 0 }, { limit: 51 }]) {
      const before = await snapshot(backend)
      const res = await backend.call(v.voters[0].openid, 'polls', 'listMyVotes', payload)
      expect(res).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
      })
      expect(await snapshot(backend)).toEqual(before)
    }
  })
})

it('the fixed clock is where the test moved it', () => {
  expect(backend.emulator.clock.now()).toBeGreaterThan(TEST_NOW.getTime())
})

/**
 * Every polls action × every kind of caller, written out by hand (not from domain/permissions):
 * the committee, a moderator on a day that is not the matter's talk day, a voter (linked to a
 * person of the electorate), a resident with no person, a committee member of another village, a
 * pending applicant and a stranger. Every refusal carries its exact code and writes nothing at
 * all; every allowed write changes the database.
 */
import type { PollsApi } from '../../../types/api/polls'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, type Backend } from '../support/backend'
import { insert, member, STRANGER } from '../support/fixtures'
import { openedPoll, pollVillage, YES_NO_DRAFT, type PollVillage } from '../support/pollFixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend
let v: PollVillage
let other: PollVillage
const PENDING = member('pm-pending', 'v-pm', ['resident'], { status: 'pending' })
/** Paper is entered by one committee member and confirmed by another: this one enters. */
const COMMITTEE2 = member('pm-com2', 'v-pm', ['resident', 'committee'], { name: '村委二' })

type Caller =
  'committee' | 'moderator' | 'voter' | 'resident' | 'otherCommittee' | 'pending' | 'stranger'
const CALLERS: Caller[] = [
  'committee',
  'moderator',
  'voter',
  'resident',
  'otherCommittee',
  'pending',
  'stranger',
]
type ActionName = keyof PollsApi

const openidOf = (c: Caller): string =>
  ({
    committee: v.committee.openid,
    moderator: v.moderator.openid,
    voter: v.voters[0].openid,
    resident: v.resident.openid,
    otherCommittee: other.committee.openid,
    pending: PENDING.openid,
    stranger: STRANGER,
  })[c]

const MEMBERS: Caller[] = ['committee', 'moderator', 'voter', 'resident']

/** Who may, on a matter whose talk day is not today (the moderator may not draft). */
const ALLOWED: Record<ActionName, readonly Caller[]> = {
  draftPoll: ['committee'],
  updateDraft: ['committee'],
  openPoll: ['committee'],
  castBallot: ['voter'],
  getPoll: MEMBERS,
  listPolls: MEMBERS,
  listVoters: ['committee'],
  closePoll: ['committee'],
  exportBallots: MEMBERS,
  markPaperVoter: ['committee'],
  enterPaperCounts: ['committee'],
  confirmPaperCounts: ['committee'],
  enterPaperBallot: ['committee'],
  confirmPaperBallot: ['committee'],
  // for p2: the voter (p1) lives in p2's household; the others are on no household of the register
  castProxyBallot: ['committee', 'voter'],
  reachReport: ['committee'],
  // the caller's own votes, in their own village
  listMyVotes: [...MEMBERS, 'otherCommittee'],
}

/** Reads: allowed without a write. */
const READS: ActionName[] = [
  'getPoll',
  'listPolls',
  'listVoters',
  'exportBallots',
  'reachReport',
  'listMyVotes',
]

/** The refusal each caller gets where not allowed, by hand. */
function expectedRefusal(action: ActionName, caller: Caller): string {
  if (caller === 'pending' || caller === 'stranger') return 'UNAUTHENTICATED'
  if (caller === 'otherCommittee') return 'NOT_FOUND'
  // Anyone may try to cast; only a linked voter of the electorate may.
  if (action === 'castBallot') return 'NOT_ELIGIBLE'
  return 'FORBIDDEN'
}

let counter = 0
let openPollId = ''
let closedPollId = ''

beforeAll(async () => {
  backend = await startBackend()
  v = pollVillage(backend, 'pm', { n: 2 })
  other = pollVillage(backend, 'pm2', { n: 1 })
  insert(backend, COLLECTION.members, [PENDING, COMMITTEE2])
  // an open poll (one cast) on a matter of its own, and a counted one
  openPollId = await freshOpenPoll()
  await backend.call(v.voters[1].openid, 'polls', 'castBallot', {
    pollId: openPollId,
    choice: 'yes',
  })
  closedPollId = await freshOpenPoll()
  for (const voter of v.voters) {
    await backend.call(voter.openid, 'polls', 'castBallot', { pollId: closedPollId, choice: 'no' })
  }
  await backend.call(v.committee.openid, 'polls', 'closePoll', { pollId: closedPollId })
  backend.emulator.clock.set(backend.emulator.clock.now() + 20_000)
  const counted = await backend.call(v.committee.openid, 'polls', 'closePoll', {
    pollId: closedPollId,
  })
  if (!counted.ok) throw new Error(JSON.stringify(counted))
})
afterAll(() => backend.close())

/** A new matter in discussion of village pm. */
function freshMatter(): string {
  counter += 1
  const id = `pm-matter-${counter}`
  insert(backend, COLLECTION.matters, [
    {
      _id: id,
      villageId: v.id,
      title: `事项${counter}`,
      body: '内容',
      photos: [],
      origin: 'committee',
      urgent: false,
      status: 'discussing',
      raisedBy: v.committee._id,
      raisedByName: v.committee.name,
      raisedAt: new Date('2026-02-01T00:00:00Z'),
      respondBy: new Date('2026-02-04T00:00:00Z'),
      statusAt: { discussing: new Date('2026-02-01T00:00:00Z') },
      rating: { count: 0, sum: 0, raters: [] },
      talkDay: '2026-11-14',
      updatedAt: new Date('2026-02-01T00:00:00Z'),
    },
  ])
  return id
}

async function freshDraft(): Promise<string> {
  const res = await backend.call(v.committee.openid, 'polls', 'draftPoll', {
    matterId: freshMatter(),
    ...YES_NO_DRAFT,
    body: 'consult',
  })
  if (!res.ok) throw new Error(JSON.stringify(res))
  return res.data.pollId
}

async function freshOpenPoll(): Promise<string> {
  return openedPoll(backend, { ...v, matterId: freshMatter() })
}

/** The payload of one cell, on a subject of its own where the call writes. */
async function arrange(action: ActionName): Promise<Record<string, unknown>> {
  switch (action) {
    case 'draftPoll':
      return { matterId: freshMatter(), ...YES_NO_DRAFT }
    case 'updateDraft':
      return { pollId: await freshDraft(), ...YES_NO_DRAFT, question: '改过的问题？' }
    case 'openPoll':
      return { pollId: await freshDraft() }
    case 'castBallot':
      return { pollId: openPollId, choice: 'no' }
    case 'getPoll':
    case 'listVoters':
      return { pollId: openPollId }
    case 'listPolls':
      return { matterId: v.matterId }
    case 'closePoll': {
      // everyone has voted, so the committee may close early
      const pollId = await freshOpenPoll()
      for (const voter of v.voters) {
        await backend.call(voter.openid, 'polls', 'castBallot', { pollId, choice: 'yes' })
      }
      return { pollId }
    }
    case 'exportBallots':
      return { pollId: closedPollId }
    case 'markPaperVoter':
      return { pollId: await freshOpenPoll(), personId: 'pm-p1' }
    case 'enterPaperCounts':
    case 'confirmPaperCounts': {
      const pollId = await freshOpenPoll()
      const counts = [{ choice: 'yes', count: 1 }]
      await prepared('markPaperVoter', { pollId, personId: 'pm-p1' })
      if (action === 'confirmPaperCounts') await prepared('enterPaperCounts', { pollId, counts })
      return { pollId, counts }
    }
    case 'enterPaperBallot':
    case 'confirmPaperBallot': {
      const pollId = await openedPoll(backend, { ...v, matterId: freshMatter() }, { secret: false })
      const ballot = { pollId, personId: 'pm-p1', choice: 'yes' }
      if (action === 'confirmPaperBallot') await prepared('enterPaperBallot', ballot)
      return ballot
    }
    case 'castProxyBallot':
      return { pollId: await freshOpenPoll(), personId: 'pm-p2', choice: 'yes', consent: 'phone' }
    case 'reachReport':
      return { pollId: openPollId }
    case 'listMyVotes':
      return {}
  }
}

/** A step of a cell's arrangement, by the second committee member. */
async function prepared(action: ActionName, payload: Record<string, unknown>): Promise<void> {
  const res = await backend.call(COMMITTEE2.openid, 'polls', action, payload)
  if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res)}`)
}

const MATRIX = (Object.keys(ALLOWED) as ActionName[]).flatMap((action) =>
  CALLERS.map((caller) => [action, caller, ALLOWED[action].includes(caller)] as const),
)

describe('polls permission matrix', () => {
  it('covers every action of the function', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(
      [
        'castBallot',
        'closePoll',
        'draftPoll',
        'exportBallots',
        'getPoll',
        'listPolls',
        'listVoters',
        'openPoll',
        'updateDraft',
        'markPaperVoter',
        'enterPaperCounts',
        'confirmPaperCounts',
        'enterPaperBallot',
        'confirmPaperBallot',
        'castProxyBallot',
        'reachReport',
        'listMyVotes',
      ].sort(),
    )
  })

  it.each(MATRIX)('%s by %s → allowed: %s', async (action, caller, allowed) => {
    const payload = await arrange(action)
    const before = await snapshot(backend)
    const res = await backend.call(openidOf(caller), 'polls', action, payload)
    if (allowed) {
      expect(res).toEqual({ ok: true, data: expect.anything() })
      if (!READS.includes(action)) expect(await snapshot(backend)).not.toEqual(before)
    } else {
      expect(res).toEqual({
        ok: false,
        error: { code: expectedRefusal(action, caller), message: expect.any(String) },
      })
      expect(await snapshot(backend)).toEqual(before)
    }
  })
})

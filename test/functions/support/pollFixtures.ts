/**
 * A village with a register (persons in households, some linked to member accounts), a matter in
 * discussion, and helpers to draft, open and cast through the polls function. Stored shapes
 * straight into the database (types/model/member.ts), as a seed would write them.
 */
import { createHmac } from 'node:crypto'
import type { Household, Member, Person } from '../../../types/model/member'
import type { PollDraft } from '../../../types/api/polls'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { TEST_BALLOT_SECRET, type Backend } from './backend'
import { insert, member, storedMatter, village } from './fixtures'

export interface PollVillage {
  id: string
  committee: Member
  moderator: Member
  resident: Member
  /** Persons p1 … pn of the register; person i lives in household ⌈i/2⌉. */
  persons: Person[]
  households: Household[]
  /** voters[i] is the member linked to persons[i] (for i < linked). */
  voters: Member[]
  matterId: string
}

const AT = new Date('2026-01-05T00:00:00Z')

/**
 * Village `v-<name>`: `n` adult persons (two to a household, each household's first person its
 * 户代表; the first `representatives` persons are representatives), the first `linked` of them
 * linked to a verified member; a committee member, a moderator and a resident, none of them on
 * the register; one matter in discussion.
 */
export function pollVillage(
  backend: Backend,
  name: string,
  opts: { n: number; linked?: number; representatives?: number; matter?: object } = { n: 6 },
): PollVillage {
  const id = `v-${name}`
  const linked = opts.linked ?? opts.n
  const persons: Person[] = Array.from({ length: opts.n }, (_, i) => ({
    _id: `${name}-p${i + 1}`,
    villageId: id,
    householdId: `${name}-h${Math.floor(i / 2) + 1}`,
    name: `选民${i + 1}`,
    adult: true,
    representative: i < (opts.representatives ?? 0),
    createdAt: AT,
    updatedAt: AT,
  }))
  const households: Household[] = Array.from({ length: Math.ceil(opts.n / 2) }, (_, h) => ({
    _id: `${name}-h${h + 1}`,
    villageId: id,
    number: String(h + 1).padStart(3, '0'),
    head: `选民${2 * h + 1}`,
    people: persons.slice(2 * h, 2 * h + 2).map((p) => p.name),
    adults: persons.slice(2 * h, 2 * h + 2).length,
    voterPersonId: `${name}-p${2 * h + 1}`,
  }))
  const voters = persons
    .slice(0, linked)
    .map((p, i) => member(`${name}-m${i + 1}`, id, ['resident'], { personId: p._id, name: p.name }))
  const committee = member(`${name}-com`, id, ['resident', 'committee'], { name: '张主任' })
  const moderator = member(`${name}-mod`, id, ['resident', 'moderator'], { name: '李主持' })
  const resident = member(`${name}-res`, id, ['resident'], { name: '旁观村民' })
  const matter = storedMatter(`${name}-matter`, {
    villageId: id,
    status: 'discussing',
    raisedBy: resident._id,
    raisedByName: resident.name,
    talkDay: '2026-11-14',
    category: 'roadsUtilities',
    ...opts.matter,
  })
  insert(backend, COLLECTION.villages, [village(id, name)])
  insert(backend, COLLECTION.persons, persons)
  insert(backend, COLLECTION.households, households)
  insert(backend, COLLECTION.members, [committee, moderator, resident, ...voters])
  insert(backend, COLLECTION.matters, [matter])
  return { id, committee, moderator, resident, persons, households, voters, matterId: matter._id }
}

export const YES_NO_DRAFT: PollDraft = {
  question: '是否同意硬化村东道路？',
  kind: 'yesNo',
  options: [],
  maxSelections: 1,
  body: 'representatives',
  secret: true,
}

/** Drafts and opens a poll on the village's matter as its committee member; answers its id. */
export async function openedPoll(
  backend: Backend,
  v: PollVillage,
  draft: Partial<PollDraft> = {},
): Promise<string> {
  const drafted = await backend.call(v.committee.openid, 'polls', 'draftPoll', {
    matterId: v.matterId,
    ...YES_NO_DRAFT,
    body: 'consult',
    ...draft,
  })
  if (!drafted.ok) throw new Error(`draftPoll: ${JSON.stringify(drafted)}`)
  const opened = await backend.call(v.committee.openid, 'polls', 'openPoll', {
    pollId: drafted.data.pollId,
  })
  if (!opened.ok) throw new Error(`openPoll: ${JSON.stringify(opened)}`)
  return drafted.data.pollId
}

/** Ballots of a poll that carry a choice (cast). */
export async function castOf(backend: Backend, pollId: string) {
  const { data } = await backend.db
    .collection(COLLECTION.ballots)
    .where({ pollId, choice: backend.db.command.exists(true) })
    .limit(1000)
    .get()
  return data as Array<{ _id: string; pollId: string; choice: string; personId?: string }>
}

/** The ballot id as the test computes it by hand: HMAC-SHA256(secret, `<pollId>:<personId>`). */
export function expectedBallotId(pollId: string, personId: string): string {
  return createHmac('sha256', TEST_BALLOT_SECRET).update(`${pollId}:${personId}`).digest('hex')
}

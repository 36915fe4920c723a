/**
 * The database access of the `polls` function: polls, their frozen electorate (`pollVoters`) and
 * ballots, and the register it freezes from (persons, households, linked members).
 */
import { createHmac } from 'node:crypto'
import type { Member, Person, Household } from '../../types/model/member'
import type { Ballot, Poll, PollVoter } from '../../types/model/poll'
import type { AppError } from '../../types/api'
import { COLLECTION } from '../_shared/collections'
import type { Database, Transaction } from '../_shared/cloud'
import { refuse } from '../_shared/authorize'
import type { Position } from '../../domain/shared/cursor'
import { addDoc, byId, pastPosition, type Reader } from '../_shared/repo'

export const NOT_FOUND_POLL: AppError = { code: 'NOT_FOUND', message: '找不到这次表决。' }

/** The most documents one read of a collection answers here (an electorate, a turnout list). */
const ALL = 1_000_000
/** Documents per insert request when an electorate is frozen. */
const INSERT_CHUNK = 1000

export function findPoll(r: Reader, id: string): Promise<Poll | undefined> {
  return byId<Poll>(r, COLLECTION.polls, id)
}

export async function loadPoll(r: Reader, id: string): Promise<Poll> {
  return (await findPoll(r, id)) ?? refuse(NOT_FOUND_POLL)
}

export function addPoll(t: Transaction, poll: Omit<Poll, '_id'>): Promise<string> {
  return addDoc(t, COLLECTION.polls, poll)
}

export async function updatePoll(t: Transaction, id: string, patch: Partial<Poll>): Promise<void> {
  await t.collection(COLLECTION.polls).doc(id).update(patch)
}

export { pollsOfMatter } from '../_shared/polls'

/** The most polls one person's 我的投票 looks through (a person's polls over many years). */
const MY_POLLS = 1000

/** Where the person stands in each poll whose frozen electorate holds them (personId index). */
export async function votersOfPerson(
  db: Database,
  villageId: string,
  personId: string,
): Promise<PollVoter[]> {
  const { data } = await db
    .collection(COLLECTION.pollVoters)
    .where({ personId, villageId })
    .limit(MY_POLLS)
    .get()
  return data as PollVoter[]
}

/**
 * One page of the open and counted polls among `ids`, latest closing time first (so the open
 * ones, which close later, come before those already closed), paged on (closesAt, _id).
 */
export async function pageOfPolls(
  db: Database,
  q: { villageId: string; ids: readonly string[]; before?: Position; limit: number },
): Promise<Poll[]> {
  if (q.ids.length === 0) return []
  const _ = db.command
  const filters: object[] = [
    { villageId: q.villageId, _id: _.in([...q.ids]), status: _.in(['open', 'closed']) },
  ]
  if (q.before) filters.push(pastPosition(db, 'closesAt', q.before, 'desc'))
  const { data } = await db
    .collection(COLLECTION.polls)
    .where(_.and(filters))
    .orderBy('closesAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(q.limit)
    .get()
  return data as Poll[]
}

/** Open polls whose closing time is at or before `before`, oldest first. */
export async function duePolls(db: Database, before: Date, limit: number): Promise<Poll[]> {
  const _ = db.command
  const { data } = await db
    .collection(COLLECTION.polls)
    .where({ status: 'open', closesAt: _.lte(before) })
    .orderBy('closesAt', 'asc')
    .limit(limit)
    .get()
  return data as Poll[]
}

// ---- the ballot secret -------------------------------------------------------------------

/** The key ballot ids are made with: only the functions hold it (their environment). */
export const BALLOT_SECRET_ENV = 'POLLS_BALLOT_SECRET'

/** Whether the function has its secret (at least 32 characters); it refuses to run without. */
export function hasBallotSecret(): boolean {
  return (process.env[BALLOT_SECRET_ENV] ?? '').length >= 32
}

/** HMAC-SHA256(secret, `<pollId>:<personId>`) in hex: one per person, revealing nothing. */
export function ballotId(pollId: string, personId: string): string {
  const secret = process.env[BALLOT_SECRET_ENV] ?? ''
  if (secret.length < 32) throw new Error(`${BALLOT_SECRET_ENV} is not set`)
  return createHmac('sha256', secret).update(`${pollId}:${personId}`, 'utf8').digest('hex')
}

export function voterId(pollId: string, personId: string): string {
  return `${pollId}_${personId}`
}

export function findVoter(r: Reader, pollId: string, personId: string) {
  return byId<PollVoter>(r, COLLECTION.pollVoters, voterId(pollId, personId))
}

export function findBallot(r: Reader, pollId: string, personId: string) {
  return byId<Ballot>(r, COLLECTION.ballots, ballotId(pollId, personId))
}

/**
 * A change to one person's ballot: its choice, or a pending paper entry. Fields may be the
 * database's commands (`_.remove()`, `_.set(...)`), as the handlers need them.
 */
export async function updateBallot(
  t: Transaction,
  pollId: string,
  personId: string,
  patch: object,
): Promise<void> {
  await t.collection(COLLECTION.ballots).doc(ballotId(pollId, personId)).update(patch)
}

/** A change to one voter of the frozen electorate (the turnout, its channel, 代投, 送达). */
export async function updateVoter(t: Transaction, id: string, patch: object): Promise<void> {
  await t.collection(COLLECTION.pollVoters).doc(id).update(patch)
}

/** A draft rewritten whole (a yesNo draft that was a choice draft keeps no options). */
export async function replaceDraft(
  t: Transaction,
  id: string,
  poll: Omit<Poll, '_id'>,
): Promise<void> {
  await t.collection(COLLECTION.polls).doc(id).set(poll)
}

// ---- reading many documents in one request -----------------------------------------------

/** Every document matching `match`, projected, in one aggregation (never paging). */
async function readAll<T>(
  db: Database,
  collection: string,
  match: object,
  project: Record<string, 1 | 0>,
  sort?: Record<string, 1 | -1>,
): Promise<T[]> {
  let pipeline = db.collection(collection).aggregate().match(match).project(project)
  if (sort) pipeline = pipeline.sort(sort)
  const { data: list } = (await pipeline.limit(ALL).end()) as { data: T[] }
  return list
}

export type RegisterPerson = Pick<
  Person,
  '_id' | 'householdId' | 'name' | 'adult' | 'representative'
>

/** The village's register as the electorate is frozen from: persons, households, linked accounts. */
export async function readRegister(db: Database, villageId: string) {
  const [persons, households, members] = await Promise.all([
    readAll<RegisterPerson>(
      db,
      COLLECTION.persons,
      { villageId },
      { _id: 1, householdId: 1, name: 1, adult: 1, representative: 1 },
    ),
    readAll<Pick<Household, '_id' | 'voterPersonId'>>(
      db,
      COLLECTION.households,
      { villageId },
      { _id: 1, voterPersonId: 1 },
    ),
    readAll<Pick<Member, '_id' | 'personId'>>(
      db,
      COLLECTION.members,
      { villageId, status: 'verified', personId: db.command.exists(true) },
      { _id: 1, personId: 1 },
    ),
  ])
  return { persons, households, members }
}

/** Inserts many documents within a transaction, INSERT_CHUNK per request. */
export async function insertMany(
  t: Transaction,
  collection: string,
  docs: readonly object[],
): Promise<void> {
  for (let i = 0; i < docs.length; i += INSERT_CHUNK) {
    await t.collection(collection).add(docs.slice(i, i + INSERT_CHUNK) as object[])
  }
}

// ---- the count ---------------------------------------------------------------------------

/**
 * Every cast ballot of a poll as `<key>,<choice>` (key: the ballot id of a secret poll, the person
 * of an open one): ONE aggregation, one `$group`/`$push` of short strings (about 72 bytes a
 * ballot: 100,000 ballots ≈ 7 MB, under the database's 16 MB for one document).
 */
export async function castBallots(
  db: Database,
  pollId: string,
  secret: boolean,
): Promise<Array<{ key: string; choice: string }>> {
  const $ = db.command.aggregate
  const _ = db.command
  const { data: list } = (await db
    .collection(COLLECTION.ballots)
    .aggregate()
    .match({ pollId, choice: _.exists(true) })
    .group({
      _id: null,
      lines: $.push($.concat([secret ? '$_id' : '$personId', ',', '$choice'])),
    })
    .end()) as { data: Array<{ lines: string[] }> }
  const lines = list[0]?.lines ?? []
  return lines.map((line) => {
    const cut = line.lastIndexOf(',')
    return { key: line.slice(0, cut), choice: line.slice(cut + 1) }
  })
}

/** The households with at least one person marked as having voted (one aggregation). */
export async function turnoutByHousehold(
  db: Database,
  pollId: string,
): Promise<{ households: number }> {
  const $ = db.command.aggregate
  const { data: list } = (await db
    .collection(COLLECTION.pollVoters)
    .aggregate()
    .match({ pollId, voted: true })
    .group({ _id: '$householdId', n: $.sum(1) })
    .limit(ALL)
    .end()) as { data: Array<{ n: number }> }
  return { households: list.length }
}

export async function countVoted(db: Database, pollId: string): Promise<number> {
  const { total } = await db
    .collection(COLLECTION.pollVoters)
    .where({ pollId, voted: true })
    .count()
  return total
}

/** The turnout list: who is in the electorate and whether they voted, by name. */
export function votersOf(db: Database, pollId: string) {
  return readAll<Pick<PollVoter, 'personId' | 'name' | 'voted' | 'channel'>>(
    db,
    COLLECTION.pollVoters,
    { pollId },
    { _id: 0, personId: 1, name: 1, voted: 1, channel: 1 },
    { personId: 1 },
  )
}

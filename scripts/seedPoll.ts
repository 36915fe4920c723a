/**
 * The demo village's one counted poll (domain/matters/demo.ts DEMO_POLL), seeded honestly: the
 * electorate frozen from the seeded register with the real `freezeElectorate`, the design checked
 * with the real `checkPollDesign`, one ballot per voter under the ballot secret the back end was
 * started with (the real `ballotId`), the representatives' choices cast, and then the REAL count
 * (`publishResult`, as the scheduler runs it 30 s after the closing time): the result, its digest
 * over the ballots, the matter moved to 已决议 with the resolution, and the audit records. So the
 * export of its ballots checks with `npm run verify-tally` against the published digest.
 * Idempotent: a poll already there is left alone (counted, if a previous run stopped before).
 */
import type { Ballot, Poll, PollVoter } from '../types/model/poll'
import type { AuditRecord } from '../types/model/audit'
import { DEMO_POLL } from '../domain/matters/demo'
import { DEMO_VILLAGE_ID, demoVillage } from '../domain/village/demo'
import { checkPollDesign, defaultClosingTime } from '../domain/polls/design'
import { freezeElectorate } from '../domain/polls/electorate'
import { withDefaults } from '../domain/village/settings'
import { COLLECTION } from '../cloudfunctions/_shared/collections'
import type { Database } from '../cloudfunctions/_shared/cloud'
import { publishResult } from '../cloudfunctions/polls/count'
import { BALLOT_SECRET_ENV, ballotId, readRegister, voterId } from '../cloudfunctions/polls/repo'
import { SCHEDULER } from '../cloudfunctions/scheduler/index'
import { CAST_GRACE_MS } from '../cloudfunctions/polls/access'

/** `work` with the ballot secret in this process's environment (where `ballotId` reads it). */
function withSecret<T>(secret: string, work: () => T): T {
  const before = process.env[BALLOT_SECRET_ENV]
  process.env[BALLOT_SECRET_ENV] = secret
  try {
    return work()
  } finally {
    if (before === undefined) delete process.env[BALLOT_SECRET_ENV]
    else process.env[BALLOT_SECRET_ENV] = before
  }
}

export type SeededPoll = 'seeded' | 'counted' | 'present'

export async function seedCountedPoll(
  db: Database,
  now: Date,
  secret: string,
): Promise<SeededPoll> {
  const found = await db.collection(COLLECTION.polls).doc(DEMO_POLL.id).get()
  const existing = (Array.isArray(found.data) ? found.data[0] : found.data) as Poll | undefined
  if (existing) {
    if (existing.status === 'closed') return 'present'
    await count(db, existing)
    return 'counted'
  }
  const village = demoVillage()
  const { settings } = withDefaults(village)
  const openedAt = DEMO_POLL.openedAt(now)
  const closesAt = defaultClosingTime(
    DEMO_POLL.body,
    openedAt,
    village.talkDays,
    settings.pollNoticeDays,
  )
  const register = await readRegister(db, DEMO_VILLAGE_ID)
  const { voters, counts } = freezeElectorate(DEMO_POLL.body, register)
  checkPollDesign({
    body: DEMO_POLL.body,
    kind: DEMO_POLL.kind,
    category: 'services',
    openingAt: openedAt,
    closesAt,
    talkDays: village.talkDays,
    noticeDays: settings.pollNoticeDays,
    electorateSize: counts.size,
  })
  const choiceOf = new Map<string, string>()
  for (const v of voters) {
    for (const memberId of v.accounts) {
      const choice = DEMO_POLL.choices[memberId]
      if (choice) choiceOf.set(v.personId, choice)
    }
  }
  const ballots: Ballot[] = withSecret(secret, () =>
    voters.map((v) => {
      const choice = choiceOf.get(v.personId)
      return {
        _id: ballotId(DEMO_POLL.id, v.personId),
        pollId: DEMO_POLL.id,
        ...(choice ? { choice } : {}),
      }
    }),
  ).sort((a, b) => (a._id < b._id ? -1 : 1))
  const pollVoters: PollVoter[] = voters.map((v) => {
    const voted = choiceOf.has(v.personId)
    return {
      _id: voterId(DEMO_POLL.id, v.personId),
      pollId: DEMO_POLL.id,
      villageId: DEMO_VILLAGE_ID,
      personId: v.personId,
      householdId: v.householdId,
      name: v.name,
      accounts: v.accounts,
      voted,
      ...(voted ? { channel: 'online' as const, reached: true, reachedAt: openedAt } : {}),
    }
  })
  const poll: Poll = {
    _id: DEMO_POLL.id,
    villageId: DEMO_VILLAGE_ID,
    matterId: DEMO_POLL.matterId,
    question: DEMO_POLL.question,
    kind: DEMO_POLL.kind,
    body: DEMO_POLL.body,
    secret: DEMO_POLL.secret,
    status: 'open',
    closesAt,
    createdBy: DEMO_POLL.openedBy,
    createdAt: openedAt,
    updatedAt: openedAt,
    openedAt,
    openedBy: DEMO_POLL.openedBy,
    electorate: counts,
  }
  const opened: AuditRecord = {
    _id: `${DEMO_POLL.id}-log-1`,
    villageId: DEMO_VILLAGE_ID,
    subjectType: 'poll',
    subjectId: DEMO_POLL.id,
    action: 'openPoll',
    actorId: DEMO_POLL.openedBy,
    actorName: '张建国',
    at: openedAt,
    note: `选民 ${counts.size} 人`,
  }
  const set = async (collection: string, docs: ReadonlyArray<{ _id: string }>) => {
    for (const { _id, ...doc } of docs) await db.collection(collection).doc(_id).set(doc)
  }
  await set(COLLECTION.ballots, ballots)
  await set(COLLECTION.pollVoters, pollVoters)
  await set(COLLECTION.auditLogs, [opened])
  // The poll last: a run that stops before this leaves no half-made poll behind.
  await set(COLLECTION.polls, [poll])
  await count(db, poll)
  return 'seeded'
}

/** The real count, at the time the scheduler would have run it. */
async function count(db: Database, poll: Poll): Promise<void> {
  const countedAt = new Date(new Date(poll.closesAt).getTime() + CAST_GRACE_MS + 10_000)
  await publishResult(db, poll, countedAt, SCHEDULER)
}

/**
 * The `polls` collection as other functions read it, and the summary of a poll: the polls
 * function owns polls; the matter page lists a matter's polls the way `polls.listPolls` does.
 */
import type { PollPhase, PollSummary } from '../../types/api/polls'
import type { Matter } from '../../types/model/matter'
import type { Poll } from '../../types/model/poll'
import { matterSubject } from '../../domain/matters/actions'
import { can, type Actor } from '../../domain/permissions'
import { COLLECTION } from './collections'
import type { Database } from './cloud'

export function phaseOf(poll: Poll, now: Date): PollPhase {
  if (poll.status === 'draft') return 'draft'
  if (poll.status === 'closed') return 'closed'
  return now.getTime() >= new Date(poll.closesAt).getTime() ? 'counting' : 'open'
}

export function pollSummary(poll: Poll, now: Date): PollSummary {
  return {
    id: poll._id,
    question: poll.question,
    body: poll.body,
    secret: poll.secret,
    phase: phaseOf(poll, now),
    closesAt: new Date(poll.closesAt).toISOString(),
    ...(poll.result ? { passed: poll.result.passed } : {}),
  }
}

/** A matter's polls, newest first (one query on the matterId index). */
export async function pollsOfMatter(db: Database, matterId: string): Promise<Poll[]> {
  const { data } = await db
    .collection(COLLECTION.polls)
    .where({ matterId })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get()
  return data as Poll[]
}

/**
 * The polls of `matter` that `viewer` (a member allowed to see the matter) may see, newest first:
 * drafts are the work in progress of those who may draft polls on it.
 */
export async function visiblePolls(
  db: Database,
  viewer: Actor,
  matter: Matter,
  now: Date,
): Promise<PollSummary[]> {
  const drafter = can(viewer, 'draftPoll', matterSubject(matter)).allowed
  const polls = await pollsOfMatter(db, matter._id)
  return polls
    .filter((p) => p.villageId === matter.villageId && (p.status !== 'draft' || drafter))
    .map((p) => pollSummary(p, now))
}

/** The village's polls with status `open`, the soonest to close first (villageId+status index). */
export async function openPollsOf(db: Database, villageId: string): Promise<Poll[]> {
  const { data } = await db
    .collection(COLLECTION.polls)
    .where({ villageId, status: 'open' })
    .orderBy('closesAt', 'asc')
    .limit(100)
    .get()
  return data as Poll[]
}

/**
 * The polls of several matters of one village that `viewer` may see (one query on the matterId
 * index), newest first per matter: drafts only for those who may draft polls.
 */
export async function visiblePollsOfMatters(
  db: Database,
  viewer: Actor,
  matters: readonly Matter[],
  now: Date,
): Promise<Map<string, PollSummary[]>> {
  const out = new Map<string, PollSummary[]>(matters.map((m) => [m._id, []]))
  if (matters.length === 0) return out
  const { data } = await db
    .collection(COLLECTION.polls)
    .where({ matterId: db.command.in(matters.map((m) => m._id)) })
    .orderBy('createdAt', 'desc')
    .limit(1000)
    .get()
  const byId = new Map(matters.map((m) => [m._id, m]))
  for (const p of data as Poll[]) {
    const m = byId.get(p.matterId)
    if (!m || p.villageId !== m.villageId) continue
    if (p.status === 'draft' && !can(viewer, 'draftPoll', matterSubject(m)).allowed) continue
    out.get(m._id)?.push(pollSummary(p, now))
  }
  return out
}

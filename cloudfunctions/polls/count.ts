/**
 * Counting a poll (point 13): ONE aggregation over its ballots (every cast `<key>,<choice>`, never
 * paged), one over its turnout by household only where the law's quorum counts households, the
 * rules (law.ts), the digest over the canonical
 * ballot list, then in one transaction the immutable result on the poll, the matter moved on
 * (passed → 已决议 with the resolution; not valid, not passed or advisory → back to 议事中 with
 * the result on its timeline) and the audit records. Run by the scheduler, or by the committee's
 * closePoll once the closing time lies CAST_GRACE_MS behind.
 */
import type { Matter } from '../../types/model/matter'
import type { Poll, PollResult } from '../../types/model/poll'
import { transition } from '../../domain/matters/lifecycle'
import { SPOILED } from '../../types/model/poll'
import { audit } from '../_shared/audit'
import { runTransaction, type Database } from '../_shared/cloud'
import { notifyEvent } from '../_shared/notify'
import { pollResultMessage } from '../../domain/notifications/rules'
import { loadMatter, updateMatter } from '../_shared/matters'
import { ballotDigest, judgeChoice, judgeTally } from './law'
import { castBallots, loadPoll, turnoutByHousehold, updatePoll } from './repo'

/** The confirmed paper counts of a poll (point 10 fills `poll.paper`); unconfirmed ones are reported. */
export function confirmedPaper(poll: Poll): {
  paper: Array<{ choice: string; count: number }>
  unconfirmed: number
} {
  const boxes = poll.paper ?? []
  const byChoice = new Map<string, number>()
  for (const p of boxes) {
    if (p.confirmedBy) byChoice.set(p.choice, (byChoice.get(p.choice) ?? 0) + p.count)
  }
  return {
    paper: [...byChoice].map(([choice, count]) => ({ choice, count })),
    // paper ballots not counted: a box's unconfirmed counts, and open polls' unconfirmed named ones
    unconfirmed:
      boxes.filter((p) => !p.confirmedBy).reduce((sum, p) => sum + p.count, 0) +
      (poll.paperPending ?? 0),
  }
}

/** The result of a poll from its ballots (no writes). */
export async function countPoll(db: Database, poll: Poll, now: Date): Promise<PollResult> {
  const ballots = await castBallots(db, poll._id, poll.secret)
  const { paper, unconfirmed } = confirmedPaper(poll)
  const counts: Record<string, number> = {}
  const keys =
    poll.kind === 'yesNo' ? ['yes', 'no', 'abstain'] : (poll.options ?? []).map((o) => o.id)
  for (const k of keys) counts[k] = 0
  const add = (choice: string, n: number) => {
    const ids = poll.kind === 'yesNo' ? [choice] : choice.split('+')
    for (const id of ids) counts[id] = (counts[id] ?? 0) + n
  }
  for (const b of ballots) add(b.choice, 1)
  let spoiled = 0
  let paperBallots = 0
  for (const p of paper) {
    paperBallots += p.count
    if (p.choice === SPOILED) spoiled += p.count
    else add(p.choice, p.count)
  }
  const present = ballots.length + paperBallots
  const electorate = poll.electorate ?? { size: 0, adults: 0, households: 0, representatives: 0 }
  // Households present matter for `households` polls, and for an assembly not valid by its adults
  // (2·present > adults): only then is the turnout read by household (a second aggregation).
  const byHouseholds =
    poll.body === 'households' || (poll.body === 'assembly' && !(2 * present > electorate.adults))
  const householdsPresent = byHouseholds
    ? (await turnoutByHousehold(db, poll._id)).households
    : undefined
  // The households route of the quorum is given only where it is counted.
  const quorum = {
    body: poll.body,
    adults: electorate.adults,
    representatives: electorate.representatives,
    present,
    ...(householdsPresent !== undefined
      ? { households: electorate.households, householdsPresent }
      : {}),
  }
  const digest = ballotDigest(ballots, paper)
  const base = {
    counts,
    spoiled,
    present,
    ...(householdsPresent !== undefined ? { householdsPresent } : {}),
    turnout: present,
    electorate,
    digest,
    ballots: ballots.length,
    unconfirmedPaper: unconfirmed,
    countedAt: now,
  }
  if (poll.kind === 'yesNo') {
    const j = judgeTally({
      ...quorum,
      yes: counts.yes ?? 0,
      no: counts.no ?? 0,
      abstain: counts.abstain ?? 0,
      spoiled,
    })
    return {
      ...base,
      valid: j.valid,
      passed: j.passed,
      decides: j.decides,
      ruleVersion: j.ruleVersion,
      sentence: j.sentence,
    }
  }
  const j = judgeChoice({
    ...quorum,
    spoiled,
    options: (poll.options ?? []).map((o) => ({
      id: o.id,
      label: o.label,
      votes: counts[o.id] ?? 0,
    })),
  })
  return {
    ...base,
    valid: j.valid,
    passed: j.decided,
    decides: j.decides,
    ...(j.winner ? { winner: j.winner } : {}),
    ...(j.tie.length ? { tie: j.tie } : {}),
    ruleVersion: j.ruleVersion,
    sentence: j.sentence,
  }
}

function resolution(poll: Poll, result: PollResult): string {
  if (poll.kind === 'choice') {
    const label = poll.options?.find((o) => o.id === result.winner)?.label ?? ''
    return `${poll.question}：${label}（${result.sentence}）`
  }
  return `${poll.question}：通过（${result.sentence}）`
}

/**
 * Counts `before` (an open poll as just read) and publishes the result, unless it was counted
 * meanwhile (then nothing). By: the member who closed it, or `scheduler`.
 */
export async function publishResult(
  db: Database,
  before: Poll,
  now: Date,
  by: { id: string; name: string },
): Promise<PollResult | undefined> {
  if (before.status !== 'open') return undefined
  const result = await countPoll(db, before, now)
  const published = await runTransaction(db, async (t) => {
    const poll = await loadPoll(t, before._id)
    if (poll.status !== 'open') return undefined
    const matter: Matter = await loadMatter(t, poll.matterId)
    const passed = result.passed && result.decides
    const to = transition(matter.status, passed ? 'publishTally' : 'returnToDiscussion')
    await updatePoll(t, poll._id, {
      status: 'closed',
      closedAt: now,
      closedBy: by.id,
      result,
      updatedAt: now,
    })
    await updateMatter(t, matter._id, {
      status: to,
      statusAt: { ...matter.statusAt, [to]: now },
      ...(passed ? { decision: resolution(poll, result) } : {}),
      updatedAt: now,
    })
    const record = { villageId: poll.villageId, actorId: by.id, actorName: by.name, at: now }
    await audit(t, {
      ...record,
      subjectType: 'matter',
      subjectId: matter._id,
      action: passed ? 'publishTally' : 'returnToDiscussion',
      from: matter.status,
      to,
      note: `${poll.question}：${result.sentence}（计票摘要 ${result.digest}）`,
    })
    await audit(t, {
      ...record,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'closePoll',
      note: result.digest,
    })
    return result
  })
  // 订阅消息: those who asked on this poll's page (after the commit; never fails the count).
  if (published) {
    await notifyEvent(
      db,
      before.villageId,
      { event: 'pollResult', subjectId: before._id, now },
      pollResultMessage({
        id: before._id,
        question: before.question,
        passed: published.passed,
        decides: published.decides,
        countedAt: now,
      }),
    )
  }
  return published
}

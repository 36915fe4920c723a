/**
 * The other ways a ballot comes in — paper at the meeting (point 10), 代投 (point 11) — and 送达
 * (point 12): the checks and the database access their handlers share.
 *
 * Paper is recorded while the poll is open, until its closing time (as casting is): the count
 * reads the ballots and the paper counts once the closing time lies CAST_GRACE_MS behind, outside
 * any transaction, so nothing may still change them then. Count the box before the poll closes.
 */
import type { Person, Village } from '../../types/model/member'
import type { Poll, PollVoter, ProxyCounter } from '../../types/model/poll'
import { withDefaults } from '../../domain/village/settings'
import { COLLECTION } from '../_shared/collections'
import type { Action } from '../../domain/permissions'
import type { ActorRecord } from '../_shared/actor'
import { authorize, refuse, verifiedActorAnd } from '../_shared/authorize'
import {
  isTransactionConflict,
  runTransaction,
  type Database,
  type Transaction,
} from '../_shared/cloud'
import { fail, type HandlerContext } from '../_shared/handler'
import { byId, type Reader } from '../_shared/repo'
import { pollSubject } from './access'
import { findPoll, loadPoll, NOT_FOUND_POLL, voterId } from './repo'

export const NOT_IN_ELECTORATE = '这个人不在这次表决的选民名单里。'

export const SECRET_POLL_PAPER =
  '无记名表决的纸质票不记名：请逐个登记现场投票的人，清点票箱后录入各项票数。'

export const OPEN_POLL_PAPER = '记名表决的纸质票请逐张录入投票人和他的选择。'

export const SAME_MEMBER =
  '录入的人不能自己确认，请另一位村委会成员核对后确认（两个人各核一遍，才算数）。'

/**
 * What every paper entry shares: the caller allowed to take `action`, then in ONE transaction the
 * poll read again, open for paper, and secret (a box's counts) or open (named ballots) as the
 * entry needs; `work` does the rest in that transaction.
 */
export async function onPaper<T>(
  ctx: HandlerContext,
  pollId: string,
  action: Action,
  secret: boolean,
  work: (t: Transaction, poll: Poll, who: ActorRecord) => Promise<T>,
): Promise<T> {
  const [actor, found] = await verifiedActorAnd(ctx, findPoll(ctx.db, pollId))
  const seen = found ?? refuse(NOT_FOUND_POLL)
  const who = authorize(actor, action, pollSubject(seen), NOT_FOUND_POLL)
  return runTransaction(ctx.db, async (t) => {
    const poll = await loadPoll(t, pollId)
    assertPaperWindow(poll, ctx.now)
    if (poll.secret !== secret) fail('CONFLICT', poll.secret ? SECRET_POLL_PAPER : OPEN_POLL_PAPER)
    return work(t, poll, who)
  })
}

/** Paper is entered from the opening until the closing time. */
export function assertPaperWindow(poll: Poll, now: Date): void {
  if (poll.status === 'draft') fail('POLL_NOT_OPEN', '这次表决还没有开始。')
  if (poll.status !== 'open' || now.getTime() >= new Date(poll.closesAt).getTime()) {
    fail('POLL_CLOSED', '这次表决已经截止了，不能再录入纸质票。')
  }
}

/**
 * An early close stops the paper too: refused while paper from the meeting waits to be entered or
 * confirmed (it would never count). Checked inside the close's transaction, which writes the poll
 * as every paper entry does, so the two conflict.
 */
export function assertPaperSettled(poll: Poll): void {
  const box = poll.paper ?? []
  const boxOpen = (poll.paperVoters ?? 0) > 0 && !(box.length && box.every((p) => p.confirmedBy))
  if (boxOpen || (poll.paperPending ?? 0) > 0) {
    fail('CONFLICT', '会上的纸质票还没有录入并确认，确认以后才能提前结束。')
  }
}

/** The voter of `personId` in the frozen electorate, or NOT_ELIGIBLE. */
export async function loadVoter(r: Reader, pollId: string, personId: string): Promise<PollVoter> {
  const voter = await byId<PollVoter>(r, COLLECTION.pollVoters, voterId(pollId, personId))
  return voter ?? fail('NOT_ELIGIBLE', NOT_IN_ELECTORATE)
}

/** Fields that record 送达 the first time: nothing when the voter was reached already. */
export function reachedNow(voter: PollVoter, now: Date): Partial<PollVoter> {
  return voter.reached ? {} : { reached: true, reachedAt: now }
}

// ---- 代投 ----------------------------------------------------------------------------------

/** The village's 代投 limit per recorder and poll (VillageSettings.proxyLimit, default 3). */
export function proxyLimitOf(village: Village): number {
  return withDefaults(village).settings.proxyLimit
}

export const proxyCounterId = (pollId: string, recorderId: string) => `${pollId}_${recorderId}`

export function findProxyCounter(r: Reader, pollId: string, recorderId: string) {
  return byId<ProxyCounter>(r, COLLECTION.proxyCounters, proxyCounterId(pollId, recorderId))
}

/** A recorder's 代投 counter, written whole by each of their proxy casts. */
export async function saveProxyCounter(
  t: Transaction,
  id: string,
  counter: Omit<ProxyCounter, '_id'>,
): Promise<void> {
  await t.collection(COLLECTION.proxyCounters).doc(id).set(counter)
}

export function findPerson(r: Reader, id: string) {
  return byId<Person>(r, COLLECTION.persons, id)
}

// ---- 送达 ----------------------------------------------------------------------------------

/**
 * Records that the voter has opened the poll, once: a conditional update that changes nothing
 * when they were reached already. A collision with a transaction writing the same voter (their
 * own cast) is left for the next opening: the receipt is not worth a failed page.
 */
export async function recordReach(db: Database, voter: PollVoter, now: Date): Promise<void> {
  try {
    await db
      .collection(COLLECTION.pollVoters)
      .where({ _id: voter._id, reached: db.command.neq(true) })
      .update({ reached: true, reachedAt: now })
  } catch (error) {
    if (!isTransactionConflict(error)) throw error
  }
}

/** Every voter of a poll with whether they were reached or have voted (one aggregation). */
export async function reachOf(
  db: Database,
  pollId: string,
): Promise<Array<Pick<PollVoter, 'personId' | 'name' | 'voted' | 'reached'>>> {
  const { data } = (await db
    .collection(COLLECTION.pollVoters)
    .aggregate()
    .match({ pollId })
    .project({ _id: 0, personId: 1, name: 1, voted: 1, reached: 1 })
    .sort({ personId: 1 })
    .limit(1_000_000)
    .end()) as { data: Array<Pick<PollVoter, 'personId' | 'name' | 'voted' | 'reached'>> }
  return data
}

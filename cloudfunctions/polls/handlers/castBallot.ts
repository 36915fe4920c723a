/**
 * Casting (point 8): a voter whose person is in the frozen electorate, from an account linked to
 * that person when the poll opened, sets the choice of their one ballot (its id a keyed HMAC of
 * poll and person: retries and second accounts land on the same document) until the closing
 * time; the last cast counts. The turnout marks the person as having voted; the audit record says
 * who cast, never the ballot nor the choice; a secret ballot stores neither voter nor time.
 */
import type { Poll } from '../../../types/model/poll'
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { encodeChoice } from '../../../domain/polls/choice'
import { audit } from '../../_shared/audit'
import { authorize, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { pollSubject } from '../access'
import { findPoll, findVoter, NOT_FOUND_POLL, updateBallot, updateVoter, voterId } from '../repo'

export function assertCastable(poll: Poll, now: Date): void {
  if (poll.status === 'draft') fail('POLL_NOT_OPEN', '这次表决还没有开始。')
  if (poll.status !== 'open' || now.getTime() >= new Date(poll.closesAt).getTime()) {
    fail('POLL_CLOSED', '这次表决已经截止了，不能再投票。')
  }
}

const NOT_ELIGIBLE =
  '您不在这次表决的选民名单里（或开始表决时您的账号还没有和名册上的本人关联），不能在手机上投票。'

const VOTED_ON_PAPER = '您已经在会上投了纸质票，不能再在手机上投票。'

export const castBallot = handler(POLL_SCHEMAS.castBallot, async (input, ctx) => {
  const [actor, found] = await verifiedActorAnd(ctx, findPoll(ctx.db, input.pollId))
  const poll = found ?? refuse(NOT_FOUND_POLL)
  const who = authorize(actor, 'castBallot', pollSubject(poll), NOT_FOUND_POLL)
  assertCastable(poll, ctx.now)
  const personId = who.personId ?? fail('NOT_ELIGIBLE', NOT_ELIGIBLE)
  const choice = encodeChoice(poll, input.choice)
  await runTransaction(ctx.db, async (t) => {
    const voter = await findVoter(t, poll._id, personId)
    if (!voter || !voter.accounts.includes(who.memberId)) fail('NOT_ELIGIBLE', NOT_ELIGIBLE)
    // ticked off at the meeting (markPaperVoter, enterPaperBallot): paper and phone count once
    if (voter.channel === 'paper') fail('VOTED_ON_PAPER', VOTED_ON_PAPER)
    await updateBallot(t, poll._id, personId, { choice })
    await updateVoter(t, voterId(poll._id, personId), {
      voted: true,
      channel: 'online',
      proxy: ctx.db.command.remove(),
    })
    await audit(t, {
      villageId: poll.villageId,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'castBallot',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
    })
  })
  return { ok: true as const }
})

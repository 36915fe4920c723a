/**
 * Secret polls, at the meeting: a committee member ticks off a person of the electorate who votes
 * on paper. In one transaction: the person marked as having voted on paper (and reached), their
 * online or 代投 ballot, if any, withdrawn — its choice removed, never read nor returned — and the
 * poll's count of paper voters raised (the box's counts must add up to it). From then on the
 * person cannot cast online nor by 代投 (castBallot and castProxyBallot refuse), so paper and
 * phone count once. Ticking off the same person again changes nothing.
 */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { audit } from '../../_shared/audit'
import { fail, handler } from '../../_shared/handler'
import { loadVoter, onPaper, reachedNow } from '../channels'
import { updateBallot, updatePoll, updateVoter } from '../repo'

export const markPaperVoter = handler(POLL_SCHEMAS.markPaperVoter, async (input, ctx) => {
  const _ = ctx.db.command
  return onPaper(ctx, input.pollId, 'markPaperVoter', true, async (t, poll, who) => {
    if (poll.paper?.length) {
      fail('CONFLICT', '票箱的票数已经录入了，不能再登记现场投票的人。')
    }
    const voter = await loadVoter(t, poll._id, input.personId)
    const ticked = poll.paperVoters ?? 0
    if (voter.channel === 'paper') return { paperVoters: ticked }
    await updateBallot(t, poll._id, voter.personId, { choice: _.remove() })
    await updateVoter(t, voter._id, {
      voted: true,
      channel: 'paper',
      proxy: _.remove(),
      ...reachedNow(voter, ctx.now),
    })
    await updatePoll(t, poll._id, { paperVoters: ticked + 1, updatedAt: ctx.now })
    await audit(t, {
      villageId: poll.villageId,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'markPaperVoter',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      note: `${voter.name} 在会上投纸质票`,
    })
    return { paperVoters: ticked + 1 }
  })
})

/**
 * Open (记名) polls: a committee member enters one named paper ballot — the person and their
 * choice — as that person's one ballot (the same HMAC id as online). In one transaction: the
 * person marked as having voted on paper (and reached), their online or 代投 choice withdrawn,
 * the paper choice held on the ballot as pending (not counted), the poll's count of pending paper
 * ballots raised. It counts once a different member confirms it (confirmPaperBallot); entering
 * it again before then replaces it.
 */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { encodeChoice } from '../../../domain/polls/choice'
import { audit } from '../../_shared/audit'
import { fail, handler } from '../../_shared/handler'
import { loadVoter, onPaper, reachedNow } from '../channels'
import { findBallot, updateBallot, updatePoll, updateVoter } from '../repo'

export const enterPaperBallot = handler(POLL_SCHEMAS.enterPaperBallot, async (input, ctx) => {
  const _ = ctx.db.command
  await onPaper(ctx, input.pollId, 'enterPaperBallot', false, async (t, poll, who) => {
    const choice = encodeChoice(poll, input.choice)
    const voter = await loadVoter(t, poll._id, input.personId)
    const ballot = await findBallot(t, poll._id, voter.personId)
    if (voter.channel === 'paper' && !ballot?.pending) {
      fail('CONFLICT', `${voter.name}的纸质票已经确认过了。`)
    }
    await updateBallot(t, poll._id, voter.personId, {
      choice: _.remove(),
      pending: _.set({ choice, enteredBy: who.memberId, enteredAt: ctx.now }),
    })
    await updateVoter(t, voter._id, {
      voted: true,
      channel: 'paper',
      proxy: _.remove(),
      ...reachedNow(voter, ctx.now),
    })
    await updatePoll(t, poll._id, {
      paperPending: (poll.paperPending ?? 0) + (ballot?.pending ? 0 : 1),
      updatedAt: ctx.now,
    })
    await audit(t, {
      villageId: poll.villageId,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'enterPaperBallot',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      note: `录入${voter.name}的纸质票，等另一位村委会成员确认`,
    })
  })
  return { ok: true as const }
})

/**
 * Open (记名) polls: a committee member other than the one who entered it confirms a named paper
 * ballot by entering the same choice from the paper; it then becomes the person's counted ballot.
 * A different choice is PAPER_MISMATCH, the same member FORBIDDEN; nothing is written on refusal.
 */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { encodeChoice } from '../../../domain/polls/choice'
import { audit } from '../../_shared/audit'
import { fail, handler } from '../../_shared/handler'
import { loadVoter, onPaper, SAME_MEMBER } from '../channels'
import { findBallot, updateBallot, updatePoll } from '../repo'

export const confirmPaperBallot = handler(POLL_SCHEMAS.confirmPaperBallot, async (input, ctx) => {
  const _ = ctx.db.command
  await onPaper(ctx, input.pollId, 'confirmPaperBallot', false, async (t, poll, who) => {
    const choice = encodeChoice(poll, input.choice)
    const voter = await loadVoter(t, poll._id, input.personId)
    const pending = (await findBallot(t, poll._id, voter.personId))?.pending
    if (!pending) fail('CONFLICT', `还没有录入${voter.name}的纸质票，或者已经确认过了。`)
    if (pending.enteredBy === who.memberId) fail('FORBIDDEN', SAME_MEMBER)
    if (pending.choice !== choice) {
      fail('PAPER_MISMATCH', `您核对的选择和录入的不一样，请两位一起再看一遍${voter.name}的选票。`)
    }
    await updateBallot(t, poll._id, voter.personId, { choice, pending: _.remove() })
    await updatePoll(t, poll._id, {
      paperPending: Math.max(0, (poll.paperPending ?? 0) - 1),
      updatedAt: ctx.now,
    })
    await audit(t, {
      villageId: poll.villageId,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'confirmPaperBallot',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      note: `确认${voter.name}的纸质票`,
    })
  })
  return { ok: true as const }
})

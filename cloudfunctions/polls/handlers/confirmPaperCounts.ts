/**
 * Secret polls: a committee member other than the one who entered them confirms the box's counts
 * by entering them again from the tally sheet; they must be the very counts entered (else
 * PAPER_MISMATCH) and still add up to the persons ticked off. Confirmed, they count in the tally
 * (count.ts); the same member is refused (FORBIDDEN), and nothing is written on any refusal.
 * The confirmer sending the same confirmation again is answered as the first time, writing nothing.
 */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { paperBox, sameBox } from '../../../domain/polls/paper'
import { audit } from '../../_shared/audit'
import { fail, handler } from '../../_shared/handler'
import { onPaper, SAME_MEMBER } from '../channels'
import { updatePoll } from '../repo'

export const confirmPaperCounts = handler(POLL_SCHEMAS.confirmPaperCounts, async (input, ctx) => {
  return onPaper(ctx, input.pollId, 'confirmPaperCounts', true, async (t, poll, who) => {
    const entered = poll.paper ?? []
    if (entered.length === 0) fail('CONFLICT', '还没有录入票箱的票数。')
    const box = paperBox(poll, input.counts, poll.paperVoters ?? 0)
    if (entered.every((p) => p.confirmedBy)) {
      // The same confirmation sent again (the phone's queue never heard the first answer): it
      // already counts, so it answers as it did the first time and writes nothing.
      const replay =
        entered.every((p) => p.confirmedBy === who.memberId) && sameBox(box.lines, entered)
      if (replay) return { total: box.total }
      fail('CONFLICT', '票箱的票数已经确认过了。')
    }
    if (entered.some((p) => p.enteredBy === who.memberId)) fail('FORBIDDEN', SAME_MEMBER)
    if (!sameBox(box.lines, entered)) {
      fail('PAPER_MISMATCH', '您核对的票数和录入的不一样，请两位一起重新清点票箱。')
    }
    await updatePoll(t, poll._id, {
      paper: entered.map((p) => ({ ...p, confirmedBy: who.memberId, confirmedAt: ctx.now })),
      updatedAt: ctx.now,
    })
    await audit(t, {
      villageId: poll.villageId,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'confirmPaperCounts',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      note: `确认票箱的票数：共 ${box.total} 张`,
    })
    return { total: box.total }
  })
})

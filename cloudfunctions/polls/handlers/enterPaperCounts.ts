/**
 * Secret polls: once the box is counted, a committee member enters its counts — each choice and
 * 废票 — which must add up to the persons ticked off as voting on paper (else PAPER_MISMATCH, and
 * nothing is written). Entering again before the confirmation replaces them. They count only once
 * a different member has confirmed them (confirmPaperCounts). The answer and the audit record
 * carry the total only: nobody is shown the split before the close.
 */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { paperBox } from '../../../domain/polls/paper'
import { audit } from '../../_shared/audit'
import { fail, handler } from '../../_shared/handler'
import { onPaper } from '../channels'
import { updatePoll } from '../repo'

export const enterPaperCounts = handler(POLL_SCHEMAS.enterPaperCounts, async (input, ctx) => {
  return onPaper(ctx, input.pollId, 'enterPaperCounts', true, async (t, poll, who) => {
    if (poll.paper?.some((p) => p.confirmedBy)) {
      fail('CONFLICT', '票箱的票数已经确认了，不能再改。')
    }
    const ticked = poll.paperVoters ?? 0
    if (ticked === 0) fail('CONFLICT', '还没有登记现场投纸质票的人，请先逐个登记。')
    const box = paperBox(poll, input.counts, ticked)
    await updatePoll(t, poll._id, {
      paper: box.lines.map((l) => ({ ...l, enteredBy: who.memberId, enteredAt: ctx.now })),
      updatedAt: ctx.now,
    })
    await audit(t, {
      villageId: poll.villageId,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'enterPaperCounts',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      note: `录入票箱的票数：共 ${box.total} 张，等另一位村委会成员确认`,
    })
    return { total: box.total }
  })
})

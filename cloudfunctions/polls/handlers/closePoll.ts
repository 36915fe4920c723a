/**
 * The committee closes a poll: early once everyone in the electorate has voted (casting stops
 * now; the count follows, by the scheduler, once no cast begun before can still land), or after
 * the closing time, counting it at once if the scheduler has not yet.
 */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { audit } from '../../_shared/audit'
import { authorize, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { pollSubject } from '../access'
import { assertPaperSettled } from '../channels'
import { publishResult } from '../count'
import { countVoted, findPoll, loadPoll, NOT_FOUND_POLL, updatePoll } from '../repo'
import { countable, phaseOf } from '../views'

export const closePoll = handler(POLL_SCHEMAS.closePoll, async ({ pollId }, ctx) => {
  const [actor, found] = await verifiedActorAnd(ctx, findPoll(ctx.db, pollId))
  const poll = found ?? refuse(NOT_FOUND_POLL)
  const who = authorize(actor, 'closePoll', pollSubject(poll), NOT_FOUND_POLL)
  if (poll.status === 'draft') fail('POLL_NOT_OPEN', '这次表决还没有开始。')
  if (poll.status === 'closed') fail('CONFLICT', '这次表决已经计票公布了。')
  if (countable(poll, ctx.now)) {
    await publishResult(ctx.db, poll, ctx.now, { id: who.memberId, name: who.name })
    const after = await loadPoll(ctx.db, poll._id)
    return { phase: phaseOf(after, ctx.now), closesAt: new Date(after.closesAt).toISOString() }
  }
  if (phaseOf(poll, ctx.now) === 'counting') {
    fail('CONFLICT', '投票已经截止，正在等最后提交的选票，一分钟内会公布结果。')
  }
  const size = poll.electorate?.size ?? 0
  const voted = await countVoted(ctx.db, poll._id)
  if (voted < size) {
    fail('CONFLICT', `还有 ${size - voted} 人没有投票，要等大家都投了才能提前结束。`)
  }
  await runTransaction(ctx.db, async (t) => {
    const current = await loadPoll(t, poll._id)
    if (phaseOf(current, ctx.now) !== 'open') fail('CONFLICT', '这次表决已经截止了。')
    assertPaperSettled(current)
    await updatePoll(t, poll._id, { closesAt: ctx.now, updatedAt: ctx.now })
    await audit(t, {
      villageId: poll.villageId,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'closePoll',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      note: '全部选民已投票，提前截止',
    })
  })
  return { phase: 'counting' as const, closesAt: ctx.now.toISOString() }
})

/**
 * 送达 (point 12) for the committee: how many of the frozen electorate have been reached — opened
 * the poll in the app, or voted in any way — and who has not, by name, to visit or phone them.
 * Names and counts only: nothing about anyone's choice.
 */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { authorize, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { fail, handler } from '../../_shared/handler'
import { pollSubject } from '../access'
import { reachOf } from '../channels'
import { findPoll, NOT_FOUND_POLL } from '../repo'

export const reachReport = handler(POLL_SCHEMAS.reachReport, async ({ pollId }, ctx) => {
  const [actor, found] = await verifiedActorAnd(ctx, findPoll(ctx.db, pollId))
  const poll = found ?? refuse(NOT_FOUND_POLL)
  authorize(actor, 'reachReport', pollSubject(poll), NOT_FOUND_POLL)
  if (poll.status === 'draft') fail('POLL_NOT_OPEN', '这次表决还没有开始，还没有选民名单。')
  const voters = await reachOf(ctx.db, poll._id)
  const notReached = voters
    .filter((v) => !v.reached && !v.voted)
    .map((v) => ({ personId: v.personId, name: v.name }))
  return {
    electorateSize: voters.length,
    reached: voters.length - notReached.length,
    notReached,
  }
})

/** The turnout list for the committee: who of the electorate has voted, never when nor what. */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { authorize, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { fail, handler } from '../../_shared/handler'
import { pollSubject } from '../access'
import { findPoll, NOT_FOUND_POLL, votersOf } from '../repo'

export const listVoters = handler(POLL_SCHEMAS.listVoters, async ({ pollId }, ctx) => {
  const [actor, found] = await verifiedActorAnd(ctx, findPoll(ctx.db, pollId))
  const poll = found ?? refuse(NOT_FOUND_POLL)
  authorize(actor, 'listVoters', pollSubject(poll), NOT_FOUND_POLL)
  if (poll.status === 'draft') fail('POLL_NOT_OPEN', '这次表决还没有开始，还没有选民名单。')
  const voters = await votersOf(ctx.db, poll._id)
  return {
    items: voters.map((v) => ({
      personId: v.personId,
      name: v.name,
      voted: v.voted,
      ...(v.channel ? { channel: v.channel } : {}),
    })),
  }
})

/**
 * 我的投票: the open and counted polls whose frozen electorate holds the caller's person, open
 * ones first then the latest closed, a page at a time: whether they voted, how, and — for the
 * caller's eyes only — their own current choice when it was cast online or by 代投 (a paper
 * ballot's stays on paper). A member not linked to a person on the register has none.
 */
import type { MyVoteItem } from '../../../types/api/polls'
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { decodeCursor, encodeCursor } from '../../../domain/shared/cursor'
import { verifiedActor } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { mattersByIds } from '../../_shared/matters'
import { findBallot, pageOfPolls, votersOfPerson } from '../repo'
import { pollSummary } from '../views'

export const listMyVotes = handler(POLL_SCHEMAS.listMyVotes, async (input, ctx) => {
  const who = await verifiedActor(ctx)
  if (!who.personId) return { items: [] }
  const personId = who.personId
  const voters = await votersOfPerson(ctx.db, who.villageId, personId)
  const voterOf = new Map(voters.map((v) => [v.pollId, v]))
  const page = await pageOfPolls(ctx.db, {
    villageId: who.villageId,
    ids: [...voterOf.keys()],
    before: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  })
  const shown = page.slice(0, input.limit)
  const [matters, ballots] = await Promise.all([
    mattersByIds(ctx.db, who.villageId, [...new Set(shown.map((p) => p.matterId))]),
    Promise.all(
      shown.map((p) => {
        const voter = voterOf.get(p._id)
        // Only an account linked when the poll opened reads the choice (as getPoll).
        const own =
          voter?.voted && voter.channel !== 'paper' && voter.accounts.includes(who.memberId)
        return own ? findBallot(ctx.db, p._id, personId) : undefined
      }),
    ),
  ])
  const titleOf = new Map(matters.map((m) => [m._id, m.title]))
  const items: MyVoteItem[] = shown.map((p, i) => {
    const voter = voterOf.get(p._id)
    return {
      ...pollSummary(p, ctx.now),
      matterId: p.matterId,
      matterTitle: titleOf.get(p.matterId) ?? '',
      options: p.options ?? [],
      voted: voter?.voted ?? false,
      myChoice: ballots[i]?.choice ?? null,
      ...(voter?.voted && voter.channel ? { myChannel: voter.channel } : {}),
    }
  })
  const last = shown[shown.length - 1]
  return page.length > input.limit && last
    ? { items, nextCursor: encodeCursor(last.closesAt, last._id) }
    : { items }
})

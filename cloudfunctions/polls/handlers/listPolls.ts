/** The polls on a matter, newest first (drafts only for those who draft). */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { matterSubject } from '../../../domain/matters/actions'
import { can } from '../../../domain/permissions'
import { authorize, NOT_FOUND, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { findMatter } from '../../_shared/matters'
import { pollsOfMatter } from '../repo'
import { pollSummary } from '../views'

export const listPolls = handler(POLL_SCHEMAS.listPolls, async ({ matterId }, ctx) => {
  const [actor, matter] = await verifiedActorAnd(ctx, findMatter(ctx.db, matterId))
  if (!matter) refuse(NOT_FOUND.matter)
  const who = authorize(actor, 'viewMatter', matterSubject(matter), NOT_FOUND.matter)
  const drafter = can(who, 'draftPoll', matterSubject(matter)).allowed
  const polls = await pollsOfMatter(ctx.db, matterId)
  return {
    items: polls
      .filter((p) => p.villageId === matter.villageId && (p.status !== 'draft' || drafter))
      .map((p) => pollSummary(p, ctx.now)),
  }
})

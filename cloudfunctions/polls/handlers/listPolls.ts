/** The polls on a matter, newest first (drafts only for those who draft). */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { matterSubject } from '../../../domain/matters/actions'
import { authorize, NOT_FOUND, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { findMatter } from '../../_shared/matters'
import { visiblePolls } from '../../_shared/polls'

export const listPolls = handler(POLL_SCHEMAS.listPolls, async ({ matterId }, ctx) => {
  const [actor, matter] = await verifiedActorAnd(ctx, findMatter(ctx.db, matterId))
  if (!matter) refuse(NOT_FOUND.matter)
  const who = authorize(actor, 'viewMatter', matterSubject(matter), NOT_FOUND.matter)
  return { items: await visiblePolls(ctx.db, who, matter, ctx.now) }
})

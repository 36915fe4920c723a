/**
 * A matter's detail screen in one call: its fields, timeline, latest statements, handling and
 * ratings. Four database requests: the caller, the matter, then the timeline and the statements.
 */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { matterSubject } from '../../../domain/matters/actions'
import { authorize, NOT_FOUND, verifiedActor } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { getMatter as loadMatter, latestStatements, timelineOf } from '../repo'
import { toDetail } from '../views'

export const LATEST_STATEMENTS = 5

export const getMatter = handler(MATTER_SCHEMAS.getMatter, async ({ matterId }, ctx) => {
  const actor = await verifiedActor(ctx)
  const matter = await loadMatter(ctx.db, matterId)
  authorize(actor, 'viewMatter', matterSubject(matter), NOT_FOUND.matter)
  const [timeline, statements] = await Promise.all([
    timelineOf(ctx.db, matterId),
    latestStatements(ctx.db, matterId, LATEST_STATEMENTS),
  ])
  return toDetail(matter, timeline, statements, actor, ctx.now)
})

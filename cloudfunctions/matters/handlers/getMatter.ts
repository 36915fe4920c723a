/**
 * One matter for its detail screen: the matter, the latest entries of its timeline (newest first,
 * a cursor for older ones) and its latest statements. Four database requests: the caller, the
 * matter (read together, the caller judged first), then the timeline and the statements.
 */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { matterSubject } from '../../../domain/matters/actions'
import { encodeCursor } from '../../../domain/shared/cursor'
import { authorize, NOT_FOUND, verifiedActorAnd } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { latestStatements, loadMatter, timelineOf } from '../repo'
import { toDetail } from '../views'

export const LATEST_STATEMENTS = 5
/** Timeline entries on the detail screen; older ones page through listTimeline. */
export const TIMELINE_PAGE = 50

export const getMatter = handler(MATTER_SCHEMAS.getMatter, async ({ matterId }, ctx) => {
  const [actor, matter] = await verifiedActorAnd(ctx, loadMatter(ctx.db, matterId))
  authorize(actor, 'viewMatter', matterSubject(matter), NOT_FOUND.matter)
  const [page, statements] = await Promise.all([
    timelineOf(ctx.db, matterId, undefined, TIMELINE_PAGE),
    latestStatements(ctx.db, matterId, LATEST_STATEMENTS),
  ])
  const timeline = page.slice(0, TIMELINE_PAGE)
  const last = timeline[timeline.length - 1]
  const detail = toDetail(matter, timeline, statements, actor, ctx.now)
  return page.length > TIMELINE_PAGE && last
    ? { ...detail, timelineCursor: encodeCursor(last.at, last._id) }
    : detail
})

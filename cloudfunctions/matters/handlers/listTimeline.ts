/** Older entries of a matter's timeline, newest first, paged on (at, id). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { matterSubject } from '../../../domain/matters/actions'
import { decodeCursor, encodeCursor } from '../../../domain/shared/cursor'
import { authorize, NOT_FOUND, verifiedActorAnd } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { loadMatter, timelineOf } from '../repo'
import { toTimelineItem } from '../views'

export const listTimeline = handler(MATTER_SCHEMAS.listTimeline, async (input, ctx) => {
  const [actor, matter] = await verifiedActorAnd(ctx, loadMatter(ctx.db, input.matterId))
  authorize(actor, 'viewMatter', matterSubject(matter), NOT_FOUND.matter)
  const before = input.cursor ? decodeCursor(input.cursor) : undefined
  const page = await timelineOf(ctx.db, matter._id, before, input.limit)
  const shown = page.slice(0, input.limit)
  const last = shown[shown.length - 1]
  const items = shown.map(toTimelineItem)
  return page.length > input.limit && last
    ? { items, nextCursor: encodeCursor(last.at, last._id) }
    : { items }
})

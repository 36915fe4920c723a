/**
 * 审核: the moderators' queue of the whole village — hidden statements waiting for a review first,
 * then reported ones still in sight, then hidden ones already reviewed; oldest first within each
 * (domain/discussion/queue), a page at a time, each with its matter's title. The queue is read
 * whole (three requests, see moderationQueue) and paged on its order, so a page never skips one.
 */
import type { ModerationItem } from '../../../types/api/discussion'
import { MODERATION_SCHEMAS } from '../../../domain/discussion/schemas'
import {
  compareQueue,
  decodeQueueCursor,
  encodeQueueCursor,
} from '../../../domain/discussion/queue'
import { toStatementItem } from '../../../domain/discussion/rules'
import { authorize, verifiedActor } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { mattersByIds, moderationQueue } from '../repo'

export const listModerationQueue = handler(
  MODERATION_SCHEMAS.listModerationQueue,
  async (input, ctx) => {
    const caller = await verifiedActor(ctx)
    const who = authorize(caller, 'listModerationQueue', { villageId: caller.villageId })
    const queue = await moderationQueue(ctx.db, who.villageId)
    const after = input.cursor ? decodeQueueCursor(input.cursor) : undefined
    const rest = after ? queue.filter((e) => compareQueue(e.position, after) > 0) : queue
    const page = rest.slice(0, input.limit)
    const matters = await mattersByIds(ctx.db, who.villageId, [
      ...new Set(page.map((e) => e.statement.matterId)),
    ])
    const titles = new Map(matters.map((m) => [m._id, m.title]))
    const items: ModerationItem[] = page.map((e) => ({
      ...toStatementItem(e.statement, who, ctx.now, e.reports),
      matterId: e.statement.matterId,
      matterTitle: titles.get(e.statement.matterId) ?? '',
    }))
    const last = page[page.length - 1]
    return rest.length > input.limit && last
      ? { items, nextCursor: encodeQueueCursor(last.position) }
      : { items }
  },
)

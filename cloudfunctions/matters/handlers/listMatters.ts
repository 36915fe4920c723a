/**
 * A village's matters for the lists: by status (or any of several), by a word of the title or
 * body, by 说事日 (in agenda order), "mine", or overdue (接诉即办). Newest first with a cursor; a
 * talk day's list is its whole agenda.
 */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { authorize } from '../../_shared/authorize'
import { decodeCursor, encodeCursor } from '../../../domain/shared/cursor'
import { handler } from '../../_shared/handler'
import { agendaOf } from '../agenda'
import { queryMatters } from '../repo'
import { toSummary } from '../views'

export const listMatters = handler(MATTER_SCHEMAS.listMatters, async (input, ctx) => {
  const actor = await ctx.actor()
  const who = authorize(actor, 'viewMatter', { villageId: actor?.villageId ?? '' })
  if (input.talkDay) {
    const ids = (await agendaOf(ctx.db, who.villageId, input.talkDay)).map((s) => s.matterId)
    if (ids.length === 0) return { items: [] }
    const found = await queryMatters(ctx.db, {
      villageId: who.villageId,
      ids,
      status: input.status,
      statuses: input.statuses,
      q: input.q,
      limit: ids.length,
    })
    const order = new Map(ids.map((id, i) => [id, i]))
    const items = found
      .sort((a, b) => (order.get(a._id) ?? 0) - (order.get(b._id) ?? 0))
      .map((m) => toSummary(m, ctx.now))
    return { items }
  }
  const page = await queryMatters(ctx.db, {
    villageId: who.villageId,
    status: input.status,
    statuses: input.statuses,
    q: input.q,
    raisedBy: input.mine ? who.memberId : undefined,
    overdueAt: input.overdue ? ctx.now : undefined,
    before: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  })
  const items = page.slice(0, input.limit)
  const last = items[items.length - 1]
  return {
    items: items.map((m) => toSummary(m, ctx.now)),
    nextCursor:
      page.length > input.limit && last ? encodeCursor(last.raisedAt, last._id) : undefined,
  }
})

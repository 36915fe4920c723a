/** The committee's list of its village's members and requests, oldest request first, paged. */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { decodeCursor, encodeCursor } from '../../../domain/shared/cursor'
import { handler } from '../../_shared/handler'
import { memberView, pageOfMembers } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const listMembers = handler(VILLAGE_SCHEMAS.listMembers, async (input, ctx) => {
  const who = await allowedInOwnVillage(ctx, 'listMembers')
  const page = await pageOfMembers(ctx.db, {
    villageId: who.villageId,
    status: input.status,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit,
  })
  const shown = page.slice(0, input.limit)
  const last = shown[shown.length - 1]
  const members = shown.map((m) => memberView(m, true))
  return page.length > input.limit && last
    ? { members, nextCursor: encodeCursor(last.requestedAt, last._id) }
    : { members }
})

/** The caller's active staff records, with their units' names (none: an empty list). */
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { fail, handler } from '../../_shared/handler'
import { NOT_SIGNED_IN } from '../callers'
import { staffViews } from '../views'

export const myStaff = handler(TOWNSHIP_SCHEMAS.myStaff, async (_input, ctx) => {
  if (!ctx.openid) fail('UNAUTHENTICATED', NOT_SIGNED_IN)
  const records = [...(await ctx.staff())].sort((a, b) => (a._id < b._id ? -1 : 1))
  return { staff: await staffViews(ctx.db, records) }
})

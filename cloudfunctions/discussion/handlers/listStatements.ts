/** A matter's discussion, oldest first (a reply always follows its statement), paged on (at, id). */
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import {
  activeReports,
  decodeCursor,
  encodeCursor,
  toStatementItem,
} from '../../../domain/discussion/rules'
import { can } from '../../../domain/permissions'
import type { StatementItem } from '../../../types/api/discussion'
import { authorize, NOT_FOUND, verifiedActor } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { loadMatter, pageOfStatements, reportTimes } from '../repo'

export const listStatements = handler(DISCUSSION_SCHEMAS.listStatements, async (input, ctx) => {
  const caller = await verifiedActor(ctx)
  const matter = await loadMatter(ctx.db, input.matterId)
  const who = authorize(caller, 'listStatements', { villageId: matter.villageId }, NOT_FOUND.matter)
  const after = input.cursor ? decodeCursor(input.cursor) : undefined
  const page = await pageOfStatements(ctx.db, matter._id, after, input.limit)
  const shown = page.slice(0, input.limit)
  // Moderators see how many reports still count on each statement: one aggregation per page.
  const moderator = can(who, 'hideStatement', { villageId: matter.villageId }).allowed
  const reports = moderator ? await reportTimes(ctx.db, shown) : new Map()
  const items: StatementItem[] = shown.map((s) =>
    toStatementItem(s, who, ctx.now, activeReports(reports.get(s._id) ?? [], s)),
  )
  const last = shown[shown.length - 1]
  return page.length > input.limit && last
    ? { items, nextCursor: encodeCursor(new Date(last.at), last._id) }
    : { items }
})

/** A matter's discussion, oldest first (a reply always follows its statement), paged on (at, id). */
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import { decodeCursor } from '../../../domain/discussion/rules'
import { authorize, NOT_FOUND, verifiedActor } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { discussionPage, loadMatter } from '../repo'

export const listStatements = handler(DISCUSSION_SCHEMAS.listStatements, async (input, ctx) => {
  const caller = await verifiedActor(ctx)
  const matter = await loadMatter(ctx.db, input.matterId)
  const who = authorize(caller, 'listStatements', { villageId: matter.villageId }, NOT_FOUND.matter)
  const after = input.cursor ? decodeCursor(input.cursor) : undefined
  return discussionPage(ctx.db, who, matter, after, input.limit, ctx.now)
})

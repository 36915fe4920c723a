/**
 * 需求清单, newest first, a page at a time (by status when asked): a township's staff see their
 * township's; a village committee sees its own village's.
 */
import { decodeCursor, encodeCursor } from '../../../domain/shared/cursor'
import { staffMayTakeBack } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { handler } from '../../_shared/handler'
import { committeeOf, knownCaller, listsOwner } from '../callers'
import { LIST_PAGE, pageOfNeeds } from '../repo'
import { needViews } from '../views'

export const listNeeds = handler(TOWNSHIP_SCHEMAS.listNeeds, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const owner =
    listsOwner(caller, input.townshipId) ??
    (await committeeOf(ctx, caller, 'viewTownshipLists')).unit
  const page = await pageOfNeeds(ctx.db, {
    owner: 'staffId' in owner ? { townshipId: owner.townshipId } : { villageId: owner.villageId },
    status: input.status,
    before: input.cursor !== undefined ? decodeCursor(input.cursor) : undefined,
    limit: LIST_PAGE,
  })
  const items = page.slice(0, LIST_PAGE)
  const last = items[items.length - 1]
  return {
    items: (await needViews(ctx.db, items)).map((view, i) => {
      const claim = items[i]?.claim
      return 'staffId' in owner && view.status === 'claimed' && claim
        ? { ...view, mayTakeBackClaim: staffMayTakeBack(owner.staffId, claim) }
        : view
    }),
    ...(page.length > LIST_PAGE && last
      ? { nextCursor: encodeCursor(last.createdAt, last._id) }
      : {}),
  }
})

/**
 * 服务清单, newest first, a page at a time: a township's staff see their township's in any status;
 * a village committee sees the services open on its township's list (the ones it may take up).
 */
import { decodeCursor, encodeCursor } from '../../../domain/shared/cursor'
import { staffMayTakeBack } from '../../../domain/township/lists'
import { TOWNSHIP_SCHEMAS } from '../../../domain/township/schemas'
import { fail, handler } from '../../_shared/handler'
import { committeeOf, knownCaller, listsOwner } from '../callers'
import { LIST_PAGE, pageOfServices } from '../repo'
import { serviceView } from '../views'

export const ONLY_OPEN = '村里能看到的是待认领的服务。'

export const listServices = handler(TOWNSHIP_SCHEMAS.listServices, async (input, ctx) => {
  const caller = await knownCaller(ctx)
  const staff = listsOwner(caller, input.townshipId)
  let townshipId: string
  let status = input.status
  if (staff) {
    townshipId = staff.townshipId
  } else {
    townshipId = (await committeeOf(ctx, caller, 'viewTownshipLists')).unit.townshipId
    if (status !== undefined && status !== 'open') fail('INVALID_INPUT', ONLY_OPEN)
    status = 'open'
  }
  const page = await pageOfServices(ctx.db, {
    owner: { townshipId },
    status,
    before: input.cursor !== undefined ? decodeCursor(input.cursor) : undefined,
    limit: LIST_PAGE,
  })
  const items = page.slice(0, LIST_PAGE)
  const last = items[items.length - 1]
  return {
    items: items.map((s) => ({
      ...serviceView(s),
      ...(staff && s.status === 'claimed' && s.claim
        ? { mayTakeBackClaim: staffMayTakeBack(staff.staffId, s.claim, s) }
        : {}),
    })),
    ...(page.length > LIST_PAGE && last
      ? { nextCursor: encodeCursor(last.createdAt, last._id) }
      : {}),
  }
})

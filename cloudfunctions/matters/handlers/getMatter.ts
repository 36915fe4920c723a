/**
 * One matter for its page: the matter, the latest entries of its timeline (newest first, a cursor
 * for older ones), the first page of its discussion exactly as listStatements answers it, the
 * minutes of its talk days, its polls, the title of the matter it was merged into, and how its
 * mediation stands if it has one (the case read by its id, the matter's). Two round trips: the
 * caller and the matter (read together, the caller judged first), then the rest at once.
 */
import { DISCUSSION_PAGE } from '../../../domain/discussion/rules'
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { matterSubject } from '../../../domain/matters/actions'
import { encodeCursor } from '../../../domain/shared/cursor'
import { authorize, NOT_FOUND, verifiedActorAnd } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { findCase, caseIdOf } from '../../_shared/mediations'
import { loadVillage } from '../../_shared/villages'
import { slotsOfMatter } from '../agenda'
import { discussionPage, findMatter, loadMatter, timelineOf, visiblePolls } from '../repo'
import { mediationOf, toDetail } from '../views'

/** Timeline entries on the detail screen; older ones page through listTimeline. */
export const TIMELINE_PAGE = 50

export const getMatter = handler(MATTER_SCHEMAS.getMatter, async ({ matterId }, ctx) => {
  const [actor, matter] = await verifiedActorAnd(ctx, loadMatter(ctx.db, matterId))
  const who = authorize(actor, 'viewMatter', matterSubject(matter), NOT_FOUND.matter)
  const [page, discussion, slots, polls, target, village, mediation] = await Promise.all([
    timelineOf(ctx.db, matterId, undefined, TIMELINE_PAGE),
    discussionPage(ctx.db, who, matter, undefined, DISCUSSION_PAGE, ctx.now),
    slotsOfMatter(ctx.db, matter.villageId, matterId),
    visiblePolls(ctx.db, who, matter, ctx.now),
    matter.mergedInto ? findMatter(ctx.db, matter.mergedInto) : undefined,
    loadVillage(ctx.db, matter.villageId),
    findCase(ctx.db, caseIdOf(matterId)),
  ])
  const timeline = page.slice(0, TIMELINE_PAGE)
  const last = timeline[timeline.length - 1]
  const detail = toDetail(
    matter,
    {
      timeline,
      discussion,
      slots,
      polls,
      villageName: village.name,
      ...(target && target.villageId === matter.villageId ? { mergedIntoTitle: target.title } : {}),
      ...(mediation && mediation.villageId === matter.villageId
        ? { mediation: mediationOf(mediation, who) }
        : {}),
    },
    who,
    ctx.now,
  )
  return page.length > TIMELINE_PAGE && last
    ? { ...detail, timelineCursor: encodeCursor(last.at, last._id) }
    : detail
})

/**
 * A matter's case as the caller may see it: whole for its parties, its legal officer and the
 * committee; the brief (the matter's title and 调解中 / 已调解 / 调解结束) for any other member of
 * the village; NOT_FOUND for anyone of another village, the answer a matter without a case gets.
 */
import { MEDIATION_SCHEMAS } from '../../../domain/mediation/schemas'
import { authorize, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { CASE_NOT_FOUND, caseIdOf, findCase } from '../repo'
import { presentOne } from '../views'

export const getMediation = handler(MEDIATION_SCHEMAS.getMediation, async ({ matterId }, ctx) => {
  const [actor, c] = await verifiedActorAnd(ctx, findCase(ctx.db, caseIdOf(matterId)))
  if (!c) return refuse(CASE_NOT_FOUND)
  const who = authorize(actor, 'viewMediation', { villageId: c.villageId }, CASE_NOT_FOUND)
  return presentOne(ctx.db, who, c)
})

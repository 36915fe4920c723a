/**
 * The cases of the caller's village, newest first: whole where the caller may see them, the brief
 * elsewhere. A `status` asks for whole cases of that status only: a brief answered for it would
 * tell a non-party what its public word hides (a failure, a referral to legal aid).
 */
import { MEDIATION_LIST_LIMIT, MEDIATION_SCHEMAS } from '../../../domain/mediation/schemas'
import { authorize } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { casesOfVillage } from '../repo'
import { present } from '../views'

export const listMediations = handler(MEDIATION_SCHEMAS.listMediations, async (input, ctx) => {
  const actor = await ctx.actor()
  const who = authorize(actor, 'viewMediation', { villageId: actor?.villageId ?? '' })
  const cases = await casesOfVillage(ctx.db, who.villageId, input.status, MEDIATION_LIST_LIMIT)
  const items = await present(ctx.db, who, cases)
  return { items: input.status ? items.filter((i) => i.kind === 'full') : items }
})

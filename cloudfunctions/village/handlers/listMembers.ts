/** The committee's list of its village's members and requests, oldest request first. */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { handler } from '../../_shared/handler'
import { listMembers as members, memberView } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const listMembers = handler(VILLAGE_SCHEMAS.listMembers, async (input, ctx) => {
  const who = await allowedInOwnVillage(ctx, 'listMembers')
  const found = await members(ctx.db, who.villageId, input.status)
  return { members: found.map((m) => memberView(m, true)) }
})

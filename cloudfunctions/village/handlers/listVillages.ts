/**
 * The villages one may ask to join (public, for the join screen): by a word of the name, by the
 * village's invite code (0 or 1 answer; a malformed code is refused by the schema), or all.
 */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { handler } from '../../_shared/handler'
import { villageRefs } from '../repo'

export const listVillages = handler(VILLAGE_SCHEMAS.listVillages, async (input, ctx) => ({
  villages: await villageRefs(ctx.db, input),
}))

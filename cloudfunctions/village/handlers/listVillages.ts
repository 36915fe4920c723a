/** The villages one may ask to join: public, for the join screen. */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { handler } from '../../_shared/handler'
import { villageRefs } from '../repo'

export const listVillages = handler(VILLAGE_SCHEMAS.listVillages, async (_input, ctx) => ({
  villages: await villageRefs(ctx.db),
}))

/** 村委会启用码: the first committee member claims a new village (skeleton; see types/api/village.ts). */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { fail, handler } from '../../_shared/handler'

export const claimVillage = handler(VILLAGE_SCHEMAS.claimVillage, async () =>
  fail('NOT_FOUND', '启用码不对或已经用过了。'),
)

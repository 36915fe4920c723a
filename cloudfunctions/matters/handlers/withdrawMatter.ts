/** The raiser takes back a matter the committee has not yet accepted (已撤回). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { handler } from '../../_shared/handler'
import { changeMatter } from '../change'

export const withdrawMatter = handler(MATTER_SCHEMAS.withdrawMatter, async ({ matterId }, ctx) => {
  await changeMatter(ctx, { matterId, action: 'withdrawMatter' })
  return { ok: true as const }
})

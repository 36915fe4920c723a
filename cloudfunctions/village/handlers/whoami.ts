/** whoami: the caller's OPENID exactly as the platform injects it (never from the payload). */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { fail, handler } from '../../_shared/handler'
import { NOT_SIGNED_IN } from '../rules'

export const whoami = handler(VILLAGE_SCHEMAS.whoami, async (_input, ctx) => ({
  openid: ctx.openid ?? fail('UNAUTHENTICATED', NOT_SIGNED_IN),
}))

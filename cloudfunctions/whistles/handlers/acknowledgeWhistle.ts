/** 报到: the department (or, once escalated, the township or district) answers the whistle. */
import { WHISTLE_SCHEMAS } from '../../../domain/township/whistleSchemas'
import { handler } from '../../_shared/handler'
import { actOnWhistle } from '../change'

export const acknowledgeWhistle = handler(WHISTLE_SCHEMAS.acknowledgeWhistle, (input, ctx) =>
  actOnWhistle(ctx, input.whistleId, 'acknowledgeWhistle'),
)

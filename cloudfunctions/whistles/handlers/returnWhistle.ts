/** 退回: not this department's matter — back to the village with the reason. */
import { WHISTLE_SCHEMAS } from '../../../domain/township/whistleSchemas'
import { handler } from '../../_shared/handler'
import { actOnWhistle } from '../change'

export const returnWhistle = handler(WHISTLE_SCHEMAS.returnWhistle, (input, ctx) =>
  actOnWhistle(ctx, input.whistleId, 'returnWhistle', input.reason),
)

/** The answering unit reports how the work goes (after 报到); it shows on the matter's timeline. */
import { WHISTLE_SCHEMAS } from '../../../domain/township/whistleSchemas'
import { handler } from '../../_shared/handler'
import { actOnWhistle } from '../change'

export const reportWhistleProgress = handler(WHISTLE_SCHEMAS.reportWhistleProgress, (input, ctx) =>
  actOnWhistle(ctx, input.whistleId, 'reportWhistleProgress', input.text),
)

/** The case's legal officer records that mediation failed (调解未成), with a note when given. */
import { MEDIATION_SCHEMAS } from '../../../domain/mediation/schemas'
import { recordFailure as failure } from '../../../domain/mediation/rules'
import { handler } from '../../_shared/handler'
import { actOnCase } from '../change'

export const recordFailure = handler(MEDIATION_SCHEMAS.recordFailure, async (input, ctx) =>
  actOnCase(ctx, input.caseId, 'recordFailure', (c, who) =>
    failure(c, who.memberId, ctx.now, input.note),
  ),
)

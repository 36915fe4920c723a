/**
 * A party confirms the agreement on their own phone: the caller the platform names, never a
 * member the request names (it names none), against the text they read (`proposedAt`). With the
 * last party's confirmation the case is 已调解 and the matter's timeline says 调解完成.
 */
import { MEDIATION_SCHEMAS } from '../../../domain/mediation/schemas'
import { confirmAgreement as confirm } from '../../../domain/mediation/rules'
import { handler } from '../../_shared/handler'
import { actOnCase } from '../change'

export const confirmAgreement = handler(MEDIATION_SCHEMAS.confirmAgreement, async (input, ctx) =>
  actOnCase(ctx, input.caseId, 'confirmAgreement', (c, who) =>
    confirm(c, who.memberId, ctx.now, new Date(input.proposedAt)),
  ),
)

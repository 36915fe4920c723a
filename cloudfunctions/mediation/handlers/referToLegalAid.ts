/** The case's legal officer refers it to legal aid (法律援助), while open or after it failed. */
import { MEDIATION_SCHEMAS } from '../../../domain/mediation/schemas'
import { referToLegalAid as refer } from '../../../domain/mediation/rules'
import { handler } from '../../_shared/handler'
import { actOnCase } from '../change'

export const referToLegalAid = handler(MEDIATION_SCHEMAS.referToLegalAid, async (input, ctx) =>
  actOnCase(ctx, input.caseId, 'referToLegalAid', (c, who) =>
    refer(c, who.memberId, input.to, input.note, ctx.now),
  ),
)

/**
 * The case's legal officer proposes the agreement (调解协议). A new text replaces the old and
 * clears every confirmation; the old words stay in the case's audit record.
 */
import { MEDIATION_SCHEMAS } from '../../../domain/mediation/schemas'
import { proposeAgreement as propose } from '../../../domain/mediation/rules'
import { handler } from '../../_shared/handler'
import { actOnCase } from '../change'

export const proposeAgreement = handler(MEDIATION_SCHEMAS.proposeAgreement, async (input, ctx) =>
  actOnCase(ctx, input.caseId, 'proposeAgreement', (c, who) =>
    propose(c, who.memberId, input.text, ctx.now),
  ),
)

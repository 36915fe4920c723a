/** The case's legal officer records a meeting of the parties: when, where, and the notes. */
import { MEDIATION_SCHEMAS } from '../../../domain/mediation/schemas'
import { recordMeeting as meeting } from '../../../domain/mediation/rules'
import { handler } from '../../_shared/handler'
import { actOnCase } from '../change'

export const recordMeeting = handler(MEDIATION_SCHEMAS.recordMeeting, async (input, ctx) =>
  actOnCase(ctx, input.caseId, 'recordMeeting', (c, who) =>
    meeting(c, who.memberId, new Date(input.at), input, ctx.now),
  ),
)

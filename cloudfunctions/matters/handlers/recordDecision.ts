/** 民事民决 by agreement at the meeting: the committee records what was decided (已决议). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { handler } from '../../_shared/handler'
import { changeMatter } from '../change'

export const recordDecision = handler(MATTER_SCHEMAS.recordDecision, async (input, ctx) => {
  await changeMatter(ctx, {
    matterId: input.matterId,
    action: 'recordDecision',
    note: input.decision,
    patch: () => ({ decision: input.decision }),
  })
  return { ok: true as const }
})

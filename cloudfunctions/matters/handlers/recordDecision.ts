/**
 * 民事民决 by agreement at the meeting: the committee records what was decided (已决议). Never for
 * an Art. 24 matter: only the assembly or the representatives' meeting decides those (a poll),
 * refused with POLL_DESIGN and a plain reason.
 */
import { isArt24 } from '../../../domain/matters/categories'
import { ART24_DECISION } from '../../../domain/matters/procedure'
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { fail, handler } from '../../_shared/handler'
import { changeMatter } from '../change'

export const recordDecision = handler(MATTER_SCHEMAS.recordDecision, async (input, ctx) => {
  await changeMatter(ctx, {
    matterId: input.matterId,
    action: 'recordDecision',
    note: input.decision,
    patch: (matter) => {
      if (isArt24(matter.category)) fail('POLL_DESIGN', ART24_DECISION)
      return { decision: input.decision }
    },
  })
  return { ok: true as const }
})

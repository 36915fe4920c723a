/**
 * 四议: the committee records (or corrects) one step of an Art. 24 matter before it is put to the
 * vote: 党支部会提议, 两委会商议, 党员大会审议, in order, each with its date, 应到 / 实到, the result and a
 * note. Written on the matter (`procedure`) with its timeline entry; refused once a poll on the
 * matter has opened (that write conflicts with the poll's, so they never both pass).
 */
import { checkProcedureStep, stepNote } from '../../../domain/matters/procedure'
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { shanghaiDate } from '../../../domain/shared/time'
import { handler } from '../../_shared/handler'
import { actOnMatter } from '../change'

export const recordProcedureStep = handler(
  MATTER_SCHEMAS.recordProcedureStep,
  async (input, ctx) => {
    return actOnMatter(ctx, input.matterId, 'recordProcedureStep', async (matter, _t, who) => {
      checkProcedureStep(matter, input, shanghaiDate(ctx.now))
      const { step, date, expected, present, result, note } = input
      const corrected = matter.procedure?.[step] !== undefined
      return {
        patch: {
          procedure: {
            ...matter.procedure,
            [step]: { date, expected, present, result, note, by: who.memberId, at: ctx.now },
          },
        },
        entry: { note: `${corrected ? '更正：' : ''}${stepNote(input)}` },
        result: { ok: true as const },
      }
    })
  },
)

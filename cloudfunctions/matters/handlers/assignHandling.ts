/** 民事民办: the committee names who carries out the decision, and by when (办理中). */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { shanghaiDate } from '../../../domain/shared/time'
import { fail, handler } from '../../_shared/handler'
import { changeMatter } from '../change'
import { findMember } from '../repo'

export const assignHandling = handler(MATTER_SCHEMAS.assignHandling, async (input, ctx) => {
  if (input.deadline < shanghaiDate(ctx.now)) fail('INVALID_INPUT', '办理期限不能早于今天。')
  await changeMatter(ctx, {
    matterId: input.matterId,
    action: 'assignHandling',
    patch: async (matter, t) => {
      // Missing, of another village, or not verified: one answer.
      const handlerMember = await findMember(t, input.handlerId)
      if (
        !handlerMember ||
        handlerMember.villageId !== matter.villageId ||
        handlerMember.status !== 'verified'
      ) {
        fail('INVALID_INPUT', '办理人应当是本村已认证的村民。')
      }
      return {
        handling: {
          handlerId: handlerMember._id,
          handlerName: handlerMember.name,
          deadline: input.deadline,
          assignedAt: ctx.now,
          reports: [],
        },
      }
    },
    note: (matter) => `办理人：${matter.handling?.handlerName ?? ''}，期限 ${input.deadline}`,
  })
  return { ok: true as const }
})

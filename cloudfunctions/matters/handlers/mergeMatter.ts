/**
 * The committee merges a raised matter into another one of the village (已合并). The target must
 * already be taken up (accepted or further) and not finished: a merge into a matter still waiting
 * (待受理) could be lost when that one is declined, and two raised matters merged into each other
 * would vanish together. Both matters are written in the transaction, so a merge racing a change
 * of the target (or the reverse merge) cannot both pass; both timelines say so.
 */
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { FINAL_STATUSES, STATUS_LABELS } from '../../../domain/matters/lifecycle'
import { audit } from '../../_shared/audit'
import { fail, handler } from '../../_shared/handler'
import { deliverQueued } from '../../_shared/notify'
import { changeMatter } from '../change'
import { answerRaiser } from '../notifyAnswer'
import { findMatter, updateMatter } from '../repo'

export const mergeMatter = handler(MATTER_SCHEMAS.mergeMatter, async (input, ctx) => {
  if (input.intoId === input.matterId) fail('INVALID_INPUT', '不能合并到它自己。')
  let message: string | undefined
  await changeMatter(ctx, {
    matterId: input.matterId,
    action: 'mergeMatter',
    patch: async (matter, t, who) => {
      // Missing, or of another village: one answer, which tells nothing about other villages.
      const into = await findMatter(t, input.intoId)
      if (!into || into.villageId !== matter.villageId) fail('NOT_FOUND', '找不到要合并到的事项。')
      if (FINAL_STATUSES.includes(into.status)) fail('CONFLICT', '要合并到的事项已经结束了。')
      if (into.status === 'raised') {
        fail('CONFLICT', `要合并到的事项还是“${STATUS_LABELS.raised}”，请先受理它。`)
      }
      await updateMatter(t, into._id, { updatedAt: ctx.now })
      await audit(t, {
        villageId: into.villageId,
        subjectType: 'matter',
        subjectId: into._id,
        action: 'mergeMatter',
        actorId: who.memberId,
        actorName: who.name,
        at: ctx.now,
        note: `合并了“${matter.title}”`,
      })
      message = await answerRaiser(
        t,
        matter,
        who,
        { kind: 'merged', intoTitle: into.title },
        ctx.now,
      )
      return { mergedInto: into._id }
    },
    note: () => '合并到另一件事',
  })
  if (message) await deliverQueued(ctx.db, [message])
  return { ok: true as const }
})

/** A moderator hides a statement with a reason (or confirms an automatic hiding), audited. */
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import { hiddenFields } from '../../../domain/discussion/rules'
import type { Statement } from '../../../types/model/statement'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { assertNotDeleted, statementFor } from '../access'
import { auditStatement } from '../moderation'
import { getStatement, updateStatement } from '../repo'

function assertHideable(statement: Statement): void {
  assertNotDeleted(statement)
  if (statement.hidden && !statement.hiding?.pendingReview) fail('CONFLICT', '这条发言已经隐藏了。')
}

export const hideStatement = handler(DISCUSSION_SCHEMAS.hideStatement, async (input, ctx) => {
  const { who, load } = await statementFor(ctx, 'hideStatement')
  assertHideable(await load(input.statementId))
  await runTransaction(ctx.db, async (t) => {
    const statement = await getStatement(t, input.statementId)
    assertHideable(statement)
    await updateStatement(
      t,
      statement._id,
      hiddenFields('moderator', ctx.now, { moderatorId: who.memberId, reason: input.reason }),
    )
    await auditStatement(t, statement, {
      action: 'hideStatement',
      who,
      at: ctx.now,
      to: 'hidden',
      note: input.reason,
    })
  })
  return { ok: true as const }
})

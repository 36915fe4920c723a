/**
 * A moderator puts a hidden statement back in sight with a reason, audited. Reports made before
 * the restore no longer count towards hiding it again.
 */
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import type { Statement } from '../../../types/model/statement'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { assertNotDeleted, statementFor } from '../access'
import { auditStatement } from '../moderation'
import { getStatement, updateStatement } from '../repo'

function assertRestorable(statement: Statement): void {
  assertNotDeleted(statement)
  if (!statement.hidden) fail('CONFLICT', '这条发言没有被隐藏。')
}

export const restoreStatement = handler(DISCUSSION_SCHEMAS.restoreStatement, async (input, ctx) => {
  const { who, load } = await statementFor(ctx, 'restoreStatement')
  assertRestorable(await load(input.statementId))
  await runTransaction(ctx.db, async (t) => {
    const statement = await getStatement(t, input.statementId)
    assertRestorable(statement)
    await updateStatement(t, statement._id, { hidden: false, hiding: null, restoredAt: ctx.now })
    await auditStatement(t, statement, {
      action: 'restoreStatement',
      who,
      at: ctx.now,
      to: 'visible',
      note: input.reason,
    })
  })
  return { ok: true as const }
})

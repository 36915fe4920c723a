/** The author takes their statement back: the text is removed, its place in the thread stays. */
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { assertNotDeleted, statementFor } from '../access'
import { auditStatement } from '../moderation'
import { getStatement, updateStatement } from '../repo'

export const deleteStatement = handler(DISCUSSION_SCHEMAS.deleteStatement, async (input, ctx) => {
  const { who, load } = await statementFor(ctx, 'deleteStatement')
  assertNotDeleted(await load(input.statementId))
  await runTransaction(ctx.db, async (t) => {
    const statement = await getStatement(t, input.statementId)
    assertNotDeleted(statement)
    await updateStatement(t, statement._id, { text: '', deleted: true, deletedAt: ctx.now })
    await auditStatement(t, statement, {
      action: 'deleteStatement',
      who,
      at: ctx.now,
      to: 'deleted',
    })
  })
  return { ok: true as const }
})

/** The author corrects their statement within 10 minutes of posting it. */
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import {
  assertAcceptsStatements,
  EDIT_WINDOW_MS,
  hiddenFields,
  withinEditWindow,
} from '../../../domain/discussion/rules'
import type { Statement } from '../../../types/model/statement'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { assertNotDeleted, checkedText, statementFor } from '../access'
import { auditStatement } from '../moderation'
import { getStatement, loadMatter, updateStatement } from '../repo'

function assertEditable(statement: Statement, now: Date): void {
  assertNotDeleted(statement)
  if (statement.hidden) fail('CONFLICT', '这条发言已被隐藏，不能修改。')
  if (!withinEditWindow(new Date(statement.at), now)) {
    fail('CONFLICT', `发言超过 ${EDIT_WINDOW_MS / 60000} 分钟就不能修改了。`)
  }
}

export const editStatement = handler(DISCUSSION_SCHEMAS.editStatement, async (input, ctx) => {
  const { who, load } = await statementFor(ctx, 'editStatement')
  const statement = await load(input.statementId)
  assertEditable(statement, ctx.now)
  assertAcceptsStatements((await loadMatter(ctx.db, statement.matterId)).status)
  const { hidden } = await checkedText(ctx, input.text)
  await runTransaction(ctx.db, async (t) => {
    // Deleted or hidden meanwhile? Then the edit must not bring it back.
    const current = await getStatement(t, input.statementId)
    assertEditable(current, ctx.now)
    await updateStatement(t, input.statementId, {
      text: input.text,
      editedAt: ctx.now,
      ...(hidden ? hiddenFields('contentCheck', ctx.now) : {}),
    })
    await auditStatement(t, current, {
      action: 'editStatement',
      who,
      at: ctx.now,
      to: hidden ? 'hidden' : 'visible',
      textBefore: current.text,
    })
  })
  return { hidden }
})

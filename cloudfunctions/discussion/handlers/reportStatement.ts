/**
 * A member reports a statement, once. When the reports since the last review reach the village's
 * threshold (default 3), the statement is hidden automatically until a moderator looks at it.
 */
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import {
  hiddenFields,
  reportThreshold,
  shouldAutoHide,
  stateOf,
} from '../../../domain/discussion/rules'
import type { Statement } from '../../../types/model/statement'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { assertNotDeleted, statementFor } from '../access'
import { auditStatement } from '../moderation'
import { findVillage } from '../../_shared/villages'
import { getStatement, updateStatement } from '../repo'

function assertReportable(statement: Statement, memberId: string): void {
  assertNotDeleted(statement)
  if (statement.authorId === memberId) fail('CONFLICT', '不能举报自己的发言。')
  if (statement.reports.some((r) => r.memberId === memberId)) {
    fail('CONFLICT', '您已经举报过这条发言了，主持人会尽快处理。')
  }
}

export const reportStatement = handler(DISCUSSION_SCHEMAS.reportStatement, async (input, ctx) => {
  const { who, load } = await statementFor(ctx, 'reportStatement')
  const found = await load(input.statementId)
  assertReportable(found, who.memberId)
  const threshold = reportThreshold((await findVillage(ctx.db, found.villageId))?.settings)
  return runTransaction(ctx.db, async (t) => {
    const statement = await getStatement(t, input.statementId)
    assertReportable(statement, who.memberId)
    const reports = [
      ...statement.reports,
      { memberId: who.memberId, reason: input.reason, at: ctx.now },
    ]
    const hide = shouldAutoHide({ ...statement, reports }, threshold)
    await updateStatement(t, statement._id, {
      reports,
      ...(hide ? hiddenFields('reports', ctx.now) : {}),
    })
    // Every report is audited; the one that reaches the threshold also hides the statement.
    await auditStatement(t, statement, {
      action: 'reportStatement',
      who,
      at: ctx.now,
      to: hide ? 'hidden' : stateOf(statement),
      note: hide
        ? `被 ${threshold} 位村民举报，已自动隐藏，等待主持人审核。`
        : input.reason || undefined,
    })
    return { hidden: hide || statement.hidden }
  })
})

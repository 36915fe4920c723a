/**
 * A member reports a statement, once. When the reports since the last review reach the village's
 * threshold (default 3), the statement is hidden automatically until a moderator looks at it.
 *
 * Each report is a document of its own (`<statementId>_<memberId>`), so members reporting one
 * statement at once never write the same document and never take turns. Whether to hide is
 * decided after the report is committed, by counting the committed reports: of reports committed
 * at the same moment, the last one to commit counts them all, so the threshold is never reached
 * without the statement being hidden. The hiding writes the statement, so two callers hiding it
 * at once conflict and it is hidden once.
 */
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import { hiddenFields, reportThreshold, shouldAutoHide } from '../../../domain/discussion/rules'
import type { Statement } from '../../../types/model/statement'
import type { ActorRecord } from '../../_shared/actor'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler, type HandlerContext } from '../../_shared/handler'
import { findVillage } from '../../_shared/villages'
import { assertNotDeleted, statementFor } from '../access'
import { auditStatement } from '../moderation'
import {
  addReport,
  countActiveReports,
  findReport,
  getStatement,
  reportId,
  updateStatement,
} from '../repo'

function assertReportable(statement: Statement, memberId: string): void {
  assertNotDeleted(statement)
  if (statement.authorId === memberId) fail('CONFLICT', '不能举报自己的发言。')
}

/** Hides the statement when its reports that still count reach `threshold`; answers `hidden`. */
async function hideIfReported(
  ctx: HandlerContext,
  statementId: string,
  who: ActorRecord,
  threshold: number,
): Promise<boolean> {
  const seen = await getStatement(ctx.db, statementId)
  if (!shouldAutoHide(seen, await countActiveReports(ctx.db, seen), threshold)) return seen.hidden
  return runTransaction(ctx.db, async (t) => {
    const statement = await getStatement(t, statementId)
    // Counted again against this read: a restore committed meanwhile resets what counts.
    const active = await countActiveReports(ctx.db, statement)
    if (!shouldAutoHide(statement, active, threshold)) return statement.hidden
    await updateStatement(t, statement._id, hiddenFields('reports', ctx.now))
    await auditStatement(t, statement, {
      action: 'reportStatement',
      who,
      at: ctx.now,
      to: 'hidden',
      note: `被 ${active} 位村民举报，已自动隐藏，等待主持人审核。`,
    })
    return true
  })
}

export const reportStatement = handler(DISCUSSION_SCHEMAS.reportStatement, async (input, ctx) => {
  const { who, load } = await statementFor(ctx, 'reportStatement')
  const found = await load(input.statementId)
  assertReportable(found, who.memberId)
  const threshold = reportThreshold((await findVillage(ctx.db, found.villageId))?.settings)
  await runTransaction(ctx.db, async (t) => {
    const statement = await getStatement(t, input.statementId)
    assertReportable(statement, who.memberId)
    // Two reports by one member at once write the same document: one of them conflicts, retries
    // and is told here.
    if (await findReport(t, statement._id, who.memberId)) {
      fail('CONFLICT', '您已经举报过这条发言了，主持人会尽快处理。')
    }
    await addReport(t, {
      _id: reportId(statement._id, who.memberId),
      villageId: statement.villageId,
      statementId: statement._id,
      memberId: who.memberId,
      reason: input.reason,
      at: ctx.now,
    })
    // Every report is audited; the one whose count reaches the threshold also hides it (below).
    await auditStatement(t, statement, {
      action: 'reportStatement',
      who,
      at: ctx.now,
      to: statement.hidden ? 'hidden' : 'visible',
      note: input.reason || undefined,
    })
  })
  return { hidden: await hideIfReported(ctx, input.statementId, who, threshold) }
})

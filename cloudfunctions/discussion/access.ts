/** Who may act on a statement, and the checks every write of a statement shares. */
import type { Action } from '../../domain/permissions'
import type { Statement } from '../../types/model/statement'
import type { ActorRecord } from '../_shared/actor'
import { authorize, NOT_FOUND, verifiedActor } from '../_shared/authorize'
import { checkContent } from '../_shared/contentCheck'
import { fail, type HandlerContext } from '../_shared/handler'
import { getStatement } from './repo'

export function statementSubject(statement: Statement) {
  return { villageId: statement.villageId, ownerId: statement.authorId }
}

/** Reads the statement and asks the permissions whether the caller may take `action` on it. */
export async function statementFor(
  ctx: HandlerContext,
  action: Action,
): Promise<{ who: ActorRecord; load: (id: string) => Promise<Statement> }> {
  // Verified before anything is read: a stranger learns nothing, not even that it exists.
  const caller = await verifiedActor(ctx)
  return {
    who: caller,
    load: async (id) => {
      const statement = await getStatement(ctx.db, id)
      authorize(caller, action, statementSubject(statement), NOT_FOUND.statement)
      return statement
    },
  }
}

/** Refuses a statement that its author has deleted. */
export function assertNotDeleted(statement: Statement): void {
  if (statement.deleted) fail('CONFLICT', '这条发言已经删除了。')
}

/**
 * Passes `text` through the content check. Rejected text is refused here, before anything is
 * written; `hidden` tells the caller to store it out of sight pending a moderator's review.
 */
export async function checkedText(ctx: HandlerContext, text: string): Promise<{ hidden: boolean }> {
  const verdict = await checkContent({ text, openid: ctx.openid, scene: 'comment' })
  if (verdict === 'reject') {
    fail('INVALID_INPUT', '发言里有不文明的用语，请修改后再发。')
  }
  return { hidden: verdict === 'review' }
}

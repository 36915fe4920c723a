/**
 * The audit record of a statement's post, edit or change of visibility (subjectType 'statement'):
 * every write that changes what people see leaves one, in the same transaction.
 */
import { stateOf } from '../../domain/discussion/rules'
import type { StatementState } from '../../types/api/discussion'
import type { Statement } from '../../types/model/statement'
import type { ActorRecord } from '../_shared/actor'
import { audit } from '../_shared/audit'
import type { Transaction } from '../_shared/cloud'

export function auditStatement(
  t: Transaction,
  statement: Statement,
  entry: {
    action: string
    who: ActorRecord
    at: Date
    to: StatementState
    note?: string
    /** An edit: the text people saw before it. */
    textBefore?: string
    /** A new statement: it had no state before. */
    created?: boolean
  },
): Promise<void> {
  return audit(t, {
    villageId: statement.villageId,
    subjectType: 'statement',
    subjectId: statement._id,
    action: entry.action,
    actorId: entry.who.memberId,
    actorName: entry.who.name,
    at: entry.at,
    ...(entry.created ? {} : { from: stateOf(statement) }),
    to: entry.to,
    ...(entry.note ? { note: entry.note } : {}),
    ...(entry.textBefore !== undefined ? { textBefore: entry.textBefore } : {}),
  })
}

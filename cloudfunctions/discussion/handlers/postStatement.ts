/** 民事民议: a verified member speaks on a matter of their village, or answers a statement. */
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import {
  assertAcceptsStatements,
  hiddenFields,
  mayPostAnother,
  rateWindowStart,
  RATE_LIMIT,
} from '../../../domain/discussion/rules'
import { authorize, NOT_FOUND, verifiedActor } from '../../_shared/authorize'
import { fail, handler } from '../../_shared/handler'
import { checkedText } from '../access'
import { addStatement, countStatementsSince, getMatter } from '../repo'
import { COLLECTION } from '../../_shared/collections'
import { byId } from '../../_shared/repo'
import type { Statement } from '../../../types/model/statement'

export const postStatement = handler(DISCUSSION_SCHEMAS.postStatement, async (input, ctx) => {
  const caller = await verifiedActor(ctx)
  const matter = await getMatter(ctx.db, input.matterId)
  const who = authorize(caller, 'postStatement', { villageId: matter.villageId }, NOT_FOUND.matter)
  assertAcceptsStatements(matter.status)

  // One level of replies: answering a reply attaches to that reply's top-level statement.
  let replyTo: string | undefined
  if (input.replyTo) {
    // Missing, or on another matter: one answer.
    const parent = await byId<Statement>(ctx.db, COLLECTION.statements, input.replyTo)
    if (!parent || parent.matterId !== matter._id) fail('NOT_FOUND', '找不到要回复的发言。')
    if (parent.deleted || parent.hidden) fail('CONFLICT', '这条发言已被删除或隐藏，不能回复。')
    replyTo = parent.replyTo ?? parent._id
  }

  const recent = await countStatementsSince(ctx.db, who.memberId, rateWindowStart(ctx.now))
  if (!mayPostAnother(recent)) {
    fail('RATE_LIMITED', `发言太快了：每分钟最多发 ${RATE_LIMIT.statements} 条，请稍等一会儿再发。`)
  }

  const { hidden } = await checkedText(ctx, input.text)
  const statementId = await addStatement(ctx.db, {
    villageId: matter.villageId,
    matterId: matter._id,
    authorId: who.memberId,
    authorName: who.name,
    text: input.text,
    at: ctx.now,
    ...(replyTo ? { replyTo } : {}),
    deleted: false,
    ...(hidden ? hiddenFields('contentCheck', ctx.now) : { hidden: false }),
    reports: [],
  })
  return { statementId, ...(replyTo ? { replyTo } : {}), hidden }
})

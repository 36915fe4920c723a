/**
 * 民事民议: a verified member speaks on a matter of their village, or answers a statement. The
 * rate limit, the statement and its audit record are one transaction that writes the member's
 * posting window, so concurrent posts by one member take turns and cannot pass the limit together.
 */
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import {
  assertAcceptsStatements,
  hiddenFields,
  mayPostAnother,
  rateWindowStart,
  RATE_LIMIT,
} from '../../../domain/discussion/rules'
import { authorize, NOT_FOUND, verifiedActor } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { checkedText } from '../access'
import { auditStatement } from '../moderation'
import { addStatement, findStatement, loadMatter, postingWindow, savePostingWindow } from '../repo'

export const postStatement = handler(DISCUSSION_SCHEMAS.postStatement, async (input, ctx) => {
  const caller = await verifiedActor(ctx)
  const matter = await loadMatter(ctx.db, input.matterId)
  const who = authorize(caller, 'postStatement', { villageId: matter.villageId }, NOT_FOUND.matter)
  assertAcceptsStatements(matter.status)

  // One level of replies: answering a reply attaches to that reply's top-level statement.
  let replyTo: string | undefined
  if (input.replyTo) {
    // Missing, or on another matter: one answer.
    const parent = await findStatement(ctx.db, input.replyTo)
    if (!parent || parent.matterId !== matter._id) fail('NOT_FOUND', '找不到要回复的发言。')
    if (parent.deleted || parent.hidden) fail('CONFLICT', '这条发言已被删除或隐藏，不能回复。')
    replyTo = parent.replyTo ?? parent._id
  }

  const { hidden } = await checkedText(ctx, input.text)
  const statementId = await runTransaction(ctx.db, async (t) => {
    const since = rateWindowStart(ctx.now).getTime()
    const recent = (await postingWindow(t, who.memberId)).filter((at) => at.getTime() > since)
    if (!mayPostAnother(recent.length)) {
      fail(
        'RATE_LIMITED',
        `发言太快了：每分钟最多发 ${RATE_LIMIT.statements} 条，请稍等一会儿再发。`,
      )
    }
    await savePostingWindow(t, who.memberId, {
      villageId: who.villageId,
      recent: [...recent, ctx.now],
    })
    const statement = {
      villageId: matter.villageId,
      matterId: matter._id,
      authorId: who.memberId,
      authorName: who.name,
      text: input.text,
      at: ctx.now,
      ...(replyTo ? { replyTo } : {}),
      deleted: false,
      ...(hidden ? hiddenFields('contentCheck', ctx.now) : { hidden: false }),
    }
    const id = await addStatement(t, statement)
    await auditStatement(
      t,
      { ...statement, _id: id },
      {
        action: 'postStatement',
        who,
        at: ctx.now,
        to: hidden ? 'hidden' : 'visible',
        created: true,
      },
    )
    return id
  })
  return { statementId, ...(replyTo ? { replyTo } : {}), hidden }
})

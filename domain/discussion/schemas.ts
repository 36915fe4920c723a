/**
 * The input of every `discussion` action. The mini-program's forms check with the same schemas
 * before sending; the function checks again, since a request can come from anywhere.
 */
import * as v from 'valibot'
import type { DiscussionApi, DiscussionModerationApi } from '../../types/api/discussion'
import { cursor, id, optionalText, pageSize, payload, text } from '../shared/validate'
import { QUEUE_CURSOR_PATTERN } from './queue'
import { CURSOR_PATTERN, DISCUSSION_LIMITS } from './rules'

const matterId = id('事项编号')
const statementId = id('发言编号')
const statementText = text('发言', DISCUSSION_LIMITS.text, { multiline: true })
const reason = text('理由', DISCUSSION_LIMITS.reason)

type Schemas = {
  [A in keyof DiscussionApi]: v.GenericSchema<unknown, DiscussionApi[A]['request']>
}

export const DISCUSSION_SCHEMAS = {
  postStatement: payload({
    matterId,
    text: statementText,
    replyTo: v.optional(id('要回复的发言')),
  }),
  editStatement: payload({ statementId, text: statementText }),
  deleteStatement: payload({ statementId }),
  reportStatement: payload({
    statementId,
    reason: optionalText('举报理由', DISCUSSION_LIMITS.reason),
  }),
  hideStatement: payload({ statementId, reason }),
  restoreStatement: payload({ statementId, reason }),
  listStatements: payload({
    matterId,
    cursor: cursor(CURSOR_PATTERN),
    limit: pageSize,
  }),
} satisfies Schemas

/** The input of the moderators' queue. */
export const MODERATION_SCHEMAS = {
  listModerationQueue: payload({ cursor: cursor(QUEUE_CURSOR_PATTERN), limit: pageSize }),
} satisfies {
  [A in keyof DiscussionModerationApi]: v.GenericSchema<
    unknown,
    DiscussionModerationApi[A]['request']
  >
}

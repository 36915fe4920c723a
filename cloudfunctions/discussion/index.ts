// The `discussion` function: 民事民议 — statements and replies on a matter, and their moderation.
import type { DiscussionApi, DiscussionModerationApi } from '../../types/api/discussion'
import { createMain, type Handlers } from '../_shared/handler'
import { deleteStatement } from './handlers/deleteStatement'
import { editStatement } from './handlers/editStatement'
import { hideStatement } from './handlers/hideStatement'
import { listModerationQueue } from './handlers/listModerationQueue'
import { listStatements } from './handlers/listStatements'
import { postStatement } from './handlers/postStatement'
import { reportStatement } from './handlers/reportStatement'
import { restoreStatement } from './handlers/restoreStatement'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<DiscussionApi & DiscussionModerationApi> = {
  postStatement,
  editStatement,
  deleteStatement,
  reportStatement,
  hideStatement,
  restoreStatement,
  listStatements,
  listModerationQueue,
}

export const main = createMain<DiscussionApi & DiscussionModerationApi>('discussion', HANDLERS)

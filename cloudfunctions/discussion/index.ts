// The `discussion` function: 民事民议 — statements and replies on a matter, and their moderation.
import type { DiscussionApi } from '../../types/api/discussion'
import { createMain, type Handlers } from '../_shared/handler'
import { deleteStatement } from './handlers/deleteStatement'
import { editStatement } from './handlers/editStatement'
import { hideStatement } from './handlers/hideStatement'
import { listStatements } from './handlers/listStatements'
import { postStatement } from './handlers/postStatement'
import { reportStatement } from './handlers/reportStatement'
import { restoreStatement } from './handlers/restoreStatement'

/** Every action's handler (the secrecy test enumerates them). */
export const HANDLERS: Handlers<DiscussionApi> = {
  postStatement,
  editStatement,
  deleteStatement,
  reportStatement,
  hideStatement,
  restoreStatement,
  listStatements,
}

export const main = createMain<DiscussionApi>(HANDLERS)

// The `discussion` function: 民事民议 — statements and replies on a matter, and their moderation.
import type { DiscussionApi } from '../../types/api/discussion'
import { createMain } from '../_shared/handler'
import { deleteStatement } from './handlers/deleteStatement'
import { editStatement } from './handlers/editStatement'
import { hideStatement } from './handlers/hideStatement'
import { listStatements } from './handlers/listStatements'
import { postStatement } from './handlers/postStatement'
import { reportStatement } from './handlers/reportStatement'
import { restoreStatement } from './handlers/restoreStatement'

export const main = createMain<DiscussionApi>({
  postStatement,
  editStatement,
  deleteStatement,
  reportStatement,
  hideStatement,
  restoreStatement,
  listStatements,
})

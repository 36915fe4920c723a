/**
 * The database access of the `discussion` function: statements and their posting windows, and
 * the matter they belong to, each through its one repository in `_shared/`.
 */
export { loadMatter, mattersByIds } from '../_shared/matters'
export {
  addReport,
  addStatement,
  countActiveReports,
  discussionPage,
  findReport,
  findStatement,
  getStatement,
  moderationQueue,
  pageOfStatements,
  postingWindow,
  reportId,
  reportTimes,
  savePostingWindow,
  updateStatement,
} from '../_shared/statements'

/**
 * The compiled WeChat 调解案件 (subpackage 调解) against the real functions, opened as its line in
 * e2e/support/pages.ts says: its main content, normal and 大字模式.
 */
import { ROUTES } from '../../../../../../src/routes'
import { showsRoute, withBackend } from '../../../../support/pageCase'

withBackend()

describe('compiled weapp 调解案件', () => {
  showsRoute(ROUTES.mediations)
})

/**
 * The compiled WeChat 村里的设置 (subpackage) against the real functions, opened as its line in
 * e2e/support/pages.ts says (committee pages as demo-committee, moderator pages as demo-moderator):
 * its main content, normal and 大字模式, for every line of the route.
 */
import { ROUTES } from '../../../../../../src/routes'
import { showsRoute, withBackend } from '../../../../support/pageCase'

withBackend()

describe('compiled weapp 村里的设置', () => {
  showsRoute(ROUTES.settings)
})

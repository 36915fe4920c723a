/**
 * The compiled WeChat 数据看板 (subpackage) against the real functions, with the district above the
 * demo village (e2e/support/district.ts), opened as each line's person — 东镇's staff member for
 * the township's, the committee for the village's: its main content, normal and 大字模式, for
 * every line of the route in e2e/support/pages.ts.
 */
import { ROUTES } from '../../../../../../src/routes'
import { showsRoute, withBackend } from '../../../../support/pageCase'

withBackend()

describe('compiled weapp 数据看板', () => {
  showsRoute(ROUTES.dashboard)
})

/**
 * The compiled WeChat 需求与服务 (subpackage) against the real functions, with the district above the
 * demo village, opened as demo-committee: its main content, normal and 大字模式, for every line of the route
 * in e2e/support/pages.ts.
 */
import { ROUTES } from '../../../../../../src/routes'
import { showsRoute, withBackend } from '../../../../support/pageCase'

withBackend()

describe('compiled weapp 需求与服务', () => {
  showsRoute(ROUTES.villageNeeds)
})

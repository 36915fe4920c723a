/**
 * The compiled WeChat matter page (a subpackage) against the real functions, in three states of
 * the demo: 议事中 (its title), 办理中 (the latest progress report), 已办结 (the outcome).
 */
import { showsMainContent, withBackend } from '../../../../support/pageCase'

withBackend()

describe('compiled weapp 事项', () => {
  showsMainContent('matter', 'matter-handling', 'matter-resolved')
})

/** The compiled WeChat 我的 against the real functions: the member's own name. */
import { showsMainContent, withBackend } from '../../support/pageCase'

withBackend()

describe('compiled weapp 我的', () => {
  showsMainContent('me')
})

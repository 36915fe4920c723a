/** The compiled WeChat 我的投票: no poll in the seeded demo, so its empty state. */
import { showsMainContent, withBackend } from '../../../../support/pageCase'

withBackend()

describe('compiled weapp 我的投票', () => {
  showsMainContent('votes')
})

/** The compiled WeChat 加入村子, opened by a brand-new WeChat user: the village search. */
import { showsMainContent, withBackend } from '../../../../support/pageCase'

withBackend()

describe('compiled weapp 加入村子', () => {
  showsMainContent('join')
})

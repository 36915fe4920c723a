/** The compiled WeChat 隐私说明: its title. */
import { showsMainContent, withBackend } from '../../../../support/pageCase'

withBackend()

describe('compiled weapp 隐私说明', () => {
  showsMainContent('privacy')
})

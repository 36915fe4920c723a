/** The compiled WeChat 议事 against the real functions: the newest matter waiting (待受理) first. */
import { showsMainContent, withBackend } from '../../support/pageCase'

withBackend()

describe('compiled weapp 议事', () => {
  showsMainContent('matters')
})

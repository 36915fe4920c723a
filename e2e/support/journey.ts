/**
 * What every journey file needs: the emulator with the demo village serving the H5 build, and a
 * browser, started once for the file and closed after it. Use at the top of the file:
 * `const rig = journeyRig()`, then `rig.app` and `rig.browser` inside the tests.
 */
import type { Browser } from 'playwright-core'
import type { Emulator } from '../../emulator/src'
import { H5_DIR } from '../../scripts/paths'
import { startBackend, type BackendOptions } from './backend'
import { launch } from './browser'

export interface JourneyRig {
  app: Emulator
  browser: Browser
}

/** `options`: more for the back end (`{ district: true }`: the district above the demo village). */
export function journeyRig(options: Omit<BackendOptions, 'staticDir'> = {}): JourneyRig {
  // A whole journey through several pages: generous when two cores are shared by several runs.
  jest.setTimeout(300_000)
  const rig = {} as JourneyRig
  beforeAll(async () => {
    rig.app = await startBackend({ ...options, staticDir: H5_DIR })
    rig.browser = await launch()
  }, 180_000)
  afterAll(async () => {
    await rig.browser?.close()
    await rig.app?.close()
  })
  return rig
}

/**
 * The H5 app as `npm start` serves it: the local CloudBase emulator serving the H5 build and the
 * bundled functions on one port — here with an in-memory database.
 */
import fs from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/src'
import { COLLECTIONS } from '../../cloudfunctions/_shared/collections'
import { FUNCTIONS_OUT } from '../../scripts/build-functions'
import { H5_DIR } from '../../scripts/paths'

export async function startApp(): Promise<Emulator> {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist-h5/index.html is missing: run `npm run build:h5` (test:e2e does)')
  }
  return startEmulator({
    memory: true,
    staticDir: H5_DIR,
    functionsDir: FUNCTIONS_OUT,
    dev: true,
    collections: COLLECTIONS,
    functionLog: () => undefined,
  })
}

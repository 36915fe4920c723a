/**
 * `npm start [-- --port <n>] [--data <dir>] [--cors-origin <origin>]`: builds the cloud functions and the H5 app, then serves
 * both from the local CloudBase emulator on one port (default 10086; 0 picks a free one), with the
 * database in `.data/` (or --data). An empty database gets the demo village. Dev sign-in is on:
 * open the app with `?dev=<member id>` (GET /dev/members lists them) to act as that member.
 */
import { execSync } from 'node:child_process'
import path from 'node:path'
import { startEmulator } from '../emulator/src/index'
import { COLLECTIONS } from '../cloudfunctions/_shared/collections'
import { FUNCTIONS_OUT } from './build-functions'
import { H5_DIR } from './paths'
import { migrate } from './migrate'
import { ballotSecretFor, isSeeded, seedDemo } from './seed'

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback
}

async function main() {
  // CloudBase runs functions in UTC; the emulator's workers share this process's zone.
  process.env.TZ = 'UTC'
  // A production build whatever the caller's NODE_ENV (jest sets it to `test`).
  const env = { ...process.env, NODE_ENV: 'production', TARO_APP_DEV_LOGIN: '1' }
  execSync('npm run -s build:functions', { stdio: 'inherit', env })
  execSync('npm run -s build:h5', { stdio: 'inherit', env })
  const dataDir = path.resolve(option('data', '.data'))
  const ballotSecret = ballotSecretFor(dataDir)
  const emulator = await startEmulator({
    port: Number(option('port', process.env.PORT ?? '10086')),
    dataDir,
    functionEnv: { POLLS_BALLOT_SECRET: ballotSecret },
    functionsDir: FUNCTIONS_OUT,
    staticDir: H5_DIR,
    dev: true,
    collections: COLLECTIONS,
    // `--cors-origin <origin>`: e.g. the dev server of `npm run dev:h5`
    corsOrigins: option('cors-origin', '') ? [option('cors-origin', '')] : [],
  })
  // A data directory of an older version is brought to today's shapes first (idempotent).
  for (const m of await migrate({
    serviceUrl: emulator.serviceUrl,
    credentials: emulator.credentials,
  })) {
    if (m.changed > 0) console.log(`migrated ${m.name}: ${m.changed} changed`)
  }
  if (!(await isSeeded(emulator.serviceUrl, emulator.credentials))) {
    await seedDemo({
      serviceUrl: emulator.serviceUrl,
      credentials: emulator.credentials,
      ballotSecret,
    })
    console.log('seeded the demo village (示范村)')
  }
  console.log(`逢四说事 is running: ${emulator.url}`)
  const stop = () => {
    emulator.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

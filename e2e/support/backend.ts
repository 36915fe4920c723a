/**
 * The back end as `npm start` serves it, for the browser journeys and the compiled-page tests: the
 * emulator in memory with the project's collections, the BUNDLED functions (built here when a
 * source is newer than a bundle), dev mode (`/dev/login`, `/dev/clock`), the polls secret, and the
 * demo village seeded through the real SDK relative to a fixed instant.
 */
import fs from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/src'
import { COLLECTIONS } from '../../cloudfunctions/_shared/collections'
import { buildFunctions, functionNames, FUNCTIONS_OUT } from '../../scripts/build-functions'
import { seedDemo } from '../../scripts/seed'

const ROOT = path.resolve(__dirname, '..', '..')

/** The polls function's ballot secret in these tests (its environment, as CloudBase gives it). */
export const E2E_BALLOT_SECRET = 'e2e-ballot-secret-0123456789abcdef0123456789ab'

/**
 * The instant the demo is seeded relative to, and the emulator's clock is frozen at: Saturday
 * 21 November 2026, 09:00 in Shanghai. The next talk day (4, 14, 24) is then Tuesday 24 November.
 */
export const DEMO_NOW = new Date('2026-11-21T09:00:00+08:00')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full))
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

/** Bundles the functions unless every bundle is newer than every source it may contain. */
export async function ensureFunctionsBuilt(): Promise<void> {
  const bundles = functionNames().map((n) => path.join(FUNCTIONS_OUT, n, 'index.js'))
  const oldest = Math.min(...bundles.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)))
  const sources = Math.max(
    ...['cloudfunctions', 'domain', 'types', 'deploy'].map((d) => newestSource(path.join(ROOT, d))),
  )
  if (oldest <= sources) await buildFunctions()
}

export interface BackendOptions {
  /** Serve this folder's files too (the H5 build), as `npm start` does. */
  readonly staticDir?: string
  /** Seed the demo village (default true). */
  readonly seed?: boolean
  /** The instant the demo is dated from and the clock frozen at (default DEMO_NOW). */
  readonly now?: Date
  /**
   * Also a district above the demo village, with staff, a need and a service (e2e/support/district.ts):
   * the township's pages need it (default false).
   */
  readonly district?: boolean
}

export async function startBackend(options: BackendOptions = {}): Promise<Emulator> {
  await ensureFunctionsBuilt()
  const emulator = await startEmulator({
    memory: true,
    functionsDir: FUNCTIONS_OUT,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    dev: true,
    collections: COLLECTIONS,
    functionEnv: { POLLS_BALLOT_SECRET: E2E_BALLOT_SECRET },
    functionTimeoutMs: 20_000,
    // FENGSI_FN_LOG=1 shows the functions' own output
    functionLog: process.env.FENGSI_FN_LOG ? undefined : () => undefined,
  })
  const now = options.now ?? DEMO_NOW
  emulator.clock.set(now)
  if (options.seed !== false) {
    // With the polls function's secret: the demo's one counted poll (demo-poll-canteen) is seeded
    // through the real count, as `npm start` seeds it.
    await seedDemo({
      serviceUrl: emulator.serviceUrl,
      credentials: emulator.credentials,
      now,
      ballotSecret: E2E_BALLOT_SECRET,
    })
  }
  if (options.district) {
    const { seedDistrict, seedLists } = await import('./district')
    await seedDistrict(emulator)
    await seedLists(emulator)
  }
  return emulator
}

/** A dev sign-in token for a demo member (`{newcomer: true}`: a brand-new WeChat user). */
export async function devLogin(
  url: string,
  who: { memberId: string } | { newcomer: true },
): Promise<string> {
  const res = await fetch(`${url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  })
  const body = (await res.json()) as { token?: string; message?: string }
  if (!body.token) throw new Error(`dev login ${JSON.stringify(who)}: ${JSON.stringify(body)}`)
  return body.token
}

/** Calls `name.action` over HTTP as the holder of `token`; throws unless the answer is ok. */
export async function callAs<T = unknown>(
  url: string,
  token: string,
  name: string,
  action: string,
  payload: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(`${url}/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fengsi-dev-token': token },
    body: JSON.stringify({ action, payload }),
  })
  const body = (await res.json()) as { ok: boolean; data?: T; error?: { code: string } }
  if (!body.ok) throw new Error(`${name}.${action}: ${JSON.stringify(body.error)}`)
  return body.data as T
}

/** Sets or moves the emulator's clock over HTTP (`POST /dev/clock`). */
export async function moveClock(
  url: string,
  change: { set?: string; advanceMs?: number },
): Promise<string> {
  const res = await fetch(`${url}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  })
  return ((await res.json()) as { now: string }).now
}

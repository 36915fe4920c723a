/**
 * A whole back end for a test file: the emulator in memory with the project's collections, the
 * bundled functions, and the REAL SDK for seeding and for reading what a handler wrote.
 * Calls go through the emulator's function runner with the caller's OPENID injected by the
 * "platform", exactly as a WeChat client's call would arrive.
 */
import tcb from '@cloudbase/node-sdk'
import { startEmulator, type Emulator } from '../../../emulator/src'
import { COLLECTIONS } from '../../../cloudfunctions/_shared/collections'
import { FUNCTIONS_OUT } from '../../../scripts/build-functions'
import type { ActionName, Envelope, FunctionName, RequestOf, ResponseOf } from '../../../types/api'

process.env.TENCENTCLOUD = 'true'
process.env.TENCENTCLOUD_SECRETID = 'test-secret-id'
process.env.TENCENTCLOUD_SECRETKEY = 'test-secret-key'

/**
 * The instant every function test runs at (the emulator's clock is set to it, so the functions'
 * `new Date()` and `db.serverDate()` read it): Saturday 21 November 2026, 09:00 in Shanghai. The
 * next talk days (4, 14, 24) are then 2026-11-24, 2026-12-04 and 2026-12-14.
 */
export const TEST_NOW = new Date('2026-11-21T09:00:00+08:00')

/** The polls function's ballot secret in tests (its environment, as CloudBase gives it). */
export const TEST_BALLOT_SECRET = 'test-ballot-secret-0123456789abcdef0123456789'

export type App = ReturnType<typeof tcb.init>
export type Db = ReturnType<App['database']>

export interface Backend {
  emulator: Emulator
  db: Db
  /** Calls `name.action` as the WeChat user `openid` (undefined: an anonymous caller). */
  call<F extends FunctionName, A extends ActionName<F>>(
    openid: string | undefined,
    name: F,
    action: A,
    payload: RequestOf<F, A> | Record<string, unknown>,
  ): Promise<Envelope<ResponseOf<F, A>>>
  /** Every document of a collection (for checking what changed). */
  all(collection: string): Promise<Array<Record<string, unknown>>>
  close(): Promise<void>
}

export async function startBackend(
  options: {
    functionConcurrency?: number
    functionQueueLimit?: number
    /** Bundles from elsewhere than dist-functions/ (built by the test). */
    functionsDir?: string
    /** More environment variables for every function instance. */
    functionEnv?: Readonly<Record<string, string>>
    /** Receives the functions' own output (instead of dropping it). */
    functionLog?: (name: string, line: string) => void
  } = {},
): Promise<Backend> {
  const { functionsDir, functionEnv, functionLog, ...rest } = options
  const emulator = await startEmulator({
    ...rest,
    memory: true,
    functionsDir: functionsDir ?? FUNCTIONS_OUT,
    collections: COLLECTIONS,
    // FENGSI_FN_LOG=1 shows the functions' own output (stderr)
    functionLog: functionLog ?? (process.env.FENGSI_FN_LOG ? undefined : () => undefined),
    functionTimeoutMs: 15_000,
    functionEnv: { POLLS_BALLOT_SECRET: TEST_BALLOT_SECRET, ...functionEnv },
  })
  emulator.clock.set(TEST_NOW)
  const db = tcb.init({ env: 'local', serviceUrl: emulator.serviceUrl }).database()
  return {
    emulator,
    db,
    call: async (openid, name, action, payload) =>
      (await emulator.invoke(name, { action, payload }, openid)) as Envelope<never>,
    all: async (collection) => {
      const out: Array<Record<string, unknown>> = []
      for (let skip = 0; ; skip += 1000) {
        const { data } = await db.collection(collection).skip(skip).limit(1000).get()
        out.push(...(data as Array<Record<string, unknown>>))
        if (data.length < 1000) return out
      }
    },
    close: () => emulator.close(),
  }
}

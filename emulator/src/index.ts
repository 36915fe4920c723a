// Programmatic API: start a local CloudBase on 127.0.0.1.
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { Clock } from './clock'
import { Counters } from './counters'
import { DatabaseService, newId } from './database'
import { stringifyDoc } from './ejson'
import { FunctionRunner, type InvocationRecord } from './functions'
import { createServer, type DevIdentityOptions } from './server'
import { FileStorage } from './storage'
import { Store } from './store'
import { exportData, importData, type TransferReport } from './transfer'
import { readTriggers, timerEvent, TriggerScheduler, type TimerTrigger } from './triggers'
import type { CollectionSpec, Doc } from './types'
import type { Credentials } from './safety'

export type { Credentials } from './safety'

export type { CollectionSpec, IndexSpec, IndexKeySpec, Doc } from './types'
export type { CounterSnapshot, CounterFilter } from './counters'
export { Counters } from './counters'
export { Clock, MAX_FIRES_PER_ADVANCE } from './clock'
export { parseCron, CronError, CRON_UTC_OFFSET_MS } from './cron'
export type { TimerTrigger } from './triggers'
export type { TransferReport } from './transfer'
export { EmulatorError } from './errors'
export { DEV_TOKEN_HEADER } from './server'
export type { InvocationRecord } from './functions'
export { DEFAULT_LIMIT, MAX_LIMIT } from './database'
export { MAX_UPLOAD_BYTES, sniffImage, StorageError } from './storage'
export type { StorageErrorCode, ImageKind, DownloadUrl } from './storage'

export const HOST = '127.0.0.1'
export const DATA_FILE = 'cloudbase.sqlite'
/** Folder of stored files inside the data directory. */
export const FILES_DIR = 'files'

export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number
  /** Directory of the SQLite file (default `.data`). Ignored with `memory`. */
  readonly dataDir?: string
  /** Keep everything in memory (tests). */
  readonly memory?: boolean
  /** Folder of bundled functions (`<name>/index.js`, optional `config.json`). */
  readonly functionsDir?: string
  /** Folder served at `/` with an index.html fallback (the H5 build). */
  readonly staticDir?: string
  /** Dev mode: enables POST /dev/login and GET /dev/members. */
  readonly dev?: boolean | DevIdentityOptions
  /** Collections (and indexes) that exist from the start. */
  readonly collections?: readonly CollectionSpec[]
  /** Environment id reported to functions (default `local`). */
  readonly envId?: string
  /** WX_APPID injected into functions (default `wx-emulator`). */
  readonly appId?: string
  /** Default function timeout when config.json has none (default 3000 ms, as CloudBase). */
  readonly functionTimeoutMs?: number
  /** Where function console output goes (default: stderr, prefixed with the function name). */
  readonly functionLog?: (name: string, line: string) => void
  /** SQLite synchronous mode: NORMAL (default) survives a killed process, FULL also power loss. */
  readonly synchronous?: 'NORMAL' | 'FULL'
  /** Largest file storage accepts, in bytes (default MAX_UPLOAD_BYTES, 5 MB). */
  readonly maxUploadBytes?: number
  /** Run the functions' timer triggers (config.json `triggers`) on the clock (default true). */
  readonly timerTriggers?: boolean
  /** Instances per function at most (default 10). */
  readonly functionConcurrency?: number
  /** Invocations that may wait for an instance, per function (default 100). */
  readonly functionQueueLimit?: number
  /** An instance idle this long is recycled (default 300,000 ms). */
  readonly functionIdleMs?: number
  /**
   * The secrets `/admin` requests must be signed with. Default: TENCENTCLOUD_SECRETID and
   * TENCENTCLOUD_SECRETKEY of this process when both are set, else generated ones.
   */
  readonly credentials?: Credentials
  /** Origins besides the served one whose pages may call `/fn`, `/storage` and `/dev` (CORS). */
  readonly corsOrigins?: readonly string[]
  /** The origin temp file URLs point at (default: the emulator's own URL, never a request's Host). */
  readonly publicUrl?: string
  /** Import `<dir>/<collection>.json` (CloudBase's JSON Lines export) at start. */
  readonly importDir?: string
  /** Export every collection to this directory when the emulator closes. */
  readonly exportOnExit?: string
  /**
   * Environment variables every function instance gets from its start (what a function's
   * `envVariables` are on CloudBase), e.g. a function's secret. Never logged.
   */
  readonly functionEnv?: Readonly<Record<string, string>>
  /**
   * The console's outbox panel (see emulator/README.md, "Console"): the collection of messages and
   * the one naming their recipients; default `outbox` and `members`.
   */
  readonly outbox?: {
    readonly collection: string
    readonly people?: string
    readonly staff?: string
  }
}

/** How many recent invocations the emulator remembers (the console's list). */
export const RECENT_INVOCATIONS = 200

/** The emulator's one clock (see emulator/README.md, "Clock"). */
export interface EmulatorClock {
  /** Freeze emulator time at an instant (fires nothing). */
  set(instant: Date | number | string): void
  /** Move the clock forward; resolves after every timer trigger due in between has fired once. */
  advance(ms: number): Promise<void>
  /** The emulator's time, epoch ms. */
  now(): number
  /** Back to real time. */
  reset(): void
}

export interface Emulator {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly port: number
  /** What the SDK's `serviceUrl` / `TCB_CONTEXT_CNFG.URL` should be: `<url>/admin`. */
  readonly serviceUrl: string
  /** Request counters per collection and action, and per function. */
  readonly counters: Counters
  /** The one clock: db.serverDate(), the functions' Date and the timer triggers read it. */
  readonly clock: EmulatorClock
  /** The secrets `/admin` requests are signed with (handed to function instances too). */
  readonly credentials: Credentials
  /** The last RECENT_INVOCATIONS invocations, newest first. */
  invocations(): InvocationRecord[]
  /** The timer triggers read from the functions' config.json. */
  readonly triggers: readonly TimerTrigger[]
  /** Live, busy and waiting per function. */
  instances(): Record<string, { live: number; busy: number; waiting: number }>
  /** The SQLite file (undefined in memory). */
  readonly dataFile: string | undefined
  /** The folder of stored files, `<data>/files` (undefined in memory). */
  readonly filesDir: string | undefined
  /** Bytes used by the SQLite file and its WAL (0 in memory). */
  dataFileSize(): number
  /** Insert many documents directly through the storage layer (seeding, benchmarks). */
  bulkInsert(collection: string, docs: readonly Doc[]): string[]
  /** Invoke a function as the given OPENID (as `POST /fn/<name>` does). Resolves with its result. */
  invoke(name: string, event: unknown, openid?: string): Promise<unknown>
  /** Write every collection to `<dir>/<collection>.json`, CloudBase's JSON Lines format. */
  exportData(dir: string): TransferReport
  /** Read `<dir>/<collection>.json` files (upserting by `_id`), all or nothing. */
  importData(dir: string): TransferReport
  /** Stop serving, terminate running functions and close the database. */
  close(): Promise<void>
}

/**
 * TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY of this process when both are set; else generated
 * ones, which are then set in this process's environment, so the SDK used in-process (seed, bench,
 * tests) signs with them, as the function instances do.
 */
const defaultCredentials = (): Credentials => {
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
  if (secretId && secretKey) return { secretId, secretKey }
  const generated = {
    secretId: `AKIDemulator${randomBytes(12).toString('hex')}`,
    secretKey: randomBytes(24).toString('hex'),
  }
  process.env.TENCENTCLOUD_SECRETID = generated.secretId
  process.env.TENCENTCLOUD_SECRETKEY = generated.secretKey
  return generated
}

export const startEmulator = async (options: EmulatorOptions = {}): Promise<Emulator> => {
  // A bad trigger is refused before anything starts.
  const triggers =
    options.functionsDir && options.timerTriggers !== false
      ? readTriggers(path.resolve(options.functionsDir))
      : []
  const dataFile = options.memory ? undefined : path.resolve(options.dataDir ?? '.data', DATA_FILE)
  const store = new Store({ file: dataFile ?? null, synchronous: options.synchronous })
  for (const spec of options.collections ?? []) store.declareCollection(spec)
  if (options.importDir) {
    try {
      importData(store, path.resolve(options.importDir))
    } catch (e) {
      store.close()
      throw e
    }
  }
  const counters = new Counters()
  const clock = new Clock()
  const credentials = options.credentials ?? defaultCredentials()
  const recent: InvocationRecord[] = []
  const onInvocation = (record: InvocationRecord): void => {
    if (record.cold !== undefined) counters.countStart(record.name, record.cold)
    recent.unshift(record)
    if (recent.length > RECENT_INVOCATIONS) recent.pop()
  }
  const database = new DatabaseService(store, counters, clock)
  const envId = options.envId ?? 'local'
  const filesDir = options.memory ? undefined : path.resolve(options.dataDir ?? '.data', FILES_DIR)
  const storage = new FileStorage({ dir: filesDir, envId, maxBytes: options.maxUploadBytes })
  const dev: DevIdentityOptions | undefined =
    options.dev === true
      ? { collection: 'members', openidField: 'openid' }
      : options.dev
        ? options.dev
        : undefined

  let runner: FunctionRunner | undefined
  let url = ''
  const server = createServer({
    store,
    database,
    get runner() {
      return runner
    },
    counters,
    clock,
    storage,
    dev,
    staticDir: options.staticDir,
    credentials,
    publicUrl: () => (options.publicUrl ?? url).replace(/\/+$/, ''),
    corsOrigins: options.corsOrigins ?? [],
    console: {
      store,
      counters,
      now: () => clock.now(),
      frozen: () => clock.frozen(),
      invocations: () => recent,
      instances: () => runner?.instances() ?? {},
      triggers: () => triggers,
      ...(options.outbox ? { outbox: options.outbox } : {}),
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  url = `http://${HOST}:${port}`
  const serviceUrl = `${url}/admin`
  if (options.functionsDir) {
    runner = new FunctionRunner({
      functionsDir: path.resolve(options.functionsDir),
      serviceUrl,
      envId,
      appId: options.appId ?? 'wx-emulator',
      defaultTimeoutMs: options.functionTimeoutMs ?? 3000,
      clock,
      credentials,
      concurrency: options.functionConcurrency ?? 10,
      queueLimit: options.functionQueueLimit ?? 100,
      idleMs: options.functionIdleMs ?? 300_000,
      env: options.functionEnv ?? {},
      onInvocation,
      log: (name, line) => log(name, line),
    })
  }
  const log =
    options.functionLog ??
    ((name: string, line: string) => {
      process.stderr.write(`[fn ${name}] ${line}\n`)
    })
  const scheduler = runner
    ? new TriggerScheduler(triggers, clock, async (trigger, at) => {
        try {
          counters.countFunction(trigger.functionName)
          await runner?.invoke(
            trigger.functionName,
            timerEvent(trigger, at),
            { openid: '' },
            `timer:${trigger.name}`,
          )
        } catch (e) {
          log(trigger.functionName, `timer ${trigger.name}: ${(e as Error).message}`)
        }
      })
    : undefined
  let closed = false
  return {
    url,
    port,
    serviceUrl,
    counters,
    clock: {
      set: (instant) => clock.set(instant),
      advance: (ms) => clock.advance(ms),
      now: () => clock.now(),
      reset: () => clock.reset(),
    },
    credentials,
    triggers,
    exportData: (dir) => exportData(store, path.resolve(dir)),
    importData: (dir) => importData(store, path.resolve(dir)),
    invocations: () => recent.map((r) => ({ ...r })),
    instances: () => runner?.instances() ?? {},
    dataFile,
    filesDir,
    dataFileSize: () => store.fileSize(),
    bulkInsert: (collection, docs) =>
      store.atomically(() =>
        docs.map((d) => {
          const id = typeof d._id === 'string' ? d._id : newId()
          store.insertRow(collection, id, stringifyDoc({ ...d, _id: id }))
          return id
        }),
      ),
    invoke: async (name, event, openid = '') => {
      if (!runner) throw new Error('started without functionsDir')
      counters.countFunction(name)
      return JSON.parse(await runner.invoke(name, event, { openid })) as unknown
    },
    close: async () => {
      if (closed) return
      closed = true
      scheduler?.close()
      await runner?.close()
      if (options.exportOnExit) exportData(store, path.resolve(options.exportOnExit))
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      store.close()
    },
  }
}

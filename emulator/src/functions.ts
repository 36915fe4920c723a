// The function runner, with CloudBase's (SCF's) instance semantics. A function has a pool of
// instances; an instance is a worker thread that loaded `<functionsDir>/<name>/index.js` once and
// runs one invocation at a time, reused from one invocation to the next, so module-level state
// survives (as on the platform). The caller's WeChat identity is set in the instance's own
// `process.env` for each invocation and cleared after it, so no invocation sees another's.
// Past the per-function concurrency limit an invocation waits in a bounded queue; past the queue
// it is refused with FUNCTION_EXCEED_RESOURCE_LIMIT. An idle instance is recycled; a changed
// bundle on disk means new instances (old ones finish what they run, then go); a timeout or a
// crash discards only the instance it happened in. The timeout counts from the end of loading, as
// CloudBase separates initialisation from execution.
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import { PATCH_DATE_SOURCE, type Clock } from './clock'
import { EmulatorError } from './errors'

export interface Identity {
  /** The caller's OPENID; empty for an anonymous caller (e.g. another function). */
  readonly openid: string
}

export interface RunnerOptions {
  readonly functionsDir: string
  /** The database/functions service URL the SDK inside a function talks to (`<url>/admin`). */
  readonly serviceUrl: string
  readonly envId: string
  readonly appId: string
  readonly defaultTimeoutMs: number
  readonly log: (name: string, line: string) => void
  /** The emulator's clock: the functions' own Date reads it. */
  readonly clock: Clock
  /** The secrets handed to the instances (the SDK signs its requests with them). */
  readonly credentials: { readonly secretId: string; readonly secretKey: string }
  /** Instances per function at most (CloudBase: the function's concurrency quota). */
  readonly concurrency: number
  /** Invocations that may wait for an instance, per function; past it they are refused. */
  readonly queueLimit: number
  /** An instance idle this long is recycled. */
  readonly idleMs: number
  /** Environment variables of every instance (a function's `envVariables`). */
  readonly env?: Readonly<Record<string, string>>
  /** Called after every invocation (the console's list, the counters). */
  readonly onInvocation?: (record: InvocationRecord) => void
}

/** One finished invocation, for the console and the counters. */
export interface InvocationRecord {
  /** When it started, on the emulator's clock (ISO). */
  readonly at: string
  readonly name: string
  /** `event.action` when it is a string. */
  readonly action: string
  /** The caller's OPENID ('' for anonymous, another function or a timer). */
  readonly caller: string
  /** 'timer:<trigger name>' for a timer trigger, else 'call'. */
  readonly source: string
  readonly durationMs: number
  /** Whether a new instance was started for it; undefined when it never got an instance. */
  readonly cold: boolean | undefined
  /** 'OK' or the error code. */
  readonly code: string
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,60}$/

/** The keys of the caller's context, set per invocation, cleared after it. */
const WX_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6'] as const

// Runs inside the worker. Plain JavaScript (evaluated), so it needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
${PATCH_DATE_SOURCE}(workerData.clockBuffer)
const describe = (e) => (e && e.message ? String(e.message) : String(e))
let main
try {
  const mod = require(workerData.file)
  main = mod && (typeof mod.main === 'function' ? mod.main : mod.default && mod.default.main)
  if (typeof main !== 'function') throw new Error('index.js does not export main(event, context)')
  parentPort.postMessage({ type: 'loaded' })
} catch (e) {
  console.error(e && e.stack ? e.stack : String(e))
  parentPort.postMessage({ type: 'loadFailed', message: describe(e) })
}
parentPort.on('message', (m) => {
  if (m.type !== 'invoke') return
  Object.assign(process.env, m.env)
  const done = (reply) => {
    for (const k of Object.keys(m.env)) process.env[k] = ''
    parentPort.postMessage(Object.assign({ type: 'result', id: m.id }, reply))
  }
  Promise.resolve()
    .then(() => main(m.event, m.context))
    .then(
      (result) => {
        let json
        try {
          json = JSON.stringify(result === undefined ? null : result)
        } catch (e) {
          done({ ok: false, message: 'result is not JSON-serialisable: ' + describe(e) })
          return
        }
        done({ ok: true, json })
      },
      (e) => {
        console.error(e && e.stack ? e.stack : String(e))
        done({ ok: false, message: describe(e) })
      },
    )
})
`

type WorkerReply =
  | { type: 'loaded' }
  | { type: 'loadFailed'; message: string }
  | { type: 'result'; id: string; ok: true; json: string }
  | { type: 'result'; id: string; ok: false; message: string }

/** Loading the code (the cold start) has its own, generous limit; the timeout starts after it. */
const LOAD_LIMIT_MS = 30_000

interface Bundle {
  readonly file: string
  /** Changes when index.js or config.json changes on disk. */
  readonly version: string
  readonly timeoutMs: number
}

interface Running {
  readonly id: string
  readonly resolve: (json: string) => void
  readonly reject: (e: EmulatorError) => void
}

class Instance {
  readonly worker: Worker
  readonly loaded: Promise<void>
  busy = true
  dead = false
  running: Running | undefined
  idleTimer: NodeJS.Timeout | undefined
  private loadSettle: { resolve: () => void; reject: (e: EmulatorError) => void } | undefined

  constructor(
    readonly name: string,
    readonly bundle: Bundle,
    env: Record<string, string>,
    clock: Clock,
    log: (name: string, line: string) => void,
    private readonly onDeath: (instance: Instance) => void,
  ) {
    this.loaded = new Promise<void>((resolve, reject) => {
      this.loadSettle = { resolve, reject }
    })
    this.loaded.catch(() => undefined)
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      env,
      workerData: { file: bundle.file, clockBuffer: clock.buffer },
      stdout: true,
      stderr: true,
    })
    for (const stream of [this.worker.stdout, this.worker.stderr]) {
      let pending = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        pending += chunk
        const lines = pending.split('\n')
        pending = lines.pop() ?? ''
        for (const line of lines) log(name, line)
      })
      stream.on('end', () => {
        if (pending) log(name, pending)
      })
    }
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'loaded') {
        this.loadSettle?.resolve()
      } else if (reply.type === 'loadFailed') {
        this.kill(
          new EmulatorError('FUNCTIONS_EXECUTE_FAIL', `function ${name} failed: ${reply.message}`),
        )
      } else if (this.running && reply.id === this.running.id) {
        const running = this.running
        this.running = undefined
        if (reply.ok) running.resolve(reply.json)
        else
          running.reject(
            new EmulatorError(
              'FUNCTIONS_EXECUTE_FAIL',
              `function ${name} failed: ${reply.message}`,
            ),
          )
      }
    })
    this.worker.on('error', (e: Error) => {
      this.kill(
        new EmulatorError('FUNCTIONS_EXECUTE_FAIL', `function ${name} crashed: ${e.message}`),
      )
    })
    this.worker.on('exit', (code) => {
      this.kill(
        new EmulatorError(
          'FUNCTIONS_EXECUTE_FAIL',
          `function ${name} exited (code ${code}) without returning`,
        ),
      )
    })
  }

  /** Run one invocation on this (loaded, reserved) instance. */
  run(
    event: unknown,
    context: Record<string, unknown>,
    env: Record<string, string>,
  ): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      if (this.dead) {
        reject(
          new EmulatorError('FUNCTIONS_EXECUTE_FAIL', `function ${this.name} instance is gone`),
        )
        return
      }
      const id = randomUUID()
      this.running = { id, resolve, reject }
      this.worker.postMessage({ type: 'invoke', id, event: event ?? {}, context, env })
    })
  }

  /** Discard this instance: whatever it was loading or running fails with `error`. */
  kill(error: EmulatorError): void {
    if (this.dead) return
    this.dead = true
    clearTimeout(this.idleTimer)
    this.loadSettle?.reject(error)
    this.running?.reject(error)
    this.running = undefined
    void this.worker.terminate()
    this.onDeath(this)
  }
}

interface Waiter {
  readonly resolve: (slot: { instance: Instance; cold: boolean }) => void
  readonly reject: (e: EmulatorError) => void
}

/** The instances of one function, and the invocations waiting for one. */
class Pool {
  readonly instances = new Set<Instance>()
  readonly queue: Waiter[] = []

  constructor(
    readonly name: string,
    private readonly runner: FunctionRunner,
  ) {}

  acquire(bundle: Bundle): Promise<{ instance: Instance; cold: boolean }> {
    for (const i of this.instances) {
      if (i.bundle.version !== bundle.version && !i.busy) i.kill(stale(this.name))
    }
    for (const i of this.instances) {
      if (!i.busy && !i.dead) {
        i.busy = true
        clearTimeout(i.idleTimer)
        return Promise.resolve({ instance: i, cold: false })
      }
    }
    if (this.live() < this.runner.options.concurrency) {
      return Promise.resolve({ instance: this.spawn(bundle), cold: true })
    }
    if (this.queue.length >= this.runner.options.queueLimit) {
      return Promise.reject(
        new EmulatorError(
          'FUNCTION_EXCEED_RESOURCE_LIMIT',
          `function ${this.name} is running ${this.runner.options.concurrency} invocations and ${this.queue.length} wait: over its concurrency quota`,
        ),
      )
    }
    return new Promise((resolve, reject) => this.queue.push({ resolve, reject }))
  }

  /** The invocation on `instance` is over: hand it on, park it, or let it go. */
  release(instance: Instance): void {
    if (instance.dead) return
    const bundle = this.runner.bundleOrUndefined(this.name)
    if (!bundle || bundle.version !== instance.bundle.version) {
      instance.kill(stale(this.name))
      return
    }
    const next = this.queue.shift()
    if (next) {
      next.resolve({ instance, cold: false })
      return
    }
    instance.busy = false
    instance.idleTimer = setTimeout(
      () => instance.kill(new EmulatorError('FUNCTIONS_EXECUTE_FAIL', 'recycled when idle')),
      this.runner.options.idleMs,
    )
    instance.idleTimer.unref()
  }

  /** An instance is gone: a waiting invocation gets a new one. */
  died(instance: Instance): void {
    this.instances.delete(instance)
    if (this.queue.length === 0 || this.live() >= this.runner.options.concurrency) return
    const next = this.queue.shift() as Waiter
    try {
      next.resolve({ instance: this.spawn(this.runner.bundle(this.name)), cold: true })
    } catch (e) {
      next.reject(e as EmulatorError)
    }
  }

  private live(): number {
    let n = 0
    for (const i of this.instances) if (!i.dead) n++
    return n
  }

  private spawn(bundle: Bundle): Instance {
    const instance = new Instance(
      this.name,
      bundle,
      this.runner.baseEnv(this.name),
      this.runner.options.clock,
      this.runner.options.log,
      (i) => this.died(i),
    )
    this.instances.add(instance)
    return instance
  }
}

const stale = (name: string): EmulatorError =>
  new EmulatorError('FUNCTIONS_EXECUTE_FAIL', `function ${name} changed on disk; instance retired`)

export class FunctionRunner {
  private readonly pools = new Map<string, Pool>()
  private readonly bundles = new Map<string, Bundle>()
  private closed = false

  constructor(readonly options: RunnerOptions) {}

  /** The bundle of a function as it is on disk now; throws FUNCTIONS_NOT_EXIST. */
  bundle(name: string): Bundle {
    if (!FUNCTION_NAME.test(name) || name.startsWith('_')) {
      throw new EmulatorError('FUNCTIONS_NOT_EXIST', `function ${name} does not exist`)
    }
    const dir = path.resolve(this.options.functionsDir, name)
    const file = path.join(dir, 'index.js')
    let stat: fs.Stats
    try {
      stat = fs.statSync(file)
    } catch {
      throw new EmulatorError(
        'FUNCTIONS_NOT_EXIST',
        `function ${name} does not exist (no ${path.relative(process.cwd(), file)}; build the functions first)`,
      )
    }
    const config = path.join(dir, 'config.json')
    const configStat = fs.statSync(config, { throwIfNoEntry: false })
    const version = `${stat.mtimeMs}:${stat.size}:${configStat?.mtimeMs ?? 0}:${configStat?.size ?? 0}`
    const known = this.bundles.get(name)
    if (known && known.version === version) return known
    const bundle = { file, version, timeoutMs: this.timeoutOf(config) }
    this.bundles.set(name, bundle)
    return bundle
  }

  bundleOrUndefined(name: string): Bundle | undefined {
    try {
      return this.bundle(name)
    } catch {
      return undefined
    }
  }

  private timeoutOf(config: string): number {
    try {
      const parsed = JSON.parse(fs.readFileSync(config, 'utf8')) as { timeout?: unknown }
      if (typeof parsed.timeout === 'number' && parsed.timeout > 0) return parsed.timeout * 1000
    } catch {
      // no config.json (or unreadable): the platform default applies
    }
    return this.options.defaultTimeoutMs
  }

  /** What an instance's process.env holds from its start (the identity keys come per invocation). */
  baseEnv(name: string): Record<string, string> {
    const o = this.options
    return {
      ...o.env,
      TENCENTCLOUD: 'true',
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TENCENTCLOUD_SECRETID: o.credentials.secretId,
      TENCENTCLOUD_SECRETKEY: o.credentials.secretKey,
      TENCENTCLOUD_SESSIONTOKEN: '',
      SCF_NAMESPACE: o.envId,
      SCF_FUNCTIONNAME: name,
      TCB_ENV: o.envId,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: o.serviceUrl }),
      WX_CONTEXT_KEYS: WX_KEYS.join(','),
      ...Object.fromEntries(WX_KEYS.map((k) => [k, ''])),
    }
  }

  /** Invoke a function; resolves with the JSON text of its return value, rejects with EmulatorError. */
  async invoke(name: string, event: unknown, identity: Identity, source = 'call'): Promise<string> {
    const started = Date.now()
    const at = new Date(this.options.clock.now()).toISOString()
    let cold: boolean | undefined
    let code = 'OK'
    try {
      if (this.closed) throw new EmulatorError('FUNCTIONS_EXECUTE_FAIL', 'the emulator is closing')
      const bundle = this.bundle(name)
      let pool = this.pools.get(name)
      if (!pool) {
        pool = new Pool(name, this)
        this.pools.set(name, pool)
      }
      const slot = await pool.acquire(bundle)
      cold = slot.cold
      return await this.runOn(pool, slot.instance, name, event, identity)
    } catch (e) {
      code = e instanceof EmulatorError ? e.code : 'FUNCTIONS_EXECUTE_FAIL'
      throw e
    } finally {
      const action =
        typeof event === 'object' &&
        event !== null &&
        typeof (event as { action?: unknown }).action === 'string'
          ? (event as { action: string }).action
          : ''
      this.options.onInvocation?.({
        at,
        name,
        action,
        caller: identity.openid,
        source,
        durationMs: Date.now() - started,
        cold,
        code,
      })
    }
  }

  private async runOn(
    pool: Pool,
    instance: Instance,
    name: string,
    event: unknown,
    identity: Identity,
  ): Promise<string> {
    const timeoutMs = instance.bundle.timeoutMs
    let timer: NodeJS.Timeout | undefined
    const limit = (ms: number, what: string) =>
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new EmulatorError(
            'FUNCTIONS_TIME_LIMIT_EXCEEDED',
            `${what} timed out after ${ms / 1000} seconds (function ${name})`,
          )
          instance.kill(error)
          reject(error)
        }, ms)
      })
    try {
      await Promise.race([instance.loaded, limit(LOAD_LIMIT_MS, 'Loading the function')])
      clearTimeout(timer)
      const context = {
        request_id: randomUUID(),
        function_name: name,
        function_version: '$LATEST',
        namespace: this.options.envId,
        time_limit_in_ms: timeoutMs,
        memory_limit_in_mb: 256,
      }
      const env = {
        WX_OPENID: identity.openid,
        WX_APPID: this.options.appId,
        WX_UNIONID: '',
        WX_CLIENTIP: '127.0.0.1',
        WX_CLIENTIPV6: '::1',
      }
      return await Promise.race([
        instance.run(event, context, env),
        limit(timeoutMs, 'Invoking task'),
      ])
    } finally {
      clearTimeout(timer)
      pool.release(instance)
    }
  }

  /** Instances per function: how many, and how many are busy (the console, tests). */
  instances(): Record<string, { live: number; busy: number; waiting: number }> {
    const out: Record<string, { live: number; busy: number; waiting: number }> = {}
    for (const [name, pool] of this.pools) {
      const live = [...pool.instances].filter((i) => !i.dead)
      out[name] = {
        live: live.length,
        busy: live.filter((i) => i.busy).length,
        waiting: pool.queue.length,
      }
    }
    return out
  }

  /** Terminate every instance (on shutdown). */
  async close(): Promise<void> {
    this.closed = true
    const closing = new EmulatorError('FUNCTIONS_EXECUTE_FAIL', 'the emulator is closing')
    const workers: Worker[] = []
    for (const pool of this.pools.values()) {
      for (const w of pool.queue.splice(0)) w.reject(closing)
      for (const i of pool.instances) {
        workers.push(i.worker)
        i.kill(closing)
      }
    }
    await Promise.all(workers.map((w) => w.terminate()))
    this.pools.clear()
  }
}

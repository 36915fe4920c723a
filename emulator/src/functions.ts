// The function runner: every invocation runs the bundled `<functionsDir>/<name>/index.js` in a
// fresh worker thread with its own `process.env` (the caller's WeChat context, injected the way
// CloudBase does) and its own module registry, so concurrent callers never see each other's
// identity. A throw, a crash or a timeout becomes an error value; the worker is terminated. The
// timeout counts from the end of loading the code, as CloudBase separates initialisation from
// execution, so a busy machine's cold starts do not eat a function's time.
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
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,60}$/

// Runs inside the worker. Plain JavaScript (evaluated), so it needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
${PATCH_DATE_SOURCE}(workerData.clockBuffer)
const describe = (e) => (e && e.message ? String(e.message) : String(e))
Promise.resolve()
  .then(() => {
    const mod = require(workerData.file)
    const main = mod && (typeof mod.main === 'function' ? mod.main : mod.default && mod.default.main)
    if (typeof main !== 'function') throw new Error('index.js does not export main(event, context)')
    parentPort.postMessage({ loaded: true })
    return main(workerData.event, workerData.context)
  })
  .then(
    (result) => {
      let json
      try {
        json = JSON.stringify(result === undefined ? null : result)
      } catch (e) {
        parentPort.postMessage({ ok: false, message: 'result is not JSON-serialisable: ' + describe(e) })
        return
      }
      parentPort.postMessage({ ok: true, json })
    },
    (e) => {
      console.error(e && e.stack ? e.stack : String(e))
      parentPort.postMessage({ ok: false, message: describe(e) })
    },
  )
`

type WorkerReply = { loaded: true } | { ok: true; json: string } | { ok: false; message: string }

/** Loading the code (the cold start) has its own, generous limit; the timeout starts after it. */
const LOAD_LIMIT_MS = 30_000

export class FunctionRunner {
  private readonly running = new Set<Worker>()

  constructor(private readonly options: RunnerOptions) {}

  private fileOf(name: string): string {
    if (!FUNCTION_NAME.test(name) || name.startsWith('_')) {
      throw new EmulatorError('FUNCTIONS_NOT_EXIST', `function ${name} does not exist`)
    }
    const file = path.resolve(this.options.functionsDir, name, 'index.js')
    if (!fs.existsSync(file)) {
      throw new EmulatorError(
        'FUNCTIONS_NOT_EXIST',
        `function ${name} does not exist (no ${path.relative(process.cwd(), file)}; build the functions first)`,
      )
    }
    return file
  }

  private timeoutMs(name: string): number {
    const config = path.resolve(this.options.functionsDir, name, 'config.json')
    try {
      const parsed = JSON.parse(fs.readFileSync(config, 'utf8')) as { timeout?: unknown }
      if (typeof parsed.timeout === 'number' && parsed.timeout > 0) return parsed.timeout * 1000
    } catch {
      // no config.json (or unreadable): the platform default applies
    }
    return this.options.defaultTimeoutMs
  }

  /** Invoke a function; resolves with the JSON text of its return value, rejects with EmulatorError. */
  invoke(name: string, event: unknown, identity: Identity): Promise<string> {
    let file: string
    try {
      file = this.fileOf(name)
    } catch (e) {
      return Promise.reject(e)
    }
    const timeoutMs = this.timeoutMs(name)
    const requestId = randomUUID()
    const wxKeys = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6']
    const env: Record<string, string> = {
      TENCENTCLOUD: 'true',
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TENCENTCLOUD_SECRETID: 'emulator-secret-id',
      TENCENTCLOUD_SECRETKEY: 'emulator-secret-key',
      TENCENTCLOUD_SESSIONTOKEN: '',
      SCF_NAMESPACE: this.options.envId,
      SCF_FUNCTIONNAME: name,
      TCB_ENV: this.options.envId,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.serviceUrl }),
      WX_CONTEXT_KEYS: wxKeys.join(','),
      WX_OPENID: identity.openid,
      WX_APPID: this.options.appId,
      WX_UNIONID: '',
      WX_CLIENTIP: '127.0.0.1',
      WX_CLIENTIPV6: '::1',
    }
    const context = {
      request_id: requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.options.envId,
      time_limit_in_ms: timeoutMs,
      memory_limit_in_mb: 256,
    }
    return new Promise<string>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        env,
        workerData: { file, event: event ?? {}, context, clockBuffer: this.options.clock.buffer },
        stdout: true,
        stderr: true,
      })
      this.running.add(worker)
      for (const stream of [worker.stdout, worker.stderr]) {
        let pending = ''
        stream.setEncoding('utf8')
        stream.on('data', (chunk: string) => {
          pending += chunk
          const lines = pending.split('\n')
          pending = lines.pop() ?? ''
          for (const line of lines) this.options.log(name, line)
        })
        stream.on('end', () => {
          if (pending) this.options.log(name, pending)
        })
      }
      let settled = false
      const finish = (outcome: { json: string } | { error: EmulatorError }): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        this.running.delete(worker)
        void worker.terminate()
        if ('json' in outcome) resolve(outcome.json)
        else reject(outcome.error)
      }
      const timeUp = (limitMs: number, what: string) => () =>
        finish({
          error: new EmulatorError(
            'FUNCTIONS_TIME_LIMIT_EXCEEDED',
            `${what} timed out after ${limitMs / 1000} seconds (function ${name})`,
          ),
        })
      let timer = setTimeout(timeUp(LOAD_LIMIT_MS, 'Loading the function'), LOAD_LIMIT_MS)
      worker.on('message', (reply: WorkerReply) => {
        if ('loaded' in reply) {
          clearTimeout(timer)
          timer = setTimeout(timeUp(timeoutMs, 'Invoking task'), timeoutMs)
        } else if (reply.ok) finish({ json: reply.json })
        else
          finish({
            error: new EmulatorError(
              'FUNCTIONS_EXECUTE_FAIL',
              `function ${name} failed: ${reply.message}`,
            ),
          })
      })
      worker.on('error', (e: Error) => {
        finish({
          error: new EmulatorError(
            'FUNCTIONS_EXECUTE_FAIL',
            `function ${name} crashed: ${e.message}`,
          ),
        })
      })
      worker.on('exit', (code) => {
        finish({
          error: new EmulatorError(
            'FUNCTIONS_EXECUTE_FAIL',
            `function ${name} exited (code ${code}) without returning`,
          ),
        })
      })
    })
  }

  /** Terminate every running invocation (on shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.running].map((w) => w.terminate()))
    this.running.clear()
  }
}

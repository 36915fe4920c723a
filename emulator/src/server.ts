// HTTP front door: `/admin` (what the SDK talks to), `/fn/<name>` (the H5 client), `/storage/*`
// (photo upload and download), `/dev/*` (dev identities and counters) and, optionally, a static
// site at `/` with an index.html fallback.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import type { Clock } from './clock'
import { renderCollection, renderOverview, type ConsoleDeps } from './console'
import type { Counters } from './counters'
import type { DatabaseService } from './database'
import { parseStored } from './ejson'
import { EmulatorError, toEmulatorError } from './errors'
import type { FunctionRunner } from './functions'
import { cosErrorXml, StorageError, tooLarge, type FileStorage } from './storage'
import type { Store } from './store'
import { checkDepth, checkWireStrings, verifySignature, type Credentials } from './safety'

export const DEV_TOKEN_HEADER = 'x-fengsi-dev-token'
/** Largest `/admin` body (documents, batches). */
export const MAX_ADMIN_BODY_BYTES = 20 * 1024 * 1024
/** Largest `/fn` event: SCF's limit for a synchronous invocation's event, 6 MB. */
export const MAX_EVENT_BYTES = 6 * 1024 * 1024
/** Largest other JSON body (dev endpoints, temp URLs). */
const MAX_SMALL_BODY_BYTES = 1024 * 1024
/** A body past its limit is read (and thrown away) up to this much, so the client gets the answer. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024

export interface DevIdentityOptions {
  /** Collection holding the members a developer may log in as. */
  readonly collection: string
  /** Field of a member document holding its OPENID. */
  readonly openidField: string
}

export interface ServerDeps {
  readonly store: Store
  readonly database: DatabaseService
  readonly runner: FunctionRunner | undefined
  readonly counters: Counters
  readonly clock: Clock
  readonly storage: FileStorage
  readonly dev: DevIdentityOptions | undefined
  readonly staticDir: string | undefined
  /** The secrets `/admin` requests must be signed with. */
  readonly credentials: Credentials
  /** Where this server is reached (`http://127.0.0.1:<port>`): temp URLs are built from it. */
  readonly publicUrl: () => string
  /** Origins other than the served one allowed to call the browser endpoints (CORS). */
  readonly corsOrigins: readonly string[]
  /** What the console at `/_console` shows (dev mode only). */
  readonly console: ConsoleDeps
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

const HTTP_STATUS: Partial<Record<EmulatorError['code'], number>> = {
  INVALID_PARAM: 400,
  FUNCTIONS_NOT_EXIST: 404,
  FUNCTIONS_EXECUTE_FAIL: 502,
  FUNCTIONS_TIME_LIMIT_EXCEEDED: 504,
  FUNCTION_EXCEED_RESOURCE_LIMIT: 429,
  DEV_TOKEN_INVALID: 401,
  DEV_MEMBER_NOT_FOUND: 404,
  EXCEED_REQUEST_SIZE_LIMIT: 413,
  INVALID_REQUEST_SOURCE: 403,
}

/** Plain Chinese messages of the browser-facing errors (`/fn`, `/storage`, `/dev`). */
export const CHINESE_MESSAGES: Record<string, string> = {
  INVALID_PARAM: '请求的内容不对，请检查后再试。',
  FUNCTIONS_NOT_EXIST: '没有这项服务（云函数不存在）。',
  FUNCTIONS_EXECUTE_FAIL: '服务出错了，请稍后再试。',
  FUNCTIONS_TIME_LIMIT_EXCEEDED: '服务太慢没有答复，请稍后再试。',
  FUNCTION_EXCEED_RESOURCE_LIMIT: '现在用的人太多，请稍后再试。',
  DEV_TOKEN_INVALID: '开发登录已失效，请重新登录。',
  DEV_MEMBER_NOT_FOUND: '没有找到这位成员。',
  EXCEED_REQUEST_SIZE_LIMIT: '发送的内容太大了。',
  INVALID_REQUEST_SOURCE: '这个网页不能使用本服务。',
  NOT_FOUND: '没有这个地址。',
  DATABASE_REQUEST_FAILED: '服务出错了，请稍后再试。',
  SYS_ERR: '服务出错了，请稍后再试。',
}

/** A browser-facing error body: the code, a plain Chinese message, and the technical detail. */
const browserError = (code: string, detail: string, requestId: string) => ({
  code,
  message: CHINESE_MESSAGES[code] ?? CHINESE_MESSAGES.SYS_ERR,
  detail,
  requestId,
})

const sendJson = (res: http.ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

const tooLargeBody = (limit: number): EmulatorError =>
  new EmulatorError(
    'EXCEED_REQUEST_SIZE_LIMIT',
    `request body larger than ${Math.round(limit / 1024 / 1024)} MB`,
  )

/**
 * The body as text, at most `limit` bytes. A larger body is read to its end and thrown away (up
 * to MAX_DRAIN_BYTES), so the client gets the JSON answer rather than a reset connection.
 */
const readBody = (req: http.IncomingMessage, limit: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_DRAIN_BYTES) req.destroy()
      else if (size <= limit) chunks.push(c)
    })
    req.on('end', () =>
      size > limit ? reject(tooLargeBody(limit)) : resolve(Buffer.concat(chunks).toString('utf8')),
    )
    req.on('close', () => req.complete || reject(tooLargeBody(limit))) // a body cut off
    req.on('error', reject)
  })

/**
 * The raw body, at most `limit` bytes. A larger body is read to its end and thrown away (so the
 * client gets the JSON answer rather than a reset connection), then refused.
 */
const readBytes = (req: http.IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_DRAIN_BYTES) req.destroy()
      else if (size <= limit) chunks.push(c)
    })
    req.on('end', () => (size > limit ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks))))
    req.on('close', () => req.complete || reject(tooLarge(limit))) // a body cut off
    req.on('error', reject)
  })

const parseJsonBody = (text: string): Record<string, unknown> => {
  if (text.trim() === '') return {}
  checkDepth(text)
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    throw new EmulatorError('INVALID_PARAM', 'request body is not JSON')
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new EmulatorError('INVALID_PARAM', 'request body must be a JSON object')
  }
  return v as Record<string, unknown>
}

export const createServer = (deps: ServerDeps): http.Server => {
  const devTokens = new Map<string, { memberId: string; openid: string }>()

  const admin = async (
    body: Record<string, unknown>,
    baseUrl: string,
  ): Promise<Record<string, unknown>> => {
    const action = typeof body.action === 'string' ? body.action : ''
    const dot = action.indexOf('.')
    const service = action.slice(0, dot)
    const name = action.slice(dot + 1)
    if (service === 'database') return deps.database.handle(name, body)
    if (service === 'storage') {
      const reply = deps.storage.handle(name, body, baseUrl)
      if (reply) return reply
    }
    if (action === 'functions.invokeFunction') {
      const fnName = typeof body.function_name === 'string' ? body.function_name : ''
      const raw = typeof body.request_data === 'string' ? body.request_data : ''
      let event: unknown = {}
      if (raw !== '') {
        try {
          event = JSON.parse(raw)
        } catch {
          throw new EmulatorError('INVALID_PARAM', 'request_data is not JSON')
        }
      }
      // A function called by another function runs without an end-user identity.
      const json = await invokeCounted(fnName, event, '')
      return { data: { response_data: json } }
    }
    if (action === 'auth.getUserInfoForAdmin') {
      return { data: { uid: typeof body.uuid === 'string' ? body.uuid : '' } }
    }
    throw new EmulatorError('INVALID_ACTION', `action ${action || '(none)'} is not emulated`)
  }

  const invokeCounted = (name: string, event: unknown, openid: string): Promise<string> => {
    if (!deps.runner) {
      return Promise.reject(
        new EmulatorError(
          'FUNCTIONS_NOT_EXIST',
          'this emulator was started without a functions directory',
        ),
      )
    }
    deps.counters.countFunction(name)
    return deps.runner.invoke(name, event, { openid })
  }

  const identityOf = (req: http.IncomingMessage): string => {
    const token = req.headers[DEV_TOKEN_HEADER]
    if (typeof token !== 'string' || token === '') return ''
    if (!deps.dev) return ''
    const session = devTokens.get(token)
    if (!session) throw new EmulatorError('DEV_TOKEN_INVALID', 'dev session unknown; log in again')
    return session.openid
  }

  const devLogin = (body: Record<string, unknown>): Record<string, unknown> => {
    const dev = deps.dev as DevIdentityOptions
    if (body.newcomer === true) {
      // A brand-new WeChat user: an OPENID nobody has used, so no membership anywhere.
      const openid = `dev-newcomer-${randomBytes(8).toString('hex')}`
      const token = randomBytes(24).toString('hex')
      devTokens.set(token, { memberId: '', openid })
      return { token, openid }
    }
    const memberId = body.memberId
    if (typeof memberId !== 'string' || memberId === '') {
      throw new EmulatorError('INVALID_PARAM', 'memberId is required')
    }
    const row = deps.store.hasCollection(dev.collection)
      ? deps.store.getRow(dev.collection, memberId)
      : undefined
    const openid = row ? parseStored(row.doc)[dev.openidField] : undefined
    if (typeof openid !== 'string' || openid === '') {
      throw new EmulatorError(
        'DEV_MEMBER_NOT_FOUND',
        `no member ${memberId} with an ${dev.openidField}`,
      )
    }
    const token = randomBytes(24).toString('hex')
    devTokens.set(token, { memberId, openid })
    return { token, memberId, openid }
  }

  const devMembers = (): Record<string, unknown> => {
    const dev = deps.dev as DevIdentityOptions
    if (!deps.store.hasCollection(dev.collection)) return { members: [] }
    const members = deps.database.matching(dev.collection, undefined, 1000)
    return { members }
  }

  const clockState = (): Record<string, unknown> => ({
    now: new Date(deps.clock.now()).toISOString(),
    frozen: deps.clock.frozen(),
  })

  /** `{set?: ISO string, advanceMs?: number, reset?: true}`: set first, then advance. */
  const devClock = async (body: Record<string, unknown>): Promise<void> => {
    const { set, advanceMs, reset } = body
    if (set !== undefined && (typeof set !== 'string' || !Number.isFinite(Date.parse(set)))) {
      throw new EmulatorError('INVALID_PARAM', 'set must be an ISO 8601 instant')
    }
    if (
      advanceMs !== undefined &&
      (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0)
    ) {
      throw new EmulatorError('INVALID_PARAM', 'advanceMs must be a non-negative number')
    }
    if (reset !== undefined && reset !== true) {
      throw new EmulatorError('INVALID_PARAM', 'reset must be true when given')
    }
    if (reset) deps.clock.reset()
    if (typeof set === 'string') deps.clock.set(set)
    if (typeof advanceMs === 'number') await deps.clock.advance(advanceMs)
  }

  const serveStatic = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
  ): void => {
    const root = path.resolve(deps.staticDir as string)
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      sendJson(res, 400, { code: 'INVALID_PARAM', message: 'bad path' })
      return
    }
    let file = path.resolve(root, `.${decoded}`)
    if (file !== root && !file.startsWith(root + path.sep)) {
      sendJson(res, 403, { code: 'INVALID_PARAM', message: 'forbidden' })
      return
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      const index = path.join(file, 'index.html')
      file = fs.existsSync(index) ? index : path.join(root, 'index.html')
    }
    if (!fs.existsSync(file)) {
      sendJson(res, 404, { code: 'NOT_FOUND', message: `no ${decoded}` })
      return
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    const stat = fs.statSync(file)
    res.writeHead(200, {
      'content-type': type,
      'content-length': stat.size,
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=300',
    })
    if (req.method === 'HEAD') res.end()
    else fs.createReadStream(file).pipe(res)
  }

  /** `/storage/*` for browsers: upload (raw image body), download, temp URLs. */
  const storageRoute = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): Promise<void> => {
    const method = req.method ?? 'GET'
    const pathname = url.pathname
    if (pathname === '/storage/upload' && method === 'POST') {
      identityOf(req) // an unknown dev token is refused, as for /fn
      const bytes = await readBytes(req, deps.storage.maxBytes)
      const cloudPath = url.searchParams.get('cloudPath') ?? undefined
      // a browser never replaces a file that is there (someone else's photo)
      const { fileID, size, contentType } = deps.storage.put(bytes, cloudPath, { overwrite: false })
      sendJson(res, 200, { fileID, size, contentType })
    } else if (pathname.startsWith('/storage/files/') && (method === 'GET' || method === 'HEAD')) {
      let cloudPath: string
      try {
        cloudPath = decodeURIComponent(pathname.slice('/storage/files/'.length))
      } catch {
        cloudPath = ''
      }
      const { bytes, contentType } = deps.storage.get(cloudPath)
      res.writeHead(200, {
        'content-type': contentType,
        'content-length': bytes.length,
        'cache-control': 'private, max-age=300',
        'x-content-type-options': 'nosniff',
      })
      res.end(method === 'HEAD' ? undefined : bytes)
    } else if (pathname === '/storage/urls' && method === 'POST') {
      const body = parseJsonBody(await readBody(req, MAX_SMALL_BODY_BYTES))
      const list = Array.isArray(body.fileList) ? body.fileList : []
      sendJson(res, 200, { fileList: deps.storage.downloadUrls(deps.publicUrl(), list) })
    } else {
      sendJson(res, 404, browserError('NOT_FOUND', `${method} ${pathname}`, randomUUID()))
    }
  }

  /** The PUT the SDK's `uploadFile` sends to the URL `storage.getUploadMetadata` gave it. */
  const cosPut = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const requestId = randomUUID()
    try {
      const cloudPath = decodeURIComponent(url.pathname.slice('/storage/cos/'.length))
      deps.storage.put(await readBytes(req, deps.storage.maxBytes), cloudPath)
      res.writeHead(200, { 'content-length': 0 })
      res.end()
    } catch (e) {
      const err = e instanceof StorageError ? e : toEmulatorError(e)
      const xml = cosErrorXml(err.code, err.message, requestId)
      res.writeHead(e instanceof StorageError ? e.status : 500, {
        'content-type': 'application/xml',
        'content-length': Buffer.byteLength(xml),
      })
      res.end(xml)
    }
  }

  /** Origins allowed to call from a browser: the served one and those named with a flag. */
  const allowedOrigins = (): Set<string> => {
    const served = new URL(deps.publicUrl())
    return new Set([
      served.origin,
      `http://localhost:${served.port}`,
      ...deps.corsOrigins.map((o) => o.replace(/\/+$/, '')),
    ])
  }

  /** CORS for an allowed origin; false (and a 403 sent) for any other web page. */
  const cors = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    requestId: string,
  ): boolean => {
    const origin = req.headers.origin
    if (origin === undefined) return true // not a browser's cross-origin request
    if (!allowedOrigins().has(origin)) {
      sendJson(
        res,
        403,
        browserError('INVALID_REQUEST_SOURCE', `origin ${origin} is not allowed`, requestId),
      )
      return false
    }
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('vary', 'Origin')
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS')
    res.setHeader('access-control-allow-headers', `content-type, ${DEV_TOKEN_HEADER}`)
    return true
  }

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const pathname = url.pathname
    const method = req.method ?? 'GET'
    const requestId = randomUUID()

    if (pathname === '/admin' && method === 'POST') {
      try {
        // no web page may talk to the admin API
        if (req.headers.origin !== undefined) {
          throw new EmulatorError('INVALID_REQUEST_SOURCE', `origin ${req.headers.origin} refused`)
        }
        const body = parseJsonBody(await readBody(req, MAX_ADMIN_BODY_BYTES))
        verifySignature(req, body, deps.credentials)
        checkWireStrings(body)
        const reply = await admin(body, deps.publicUrl())
        sendJson(res, 200, { ...reply, requestId })
      } catch (e) {
        const err = e instanceof StorageError ? e : toEmulatorError(e)
        sendJson(res, 200, { code: err.code, message: err.message, requestId })
      }
      return
    }

    if (pathname.startsWith('/storage/cos/') && method === 'PUT') {
      await cosPut(req, res, url)
      return
    }

    if (pathname.startsWith('/storage/')) {
      if (!cors(req, res, requestId)) return
      if (method === 'OPTIONS') {
        res.writeHead(204)
        res.end()
        return
      }
      try {
        await storageRoute(req, res, url)
      } catch (e) {
        if (e instanceof StorageError) {
          sendJson(res, e.status, { code: e.code, message: e.message, requestId })
        } else {
          const err = toEmulatorError(e)
          sendJson(
            res,
            HTTP_STATUS[err.code] ?? 500,
            browserError(err.code, err.message, requestId),
          )
        }
      }
      return
    }

    if (pathname.startsWith('/fn/') || pathname.startsWith('/dev/') || pathname === '/healthz') {
      if (!cors(req, res, requestId)) return
      if (method === 'OPTIONS') {
        res.writeHead(204)
        res.end()
        return
      }
      try {
        if (pathname === '/healthz' && method === 'GET') {
          sendJson(res, 200, { ok: true })
        } else if (pathname.startsWith('/fn/') && method === 'POST') {
          const name = decodeURIComponent(pathname.slice('/fn/'.length))
          const openid = identityOf(req)
          const event = parseJsonBody(await readBody(req, MAX_EVENT_BYTES))
          const json = await invokeCounted(name, event, openid)
          // The body is the function's return value itself, as `result` of callFunction.
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'x-request-id': requestId,
          })
          res.end(json)
        } else if (pathname === '/dev/stats' && method === 'GET') {
          sendJson(res, 200, deps.counters.snapshot())
        } else if (pathname === '/dev/stats/reset' && method === 'POST') {
          deps.counters.reset()
          sendJson(res, 200, { ok: true })
        } else if (deps.dev && pathname === '/dev/login' && method === 'POST') {
          sendJson(res, 200, devLogin(parseJsonBody(await readBody(req, MAX_SMALL_BODY_BYTES))))
        } else if (deps.dev && pathname === '/dev/members' && method === 'GET') {
          sendJson(res, 200, devMembers())
        } else if (deps.dev && pathname === '/dev/clock' && method === 'POST') {
          await devClock(parseJsonBody(await readBody(req, MAX_SMALL_BODY_BYTES)))
          sendJson(res, 200, clockState())
        } else if (deps.dev && pathname === '/dev/clock' && method === 'GET') {
          sendJson(res, 200, clockState())
        } else {
          sendJson(res, 404, browserError('NOT_FOUND', `${method} ${pathname}`, requestId))
        }
      } catch (e) {
        const err = e instanceof EmulatorError ? e : toEmulatorError(e)
        sendJson(res, HTTP_STATUS[err.code] ?? 500, browserError(err.code, err.message, requestId))
      }
      return
    }

    if (pathname === '/_console' || pathname.startsWith('/_console/')) {
      if (!deps.dev || method !== 'GET') {
        sendJson(res, 404, browserError('NOT_FOUND', `${method} ${pathname}`, requestId))
        return
      }
      if (req.headers.origin !== undefined && !cors(req, res, requestId)) return
      let html: string | undefined
      if (pathname === '/_console' || pathname === '/_console/') html = renderOverview(deps.console)
      else if (pathname.startsWith('/_console/collections/')) {
        let name = ''
        try {
          name = decodeURIComponent(pathname.slice('/_console/collections/'.length))
        } catch {
          name = ''
        }
        html = renderCollection(
          deps.console,
          name,
          Number(url.searchParams.get('page') ?? '1') || 1,
        )
      }
      if (html === undefined) {
        sendJson(res, 404, browserError('NOT_FOUND', `${method} ${pathname}`, requestId))
        return
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(html),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      res.end(html)
      return
    }

    if (deps.staticDir && (method === 'GET' || method === 'HEAD')) {
      serveStatic(req, res, pathname)
      return
    }
    sendJson(res, 404, { code: 'NOT_FOUND', message: `${method} ${pathname}`, requestId })
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: String(e) })
      else res.destroy()
    })
  })
  // Keep idle connections longer than any client's keep-alive agent (the SDK's drops them after a
  // few seconds), so a client never sends on a socket the server is closing (ECONNRESET).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  return server
}

// HTTP front door: `/admin` (what the SDK talks to), `/fn/<name>` (the H5 client), `/storage/*`
// (photo upload and download), `/dev/*` (dev identities and counters) and, optionally, a static
// site at `/` with an index.html fallback.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import type { Clock } from './clock'
import type { Counters } from './counters'
import type { DatabaseService } from './database'
import { parseStored } from './ejson'
import { EmulatorError, toEmulatorError } from './errors'
import type { FunctionRunner } from './functions'
import { cosErrorXml, StorageError, tooLarge, type FileStorage } from './storage'
import type { Store } from './store'

export const DEV_TOKEN_HEADER = 'x-fengsi-dev-token'
const MAX_BODY_BYTES = 20 * 1024 * 1024

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
}

const sendJson = (res: http.ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

const readBody = (req: http.IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        reject(new EmulatorError('INVALID_PARAM', 'request body too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
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
      if (size > MAX_BODY_BYTES) req.destroy()
      else if (size <= limit) chunks.push(c)
    })
    req.on('end', () => (size > limit ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks))))
    req.on('close', () => reject(tooLarge(limit))) // no-op once settled
    req.on('error', reject)
  })

/** Where the caller reached this server, for URLs handed back to it. */
const baseUrlOf = (req: http.IncomingMessage): string => `http://${req.headers.host ?? '127.0.0.1'}`

const parseJsonBody = (text: string): Record<string, unknown> => {
  if (text.trim() === '') return {}
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
      const { fileID, size, contentType } = deps.storage.put(bytes, cloudPath)
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
      })
      res.end(method === 'HEAD' ? undefined : bytes)
    } else if (pathname === '/storage/urls' && method === 'POST') {
      const body = parseJsonBody(await readBody(req))
      const list = Array.isArray(body.fileList) ? body.fileList : []
      sendJson(res, 200, { fileList: deps.storage.downloadUrls(baseUrlOf(req), list) })
    } else {
      sendJson(res, 404, { code: 'NOT_FOUND', message: `${method} ${pathname}` })
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

  const cors = (res: http.ServerResponse): void => {
    res.setHeader('access-control-allow-origin', '*')
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS')
    res.setHeader('access-control-allow-headers', `content-type, ${DEV_TOKEN_HEADER}`)
  }

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const pathname = url.pathname
    const method = req.method ?? 'GET'
    const requestId = randomUUID()

    if (pathname === '/admin' && method === 'POST') {
      try {
        const reply = await admin(parseJsonBody(await readBody(req)), baseUrlOf(req))
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
      cors(res)
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
          sendJson(res, HTTP_STATUS[err.code] ?? 500, {
            code: err.code,
            message: err.message,
            requestId,
          })
        }
      }
      return
    }

    if (pathname.startsWith('/fn/') || pathname.startsWith('/dev/') || pathname === '/healthz') {
      cors(res)
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
          const event = parseJsonBody(await readBody(req))
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
          sendJson(res, 200, devLogin(parseJsonBody(await readBody(req))))
        } else if (deps.dev && pathname === '/dev/members' && method === 'GET') {
          sendJson(res, 200, devMembers())
        } else if (deps.dev && pathname === '/dev/clock' && method === 'POST') {
          await devClock(parseJsonBody(await readBody(req)))
          sendJson(res, 200, clockState())
        } else if (deps.dev && pathname === '/dev/clock' && method === 'GET') {
          sendJson(res, 200, clockState())
        } else {
          sendJson(res, 404, { code: 'NOT_FOUND', message: `${method} ${pathname}`, requestId })
        }
      } catch (e) {
        const err = e instanceof EmulatorError ? e : toEmulatorError(e)
        sendJson(res, HTTP_STATUS[err.code] ?? 500, {
          code: err.code,
          message: err.message,
          requestId,
        })
      }
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

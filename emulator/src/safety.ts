// What keeps the emulator safe on a developer's machine and as strict as the platform: `/admin`
// signatures verified with the SDK's own signature library, nesting depth of request bodies, and
// regular expressions that could stall the (single-threaded) server refused before they run.
import { timingSafeEqual } from 'node:crypto'
import type http from 'node:http'
import { Signer } from '@cloudbase/signature-nodejs'
import { EmulatorError } from './errors'

export interface Credentials {
  readonly secretId: string
  readonly secretKey: string
}

/** Deepest nesting of objects and arrays a request may carry (MongoDB's BSON limit is 100). */
export const MAX_DEPTH = 100

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,( SignedParams=[^,]*,)? SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

const signers = new WeakMap<Credentials, Signer>()
const signerFor = (credentials: Credentials): Signer => {
  let signer = signers.get(credentials)
  if (!signer) {
    signer = new Signer(credentials, 'tcb')
    signers.set(credentials, signer)
  }
  return signer
}

const unsigned = (why: string): EmulatorError =>
  new EmulatorError('SIGN_PARAM_INVALID', `[SIGN_PARAM_INVALID] ${why}`)

/**
 * Verifies an `/admin` request the way CloudBase does: the SDK's TC3-HMAC-SHA256 signature over
 * the method, URL, signed headers and parameters, recomputed with the SDK's own library
 * (@cloudbase/signature-nodejs) and the emulator's secret. The timestamp is not checked against
 * any clock: the SDK inside a function signs with the emulator's (possibly moved) clock, the
 * host's SDK with the real one.
 */
export const verifySignature = (
  req: http.IncomingMessage,
  body: Record<string, unknown>,
  credentials: Credentials,
): void => {
  const authorization = req.headers.authorization
  if (typeof authorization !== 'string' || authorization === '') {
    throw unsigned('the request is not signed (no Authorization header)')
  }
  const m = AUTHORIZATION.exec(authorization)
  if (!m) throw unsigned('the Authorization header is not a TC3-HMAC-SHA256 signature')
  const [, secretId, , signedParams, signedHeaders] = m
  if (secretId !== credentials.secretId) throw unsigned(`unknown SecretId ${secretId}`)
  const timestamp = Number(req.headers['x-timestamp'])
  if (!Number.isInteger(timestamp) || timestamp <= 0) throw unsigned('no X-Timestamp')
  const headers: Record<string, string> = {}
  for (const name of signedHeaders.split(';')) {
    const value = req.headers[name]
    if (typeof value !== 'string') throw unsigned(`signed header ${name} is missing`)
    headers[name] = value
  }
  const url = `http://${req.headers.host ?? ''}${req.url ?? '/'}`
  const signer = signerFor(credentials)
  // the SDK signs with its lowercase method; another client may use the uppercase one
  for (const method of ['post', 'POST']) {
    let expected: string
    try {
      // what the library's sign() does, without its deep copies of headers and params
      expected = signer.tc3sign(method, url, headers, body, timestamp, {
        withSignedParams: signedParams !== undefined,
      }).authorization
    } catch (e) {
      throw unsigned((e as Error).message)
    }
    const a = Buffer.from(expected)
    const b = Buffer.from(authorization)
    if (a.length === b.length && timingSafeEqual(a, b)) return
  }
  throw unsigned('the signature does not match (wrong SecretKey, or the request was changed)')
}

/** The deepest nesting of `{` / `[` in JSON text, without parsing it (iterative). */
export const jsonDepth = (text: string): number => {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92)
        i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      depth++
      if (depth > max) max = depth
    } else if (c === 125 || c === 93) depth--
  }
  return max
}

const tooDeep = (what: string): EmulatorError =>
  new EmulatorError('INVALID_PARAM', `${what} is nested deeper than ${MAX_DEPTH} levels`)

/** Refuses JSON text nested deeper than MAX_DEPTH. */
export const checkDepth = (text: string, what = 'request body'): void => {
  if (jsonDepth(text) > MAX_DEPTH) throw tooDeep(what)
}

/**
 * The SDK sends queries, data and stages as JSON strings inside the body: checks each string
 * field that holds JSON for depth and for unsafe regular expressions.
 */
export const checkWireStrings = (body: Record<string, unknown>): void => {
  const stack: unknown[] = [body]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v === 'string') {
      const t = v.trimStart()
      if (t.startsWith('{') || t.startsWith('[')) {
        if (jsonDepth(t) > MAX_DEPTH) throw tooDeep('a query or document')
        let parsed: unknown
        try {
          parsed = JSON.parse(t)
        } catch {
          continue // not JSON after all: the database answers for it
        }
        checkRegexes(parsed)
      }
    } else if (Array.isArray(v)) stack.push(...v)
    else if (typeof v === 'object' && v !== null) {
      checkRegexes(v)
      stack.push(...Object.values(v))
    }
  }
}

/** Longest regular expression a query may carry. */
export const MAX_REGEX_LENGTH = 512

/**
 * Whether a pattern can backtrack catastrophically: a quantified group that itself contains a
 * quantifier or an alternation (`(a+)+`, `(a|aa)*`, `(\w*)*`), or a backreference. Conservative:
 * some safe patterns are refused too; they can be written without nesting.
 */
export const unsafeRegex = (pattern: string): string | undefined => {
  if (pattern.length > MAX_REGEX_LENGTH) return `longer than ${MAX_REGEX_LENGTH} characters`
  // per open group: does it contain a quantifier or an alternation?
  const groups: boolean[] = []
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return 'a backreference'
      i++
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      continue
    }
    if (c === '[') inClass = true
    else if (c === '(') groups.push(false)
    else if (c === ')') {
      const risky = groups.pop() ?? false
      const next = pattern[i + 1]
      const quantified = next === '*' || next === '+' || next === '{' || next === '?'
      if (risky && quantified && next !== '?') return 'a repeated group containing a repetition'
      if (groups.length > 0 && (risky || quantified)) groups[groups.length - 1] = true
    } else if (c === '*' || c === '+' || c === '{' || c === '|') {
      if (groups.length > 0) groups[groups.length - 1] = true
    }
  }
  return undefined
}

const checkRegexes = (root: unknown): void => {
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const v = stack.pop()
    if (Array.isArray(v)) stack.push(...v)
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>
      const candidates: unknown[] = [o.$regex, o.$regexp]
      const re = o.$regularExpression as { pattern?: unknown } | undefined
      if (re && typeof re === 'object') candidates.push(re.pattern)
      for (const p of candidates) {
        if (typeof p !== 'string') continue
        const why = unsafeRegex(p)
        if (why) {
          throw new EmulatorError(
            'INVALID_PARAM',
            `regular expression /${p.slice(0, 80)}/ refused: ${why} can stall the database (catastrophic backtracking)`,
          )
        }
      }
      stack.push(...Object.values(o))
    }
  }
}

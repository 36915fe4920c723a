// Wire values: canonical EJSON strings in, relaxed EJSON strings out (what the SDK parses).
import { BSONRegExp, EJSON } from 'bson'
import { invalidParam } from './errors'
import type { Doc } from './types'

const SERVER_DATE = '$tcb_server_date'

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)

/**
 * Resolve `{$tcb_server_date: {offset}}` to the server's time and turn BSON regular expressions
 * into JavaScript ones (what mingo understands). Returns a new value; the input is not mutated.
 */
export const resolveValue = (value: unknown, now: number): unknown => {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, jsRegexFlags(value.options))
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, now))
  if (!isPlainObject(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === SERVER_DATE) {
    const spec = value[SERVER_DATE]
    const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0
    return new Date(now + offset)
  }
  const out: Record<string, unknown> = {}
  for (const k of keys) out[k] = resolveValue(value[k], now)
  return out
}

const jsRegexFlags = (options: string): string =>
  options
    .split('')
    .filter((c) => 'imsu'.includes(c))
    .join('')

/** Parse one EJSON string from the wire, resolving server dates and regular expressions. */
export const parseWire = (text: unknown, what: string, now: number): unknown => {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`)
  let parsed: unknown
  try {
    parsed = EJSON.parse(text, { relaxed: true })
  } catch (e) {
    throw invalidParam(`${what} is not valid EJSON: ${(e as Error).message}`)
  }
  return resolveValue(parsed, now)
}

export const parseWireObject = (text: unknown, what: string, now: number): Doc => {
  const v = parseWire(text, what, now)
  if (!isPlainObject(v)) throw invalidParam(`${what} must be an object`)
  return v
}

/** Serialise a document for storage and for the wire (relaxed EJSON: numbers stay JSON numbers). */
export const stringifyDoc = (doc: unknown): string => EJSON.stringify(doc, { relaxed: true })

/**
 * Parse a stored document. One without any `"$` (no EJSON wrapper such as `$date` or `$oid`: field
 * names never start with `$`) is plain JSON, which relaxed EJSON reads exactly as JSON.parse does,
 * several times faster (a scan of 100,000 documents).
 */
export const parseStored = (text: string): Doc =>
  (text.includes('"$') ? EJSON.parse(text, { relaxed: true }) : JSON.parse(text)) as Doc

export { isPlainObject }

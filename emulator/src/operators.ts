// Operators where mingo differs from MongoDB (CloudBase's database), registered on mingo's context,
// and a `$jsonSchema` validator. Each follows the MongoDB manual page cited beside it.
import { createRequire } from 'node:module'
import nodePath from 'node:path'
import type * as MingoAggregator from 'mingo/types/aggregator'
import type * as MingoCore from 'mingo/types/core'
import type * as MingoInternal from 'mingo/types/core/_internal'
import type * as MingoDate from 'mingo/types/operators/expression/date'
import type * as MingoQuery from 'mingo/types/query'
import type { Options } from 'mingo/types/types'
import { isPlainObject } from './ejson'
import { GEO_QUERY_OPERATORS } from './geo'
import { valuesAt } from './rules'

type AnyObject = Record<string, unknown>

// mingo's subpath modules, loaded through its package exports (TypeScript's `node` resolution
// cannot see those, so the types come from mingo's declaration files).
const load = createRequire(__filename)
const { Context, evalExpr } = load('mingo/core') as typeof MingoCore
// Not among mingo's package exports: loaded by its file (the very module mingo's Query uses).
const { ComputeOptions } = load(
  nodePath.join(nodePath.dirname(load.resolve('mingo/core')), '_internal.js'),
) as typeof MingoInternal
const { $dayOfWeek, $dayOfYear } = load('mingo/operators/expression/date') as typeof MingoDate
const { Query } = load('mingo/query') as typeof MingoQuery
const { Aggregator } = load('mingo/aggregator') as typeof MingoAggregator
type Ops = Record<`$${string}`, never>
const ops = (path: string): Ops => load(`mingo/operators/${path}`) as Ops

/**
 * $elemMatch (https://www.mongodb.com/docs/manual/reference/operator/query/elemMatch/): with a
 * document condition (`{value: {$gt: 0}}`) only elements that are documents can match; with
 * operators only (`{$gt: 0}`) each element is the value tested.
 */
const $elemMatch = (selector: string, criteria: unknown, options: Options) => {
  const spec = (isPlainObject(criteria) ? criteria : {}) as AnyObject
  const keys = Object.keys(spec)
  const onElement =
    keys.length > 0 &&
    keys.every((k) => k.startsWith('$') && k !== '$and' && k !== '$or' && k !== '$nor')
  const query = new Query(onElement ? { v: spec } : spec, options)
  return (obj: AnyObject): boolean =>
    valuesAt(obj, selector.split('.')).some(
      (arr: unknown) =>
        Array.isArray(arr) &&
        arr.some((e) => (onElement ? query.test({ v: e }) : isPlainObject(e) && query.test(e))),
    )
}

const args = (obj: AnyObject, expr: unknown, options: Options): unknown[] => {
  const v = evalExpr(obj, expr, options)
  return Array.isArray(v) ? v : [v]
}

/**
 * $week (https://www.mongodb.com/docs/manual/reference/operator/aggregation/week/): weeks begin on
 * Sunday, week 1 begins with the year's first Sunday, days before it are week 0 (strftime %U).
 */
const $week = (obj: AnyObject, expr: unknown, options: Options): number => {
  const yday = $dayOfYear(obj, expr, options) as number
  const wday = $dayOfWeek(obj, expr, options) as number
  return Math.floor((yday - wday + 7) / 7)
}

/**
 * $indexOfCP (https://www.mongodb.com/docs/manual/reference/operator/aggregation/indexOfCP/): the
 * code point index of the first occurrence, -1 if none, null for a null or missing string.
 */
const $indexOfCP = (obj: AnyObject, expr: unknown, options: Options): number | null => {
  const [str, sub, start, end] = args(obj, expr, options)
  if (str === null || str === undefined) return null
  if (typeof str !== 'string' || typeof sub !== 'string') {
    throw new Error('$indexOfCP requires a string as the first and second argument')
  }
  const cps = Array.from(str)
  const needle = Array.from(sub)
  const from = typeof start === 'number' ? start : 0
  const to = Math.min(typeof end === 'number' ? end : cps.length, cps.length)
  for (let i = from; i + needle.length <= to; i += 1) {
    if (needle.every((c, j) => cps[i + j] === c)) return i
  }
  return -1
}

/**
 * $substrBytes (https://www.mongodb.com/docs/manual/reference/operator/aggregation/substrBytes/)
 * and its alias $substr: byte offsets in UTF-8; a negative length means "to the end".
 */
const $substrBytes = (obj: AnyObject, expr: unknown, options: Options): string => {
  const [str, index, length] = args(obj, expr, options)
  if (str === null || str === undefined) return ''
  const bytes = Buffer.from(String(str), 'utf8')
  const from = Number(index)
  if (!Number.isInteger(from) || from < 0) {
    throw new Error('$substrBytes: starting index must be a non-negative integer')
  }
  const n = Number(length)
  const to = n < 0 ? bytes.length : Math.min(bytes.length, from + n)
  return from >= bytes.length ? '' : bytes.subarray(from, to).toString('utf8')
}

// ---- $jsonSchema ---------------------------------------------------------------------------
// https://www.mongodb.com/docs/manual/reference/operator/query/jsonSchema/ : the keywords MongoDB
// supports (draft 4 plus bsonType), without $ref/definitions, which MongoDB does not support either.

const BSON_TYPES: Record<string, (v: unknown) => boolean> = {
  double: (v) => typeof v === 'number',
  int: (v) => typeof v === 'number' && Number.isInteger(v),
  long: (v) => typeof v === 'number' && Number.isInteger(v),
  decimal: (v) => typeof v === 'number',
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  bool: (v) => typeof v === 'boolean',
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  date: (v) => v instanceof Date,
  regex: (v) => v instanceof RegExp,
  objectId: (v) => (v as { _bsontype?: string } | null)?._bsontype === 'ObjectId',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
}

const typeMatches = (types: unknown, v: unknown): boolean =>
  (Array.isArray(types) ? types : [types]).some((t) => BSON_TYPES[String(t)]?.(v) ?? false)

const valid = (schema: AnyObject, v: unknown): boolean => {
  if (schema.bsonType !== undefined && !typeMatches(schema.bsonType, v)) return false
  if (schema.type !== undefined && !typeMatches(schema.type, v)) return false
  if (
    Array.isArray(schema.enum) &&
    !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))
  )
    return false
  if (Array.isArray(schema.allOf) && !schema.allOf.every((s) => valid(s as AnyObject, v)))
    return false
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => valid(s as AnyObject, v)))
    return false
  if (
    Array.isArray(schema.oneOf) &&
    schema.oneOf.filter((s) => valid(s as AnyObject, v)).length !== 1
  )
    return false
  if (isPlainObject(schema.not) && valid(schema.not, v)) return false
  if (typeof v === 'number') {
    if (typeof schema.minimum === 'number') {
      if (schema.exclusiveMinimum === true ? v <= schema.minimum : v < schema.minimum) return false
    }
    if (typeof schema.maximum === 'number') {
      if (schema.exclusiveMaximum === true ? v >= schema.maximum : v > schema.maximum) return false
    }
    if (typeof schema.multipleOf === 'number' && v % schema.multipleOf !== 0) return false
  }
  if (typeof v === 'string') {
    const len = Array.from(v).length
    if (typeof schema.minLength === 'number' && len < schema.minLength) return false
    if (typeof schema.maxLength === 'number' && len > schema.maxLength) return false
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) return false
  }
  if (Array.isArray(v)) {
    if (typeof schema.minItems === 'number' && v.length < schema.minItems) return false
    if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) return false
    if (isPlainObject(schema.items) && !v.every((e) => valid(schema.items as AnyObject, e)))
      return false
    if (schema.uniqueItems === true && new Set(v.map((e) => JSON.stringify(e))).size !== v.length)
      return false
  }
  if (isPlainObject(v)) {
    const keys = Object.keys(v)
    if (Array.isArray(schema.required) && !schema.required.every((k) => keys.includes(String(k))))
      return false
    if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) return false
    if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) return false
    const props = isPlainObject(schema.properties) ? schema.properties : {}
    for (const [k, s] of Object.entries(props)) {
      if (k in v && isPlainObject(s) && !valid(s, v[k])) return false
    }
    if (schema.additionalProperties === false && keys.some((k) => !(k in props))) return false
    if (isPlainObject(schema.additionalProperties)) {
      const extra = schema.additionalProperties
      if (keys.some((k) => !(k in props) && !valid(extra, v[k]))) return false
    }
  }
  return true
}

const jsonSchemaValidator = (schema: AnyObject) => (obj: unknown) => valid(schema, obj)

// mingo's own operators with ours in their place (mingo's `context` option only adds operators
// it does not have, so the whole context is built here and the base classes are used directly).
const context = Context.init({
  accumulator: ops('accumulator'),
  expression: {
    ...ops('expression'),
    ...({ $week, $indexOfCP, $substrBytes, $substr: $substrBytes } as unknown as Ops),
  },
  pipeline: ops('pipeline'),
  projection: ops('projection'),
  query: { ...ops('query'), ...({ $elemMatch, ...GEO_QUERY_OPERATORS } as unknown as Ops) },
  window: ops('window'),
})

/** Options for every mingo call of the emulator. */
export const MINGO_OPTIONS = { idKey: '_id', context, jsonSchemaValidator } as const
// The same, prepared once: mingo copies a plain options object's whole operator context for every
// Query it builds (~0.2 ms, on every request), but reuses a prepared one as it is.
const PREPARED = ComputeOptions.init(MINGO_OPTIONS) as unknown as Options

type Docs = AnyObject[]

/** A compiled query condition. */
export const compileQuery = (condition: AnyObject): { test: (doc: AnyObject) => boolean } =>
  new Query(condition, PREPARED)

/** Documents projected as a find's projection does. */
export const projectDocs = (docs: Docs, projection: AnyObject): Docs =>
  new Query({}, PREPARED).find<AnyObject>(docs, projection).all()

/** Run an aggregation pipeline. */
export const aggregateDocs = (
  docs: Docs,
  pipeline: AnyObject[],
  collectionResolver: (name: string) => Docs,
): Docs => new Aggregator(pipeline, { ...MINGO_OPTIONS, collectionResolver }).run(docs) as Docs

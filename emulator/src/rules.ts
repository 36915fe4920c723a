// MongoDB's rules for writes where mingo is lenient (CloudBase's database is MongoDB 4.x), and
// BSON's order across types for sorting. Every refusal is DATABASE_REQUEST_FAILED with MongoDB's
// own message; the emulator checks before it writes, so a refused write changes nothing.
import { ObjectId } from 'bson'
import { isPlainObject, stringifyDoc } from './ejson'
import { EmulatorError } from './errors'
import type { Doc } from './types'

const refuse = (message: string): EmulatorError =>
  new EmulatorError('DATABASE_REQUEST_FAILED', message)

/** MongoDB's type name of a value, as its messages spell it. */
const bsonTypeName = (v: unknown): string => {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double'
  if (v instanceof Date) return 'date'
  if (v instanceof RegExp) return 'regex'
  if (v instanceof ObjectId) return 'objectId'
  if (isPlainObject(v)) return 'object'
  const bsontype = (v as { _bsontype?: string })._bsontype
  return bsontype ? bsontype.toLowerCase() : typeof v
}

const isNumeric = (v: unknown): boolean =>
  typeof v === 'number' ||
  ['Long', 'Double', 'Int32', 'Decimal128'].includes(
    String((v as { _bsontype?: string })?._bsontype),
  )

const shortDoc = (v: unknown): string => stringifyDoc(v).replace(/"([A-Za-z_$][\w$]*)":/g, '$1: ')

/**
 * Field names MongoDB will not store: a `$` prefix (top-level and nested: "is not valid for
 * storage"), at any depth of a document or of a value written by an update.
 */
export const assertStorable = (value: unknown, path = ''): void => {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertStorable(v, path ? `${path}.${i}` : String(i)))
    return
  }
  if (!isPlainObject(value)) return
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}.${k}` : k
    if (k.startsWith('$')) {
      throw refuse(`The dollar ($) prefixed field '${k}' in '${here}' is not valid for storage.`)
    }
    assertStorable(v, here)
  }
}

const UPDATE_OPERATORS = new Set([
  '$set',
  '$setOnInsert',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$currentDate',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$bit',
])

const isPositional = (part: string): boolean => part === '$' || part.startsWith('$[')

type Walk =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'missing' }
  | { readonly kind: 'positional' }
  | {
      readonly kind: 'blocked'
      readonly field: string
      readonly parent: string
      readonly at: unknown
    }

/** Follow `path` through `doc` the way an update does. */
const walk = (doc: Doc, path: string): Walk => {
  const parts = path.split('.')
  let cur: unknown = doc
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]
    if (isPositional(part)) return { kind: 'positional' }
    const parent = parts.slice(0, i).join('.')
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(part)) return { kind: 'blocked', field: part, parent, at: cur }
      cur = cur[Number(part)]
    } else if (isPlainObject(cur)) {
      cur = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined
    } else {
      return { kind: 'blocked', field: part, parent, at: cur }
    }
    if (cur === undefined) return { kind: 'missing' }
  }
  return { kind: 'value', value: cur }
}

/**
 * Refuse an update MongoDB refuses, before it is applied to `doc` (the stored document, or the
 * seed of an upsert). `modifier` holds update operators only.
 */
export const assertUpdateAllowed = (doc: Doc, modifier: Doc): void => {
  const paths: string[] = []
  const id = doc._id
  for (const [op, spec] of Object.entries(modifier)) {
    if (!UPDATE_OPERATORS.has(op))
      throw refuse(`Unknown modifier: ${op}. Expected a valid update modifier`)
    if (!isPlainObject(spec))
      throw refuse(`Modifiers operate on fields but we found type ${bsonTypeName(spec)} instead.`)
    for (const [path, arg] of Object.entries(spec)) {
      const targets = op === '$rename' && typeof arg === 'string' ? [path, arg] : [path]
      for (const p of targets) {
        if (p === '' || p.split('.').some((part) => part === '')) {
          throw refuse(`The update path '${p}' contains an empty field name, which is not allowed.`)
        }
        const parts = p.split('.')
        if (parts.some((part, i) => part.startsWith('$') && !(i > 0 && isPositional(part)))) {
          throw refuse(
            `The dollar ($) prefixed field '${parts.find((x) => x.startsWith('$'))}' in '${p}' is not valid for storage.`,
          )
        }
        if (parts[0] === '_id') {
          const same =
            op === '$set' &&
            parts.length === 1 &&
            stringifyDoc({ v: arg }) === stringifyDoc({ v: id })
          if (!same) {
            throw refuse(
              "Performing an update on the path '_id' would modify the immutable field '_id'",
            )
          }
        }
        for (const other of paths) {
          if (other === p || other.startsWith(`${p}.`) || p.startsWith(`${other}.`)) {
            const at = other.length < p.length ? other : p
            throw refuse(`Updating the path '${p}' would create a conflict at '${at}'`)
          }
        }
        paths.push(p)
      }
      if (op === '$set' || op === '$setOnInsert') assertStorable(arg, path)
      if (op === '$push' || op === '$addToSet') {
        const each = isPlainObject(arg) && Array.isArray(arg.$each) ? arg.$each : [arg]
        assertStorable(each, path)
      }
      checkTarget(doc, op, path, arg)
    }
  }
}

const checkTarget = (doc: Doc, op: string, path: string, arg: unknown): void => {
  if (op === '$inc' || op === '$mul') {
    if (!isNumeric(arg)) {
      const verb = op === '$inc' ? 'increment' : 'multiply'
      throw refuse(`Cannot ${verb} with non-numeric argument: {${path}: ${shortDoc(arg)}}`)
    }
  }
  const w = walk(doc, path)
  if (w.kind === 'positional') return
  if (w.kind === 'blocked') {
    // $unset and $pull/$pop on a path that cannot exist change nothing in MongoDB.
    if (op === '$unset') return
    const element = w.parent ? `{${w.parent}: ${shortDoc(w.at)}}` : shortDoc(w.at)
    throw refuse(`Cannot create field '${w.field}' in element ${element}`)
  }
  if (w.kind === 'missing') return
  const v = w.value
  const idText = `{_id: ${shortDoc(doc._id)}}`
  switch (op) {
    case '$inc':
    case '$mul':
      if (!isNumeric(v)) {
        throw refuse(
          `Cannot apply ${op} to a value of non-numeric type. ${idText} has the field '${path.split('.').pop()}' of non-numeric type ${bsonTypeName(v)}`,
        )
      }
      return
    case '$push':
      if (!Array.isArray(v)) {
        throw refuse(
          `The field '${path}' must be an array but is of type ${bsonTypeName(v)} in document ${idText}`,
        )
      }
      return
    case '$addToSet':
      if (!Array.isArray(v)) {
        throw refuse(
          `Cannot apply $addToSet to non-array field. Field named '${path.split('.').pop()}' has non-array type ${bsonTypeName(v)}`,
        )
      }
      return
    case '$pull':
    case '$pullAll':
      if (!Array.isArray(v)) throw refuse(`Cannot apply ${op} to a non-array value`)
      return
    case '$pop':
      if (!Array.isArray(v)) {
        throw refuse(`Path '${path}' contains an element of non-array type '${bsonTypeName(v)}'`)
      }
      return
    default:
      return
  }
}

// ---- BSON order ------------------------------------------------------------------------------
// https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/

const typeRank = (v: unknown): number => {
  if (v === undefined || v === null) return 2
  if (isNumeric(v)) return 3
  if (typeof v === 'string') return 4
  if (Array.isArray(v)) return 6
  if (v instanceof ObjectId) return 8
  if (typeof v === 'boolean') return 9
  if (v instanceof Date) return 10
  if (v instanceof RegExp) return 12
  if (isPlainObject(v)) return 5
  const t = (v as { _bsontype?: string })._bsontype
  if (t === 'MinKey') return 1
  if (t === 'MaxKey') return 13
  if (t === 'Binary') return 7
  if (t === 'Timestamp') return 11
  return 5
}

/**
 * Strings in code point order, which is MongoDB's (it compares UTF-8 bytes) and SQLite's: JavaScript's
 * `<` compares UTF-16 code units, which puts a character beyond U+FFFF (an emoji) before U+E000–U+FFFF
 * (full-width forms such as `（`).
 */
export const compareCodePoints = (a: string, b: string): number => {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  let i = 0
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i += 1
  if (i === n) return a.length < b.length ? -1 : 1
  const x = a.charCodeAt(i)
  const y = b.charCodeAt(i)
  // A surrogate (U+D800–U+DFFF) stands for a code point above U+FFFF: move it past U+E000–U+FFFF.
  const rank = (c: number): number => (c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c)
  return rank(x) < rank(y) ? -1 : 1
}

const toNumber = (v: unknown): number => (typeof v === 'number' ? v : Number(String(v)))

/** Compare two BSON values in MongoDB's order (arrays compared element-wise, as values). */
export const compareBson = (a: unknown, b: unknown): number => {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra < rb ? -1 : 1
  switch (ra) {
    case 2:
      return 0
    case 3: {
      const x = toNumber(a)
      const y = toNumber(b)
      return x < y ? -1 : x > y ? 1 : 0
    }
    case 4:
      return compareCodePoints(a as string, b as string)
    case 8:
      return (a as ObjectId).toHexString().localeCompare((b as ObjectId).toHexString())
    case 9:
      return a === b ? 0 : a ? 1 : -1
    case 10:
      return Math.sign((a as Date).getTime() - (b as Date).getTime())
    case 6: {
      const x = a as unknown[]
      const y = b as unknown[]
      for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
        const c = compareBson(x[i], y[i])
        if (c !== 0) return c
      }
      return Math.sign(x.length - y.length)
    }
    case 5: {
      const x = Object.entries(a as Doc)
      const y = Object.entries(b as Doc)
      for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
        const c =
          compareBson(x[i][1], y[i][1]) || (x[i][0] < y[i][0] ? -1 : x[i][0] > y[i][0] ? 1 : 0)
        if (c !== 0) return c
      }
      return Math.sign(x.length - y.length)
    }
    default: {
      const x = stringifyDoc({ v: a })
      const y = stringifyDoc({ v: b })
      return x < y ? -1 : x > y ? 1 : 0
    }
  }
}

/** The values a path reaches, through arrays (what a sort key sees). */
export const valuesAt = (v: unknown, parts: string[]): unknown[] => {
  if (parts.length === 0) return [v]
  if (Array.isArray(v)) {
    if (/^\d+$/.test(parts[0])) return valuesAt(v[Number(parts[0])], parts.slice(1))
    return v.flatMap((e) => (isPlainObject(e) ? valuesAt(e, parts) : []))
  }
  if (!isPlainObject(v)) return [undefined]
  return valuesAt(v[parts[0]], parts.slice(1))
}

/**
 * The sort key of a document for one field: an array sorts by its smallest element ascending and
 * by its largest descending; an empty array sorts before null.
 */
const sortKey = (doc: Doc, field: string, direction: 1 | -1): { empty: boolean; v: unknown } => {
  const found = valuesAt(doc, field.split('.')).flatMap((v) =>
    Array.isArray(v) ? (v.length === 0 ? [] : v) : [v],
  )
  const arrays = valuesAt(doc, field.split('.')).filter(Array.isArray)
  if (found.length === 0) return { empty: arrays.length > 0, v: undefined }
  let best = found[0]
  for (const v of found.slice(1)) {
    const c = compareBson(v, best)
    if ((direction === 1 && c < 0) || (direction === -1 && c > 0)) best = v
  }
  return { empty: false, v: best }
}

/** One key of a sort: `{field: 1 | -1 | 'asc' | 'desc'}` read as MongoDB reads it. */
export interface SortKey {
  readonly field: string
  readonly dir: 1 | -1
}

/** The keys of an order object, in its order. */
export const sortKeysOf = (order: Record<string, unknown>): SortKey[] =>
  Object.entries(order).map(([field, dir]) => ({
    field,
    dir: Number(dir) === -1 || dir === 'desc' ? -1 : 1,
  }))

/** Sort documents as MongoDB does for `{field: 1 | -1, …}`; stable, so ties keep natural order. */
export const sortDocs = (docs: Doc[], order: Record<string, unknown>): Doc[] => {
  const keys = sortKeysOf(order)
  const withKeys = docs.map((doc, i) => ({
    doc,
    i,
    k: keys.map((key) => sortKey(doc, key.field, key.dir)),
  }))
  withKeys.sort((a, b) => {
    for (let j = 0; j < keys.length; j += 1) {
      const x = a.k[j]
      const y = b.k[j]
      let c: number
      if (x.empty || y.empty) c = x.empty === y.empty ? 0 : x.empty ? -1 : 1
      else c = compareBson(x.v, y.v)
      if (c !== 0) return c * keys[j].dir
    }
    return a.i - b.i
  })
  return withKeys.map((w) => w.doc)
}

/**
 * One payload fuzz for every function, through the emulator: fast-check sends random payloads to
 * random actions and checks that the answer is always an envelope, that a refusal names a known
 * code (never INTERNAL, i.e. never a crash) in plain Chinese, and that a refused call wrote nothing.
 *
 * "Wrote nothing" is checked on the whole database (every collection) around every call. The
 * payloads name stored documents too (`wellFormed` may draw ids from the fixtures), so accepted
 * calls reach real transitions; an accepted call of an action in `mayWrite` may write, but only
 * in the caller's village (`village`): every document it adds or changes that has a `villageId`
 * must have that one. Besides random values, the dictionaries send hostile keys and values:
 * `$`-operators where a value belongs, `__proto__`, `constructor` and `prototype` as keys and as
 * ids, and dotted or `$`-prefixed keys (which MongoDB would read as paths or operators).
 */
import * as fc from 'fast-check'
import type { ActionName, ErrorCode, FunctionName } from '../../../types/api'
import type { Backend } from './backend'
import { CHINESE, snapshot, type Snapshot } from './snapshot'

/** The codes a refusal may carry: each a situation the person can understand, none a crash. */
export const REFUSAL_CODES: readonly ErrorCode[] = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
]

export interface FuzzOptions<F extends FunctionName> {
  fn: F
  /** The actions to fuzz; each is also tried once with `{}` (so none is left out by chance). */
  actions: ReadonlyArray<ActionName<F>>
  /** The caller's OPENID, for every action or chosen per action. */
  caller: string | ((action: ActionName<F>) => string)
  /** The payload keys the dictionaries draw from: the actions' own fields, plus `openid`. */
  fields: readonly string[]
  /**
   * Values of the right shape for some fields (e.g. `fuzzId` for an id): a third kind of payload,
   * so that more of them pass the schema and reach the handler's lookups.
   */
  wellFormed?: Record<string, fc.Arbitrary<unknown>>
  /** Actions whose ACCEPTED call may write (see the header). A refused call never writes. */
  mayWrite?: ReadonlyArray<ActionName<F>>
  /** The caller's village: accepted writes may add or change documents of this village only. */
  village?: string
  numRuns?: number
  /** Fixed for a reproducible run; without it fast-check picks one and prints it on failure. */
  seed?: number
}

/** How each action answered during the fuzz: `ok` or the refusal code, with counts. */
export type FuzzTally = Record<string, Record<string, number>>

/**
 * Every field any action's schema names (the object inside each `payload({...})` pipe), plus
 * `openid`, which a handler must ignore: the dictionaries then reach every action's fields.
 */
export function fieldsOf(schemas: Record<string, unknown>): string[] {
  const fields = new Set<string>(['openid'])
  for (const schema of Object.values(schemas)) {
    type Piece = { pipe?: readonly Piece[]; entries?: object }
    const piece = schema as Piece
    for (const item of piece.pipe ?? [piece]) {
      for (const key of Object.keys(item.entries ?? {})) fields.add(key)
    }
  }
  return [...fields].sort()
}

/** An id of the right shape that names no stored document (fixtures never start with `fuzz-`). */
export const fuzzId: fc.Arbitrary<string> = fc.stringMatching(/^fuzz-[A-Za-z0-9_-]{1,20}$/)

/** An id that is sometimes one of `stored` (so calls reach real documents), sometimes none. */
export function someId(stored: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...stored), weight: 3 },
    { arbitrary: fuzzId, weight: 1 },
    { arbitrary: fc.constantFrom(...PROTOTYPE_NAMES), weight: 1 },
  )
}

/** Names every JavaScript object answers to. */
export const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
]

/** Keys a MongoDB-minded attacker adds: operators, paths, prototype names. */
export const HOSTILE_KEYS = [
  ...PROTOTYPE_NAMES,
  '$set',
  '$where',
  '$inc',
  'a.b',
  'status.closed',
  'settings.agendaSize',
  '$',
]

/** Values where text or an id belongs: query operators, an object with a prototype key, paths. */
export const HOSTILE_VALUES: readonly unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $regex: '.*' },
  { $in: ['x'] },
  { $where: 'sleep(1000)' },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  { 'a.b': 1 },
  'a.b',
  '$where',
  '$set',
  ...PROTOTYPE_NAMES,
]

/**
 * An object with the given own keys (JSON.parse makes `__proto__` an own key, as it is in a
 * request that arrives as JSON; assigning it would set the prototype instead).
 */
export function withOwnKeys(entries: ReadonlyArray<[string, unknown]>): Record<string, unknown> {
  const text = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v ?? null)}`).join(',')}}`
  return JSON.parse(text) as Record<string, unknown>
}

/**
 * A random payload: anything at all, or a dictionary of the given fields with odd values, or (with
 * `wellFormed`) some of those fields, each with a value of the right shape.
 */
export function payloadArbitrary(
  fields: readonly string[],
  wellFormed: Record<string, fc.Arbitrary<unknown>> = {},
): fc.Arbitrary<unknown> {
  const odd = fc.dictionary(
    fc.constantFrom(...fields),
    fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()), fc.object(), fc.anything()),
  )
  // The action's own fields and hostile keys, with hostile values or values of the right shape.
  const good = Object.entries(wellFormed)
  const hostile = fc
    .array(
      fc.tuple(
        fc.constantFrom(...fields, ...HOSTILE_KEYS),
        fc.oneof(fc.constantFrom(...HOSTILE_VALUES), ...good.map(([, a]) => a)),
      ),
      { maxLength: 6 },
    )
    .map(withOwnKeys)
  if (good.length === 0) return fc.oneof(fc.anything(), odd, hostile)
  // Well-formed fields with hostile keys beside them: past the schema, to the handler.
  const beside = fc
    .tuple(
      fc.record(wellFormed, { requiredKeys: [] }),
      fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), fc.constantFrom(...HOSTILE_VALUES)), {
        maxLength: 3,
      }),
    )
    .map(([record, extra]) => withOwnKeys([...Object.entries(record), ...extra]))
  // Weighted towards payloads that get past the schema, so calls reach the handlers' rules.
  return fc.oneof(
    { arbitrary: fc.anything(), weight: 1 },
    { arbitrary: odd, weight: 1 },
    { arbitrary: hostile, weight: 1 },
    { arbitrary: fc.record(wellFormed, { requiredKeys: [] }), weight: 2 },
    // Every field at once: unknown keys are dropped, so this is a whole payload for most actions.
    { arbitrary: fc.record(wellFormed), weight: 4 },
    { arbitrary: beside, weight: 2 },
  )
}

export async function fuzzPayloads<F extends FunctionName>(
  backend: Backend,
  options: FuzzOptions<F>,
): Promise<FuzzTally> {
  const {
    fn,
    actions,
    caller,
    fields,
    wellFormed,
    mayWrite = [],
    village,
    numRuns = 40,
    seed,
  } = options
  const openidFor = typeof caller === 'string' ? () => caller : caller
  const tally: FuzzTally = {}
  // What the database held after the last call that completed: the "before" of the next call.
  // Cleared while a call runs, so a failed run (and fast-check's shrinking) reads afresh.
  let last: Snapshot | undefined

  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...actions),
      payloadArbitrary(fields, wellFormed),
      async (action, payload) => {
        const before = last ?? (await snapshot(backend))
        last = undefined
        const res: unknown = await backend.call(
          openidFor(action),
          fn,
          action,
          payload as Record<string, unknown>,
        )

        // An envelope every time: { ok: true, data } or { ok: false, error: { code, message } }.
        expect(res).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }))
        const envelope = res as
          { ok: true; data: unknown } | { ok: false; error: { code: string; message: unknown } }
        if (envelope.ok) {
          expect(Object.keys(envelope).sort()).toEqual(['data', 'ok'])
        } else {
          expect(Object.keys(envelope).sort()).toEqual(['error', 'ok'])
          expect(REFUSAL_CODES).toContain(envelope.error.code)
          expect(envelope.error.message).toEqual(expect.stringMatching(CHINESE))
        }
        const outcome = envelope.ok ? 'ok' : envelope.error.code
        const counts = (tally[action] ??= {})
        counts[outcome] = (counts[outcome] ?? 0) + 1

        const after = await snapshot(backend)
        if (!envelope.ok || !mayWrite.includes(action)) expect(after).toEqual(before)
        else if (village !== undefined) {
          expect({ action, elsewhere: writtenOutside(before, after, village) }).toEqual({
            action,
            elsewhere: [],
          })
        }
        last = after
      },
    ),
    {
      numRuns,
      ...(seed === undefined ? {} : { seed }),
      examples: actions.map((action) => [action, {}] as [ActionName<F>, unknown]),
    },
  )
  return tally
}

/** Documents added or changed between two snapshots whose `villageId` is not `village`. */
export function writtenOutside(before: Snapshot, after: Snapshot, village: string): string[] {
  const out: string[] = []
  for (const [collection, docs] of Object.entries(after)) {
    const was = new Map((before[collection] ?? []).map((d) => [d._id, JSON.stringify(d)]))
    for (const doc of docs) {
      if (was.get(doc._id) === JSON.stringify(doc)) continue
      if ('villageId' in doc && doc.villageId !== village)
        out.push(`${collection}/${String(doc._id)}`)
    }
  }
  return out
}

/**
 * One payload fuzz for every function, through the emulator: fast-check sends random payloads to
 * random actions and checks that the answer is always an envelope, that a refusal names a known
 * code (never INTERNAL, i.e. never a crash) in plain Chinese, and that the call wrote nothing.
 *
 * "Wrote nothing" is checked on the whole database (every collection) around every call. That
 * holds because the payloads name no existing document: ids are random strings or `fuzz-…`, which
 * the fixtures' ids (`res`, `m-raised`, `st-wri-1`, …) are not in practice. The only writes
 * allowed are an accepted call of an action in `mayWrite`: one that creates a new document or
 * edits the caller's own village (its target comes from the caller, not from the payload).
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
  if (Object.keys(wellFormed).length === 0) return fc.oneof(fc.anything(), odd)
  return fc.oneof(fc.anything(), odd, fc.record(wellFormed, { requiredKeys: [] }))
}

export async function fuzzPayloads<F extends FunctionName>(
  backend: Backend,
  options: FuzzOptions<F>,
): Promise<FuzzTally> {
  const { fn, actions, caller, fields, wellFormed, mayWrite = [], numRuns = 40, seed } = options
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

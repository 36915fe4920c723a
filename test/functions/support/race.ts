/**
 * Race tests: many callers at the same moment, through the emulator's function runner (each call
 * its own worker, as each request is its own function instance in CloudBase).
 */
import type { Envelope } from '../../../types/api'

/** How the calls of one race answered: `ok` or the refusal code, with counts. */
export type Outcomes = Record<string, number>

export function outcomes(results: ReadonlyArray<Envelope<unknown>>): Outcomes {
  const out: Outcomes = {}
  for (const r of results) {
    const key = r.ok ? 'ok' : r.error.code
    out[key] = (out[key] ?? 0) + 1
  }
  return out
}

/** Runs every call at once and answers their results in order, with the tally logged. */
export async function race<T>(
  name: string,
  calls: ReadonlyArray<() => Promise<Envelope<T>>>,
): Promise<{ results: Array<Envelope<T>>; tally: Outcomes }> {
  const start = Date.now()
  const ms: number[] = []
  const results = await Promise.all(
    calls.map(async (call) => {
      const res = await call().catch((error: Error): Envelope<T> => ({
        ok: false,
        error: { code: 'FUNCTION_ERROR', message: error.message },
      }))
      ms.push(Date.now() - start)
      return res
    }),
  )
  const tally = outcomes(results)
  ms.sort((a, b) => a - b)
  console.log(
    `race ${name}: ${calls.length} callers → ${JSON.stringify(tally)}; answered after ` +
      `${ms[0]}–${ms[ms.length - 1]} ms (median ${ms[Math.floor(ms.length / 2)]})`,
  )
  return { results, tally }
}

/** The bar: no INTERNAL ever, and BUSY at most once in 50 calls. */
export function expectNoCrashAndLittleBusy(tally: Outcomes, callers: number): void {
  expect(tally.INTERNAL ?? 0).toBe(0)
  // A function that ran out of time (or crashed) answers no envelope at all.
  expect(tally.FUNCTION_ERROR ?? 0).toBe(0)
  expect(tally.BUSY ?? 0).toBeLessThanOrEqual(Math.max(1, Math.floor(callers / 50)))
}

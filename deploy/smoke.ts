/**
 * `npm run smoke` (#13, point 8): after a deploy, ask every declared function for its health
 * (cloudfunctions/_shared/health.ts) and fail unless each answers ok, with its own name, the
 * version being shipped and a database that answered. One call per function, one after the other
 * (a cold start each: a few seconds at most); nothing is written anywhere.
 */
import type { Envelope } from '../types/api'
import { HEALTH_ACTION, type HealthReport } from '../types/api/envelope'
import { FUNCTIONS } from './declaration'

/** Calls function `name` with `data` and hands back what it returned (callFunction's `result`). */
export type CallFunction = (name: string, data: { action: string }) => Promise<unknown>

export interface SmokeLine {
  readonly name: string
  readonly ok: boolean
  /** `version 0.2.0, database ok, 412 ms`, or what went wrong. */
  readonly detail: string
}

const isEnvelope = (x: unknown): x is Envelope<HealthReport> =>
  typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean'

/** What is wrong with `answer` as function `name`'s health at `version`, or undefined. */
export const healthProblem = (
  name: string,
  version: string,
  answer: unknown,
): string | undefined => {
  if (!isEnvelope(answer))
    return `answered something that is not an envelope: ${JSON.stringify(answer)}`
  if (!answer.ok) return `answered ${answer.error.code}: ${answer.error.message}`
  const report = answer.data
  if (report.function !== name) return `answered as ${JSON.stringify(report.function)}`
  if (report.version !== version)
    return `runs version ${report.version}, not ${version} (deploy again: an older bundle is live)`
  if (report.database !== 'ok') return `database ${String(report.database)}`
  return undefined
}

/** Asks each declared function (in declaration order) for its health. */
export const smoke = async (
  call: CallFunction,
  version: string,
  now: () => number = Date.now,
): Promise<SmokeLine[]> => {
  const lines: SmokeLine[] = []
  for (const { name } of FUNCTIONS) {
    const started = now()
    let problem: string | undefined
    try {
      problem = healthProblem(name, version, await call(name, { action: HEALTH_ACTION }))
    } catch (error) {
      problem = `could not be called: ${error instanceof Error ? error.message : String(error)}`
    }
    const ms = Math.round(now() - started)
    lines.push(
      problem
        ? { name, ok: false, detail: problem }
        : { name, ok: true, detail: `version ${version}, database ok, ${ms} ms` },
    )
  }
  return lines
}

/** One printed line per function: `ok      matters        version 0.2.0, database ok, 412 ms`. */
export const smokeLineText = (line: SmokeLine): string =>
  `${(line.ok ? 'ok' : 'FAILED').padEnd(7)} ${line.name.padEnd(14)} ${line.detail}`

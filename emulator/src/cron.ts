// CloudBase's timer-trigger cron: seven fields, `second minute hour day month weekday year`, each
// a list of `*`, `n`, `a-b` or `<*|n|a-b>/step`; months also JAN–DEC, weekdays 0–6 (0 = Sunday)
// or SUN–SAT; years 1970–2099. When both day and weekday are restricted they combine with "or".
// Evaluated in UTC+8 (China Standard Time, no daylight saving), as CloudBase evaluates them.

export const CRON_UTC_OFFSET_MS = 8 * 3600_000

interface FieldSpec {
  readonly name: string
  readonly min: number
  readonly max: number
  readonly names?: readonly string[]
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'weekday', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2099 },
]

export class CronError extends Error {
  constructor(expression: string, detail: string) {
    super(`bad cron expression "${expression}": ${detail}`)
    this.name = 'CronError'
  }
}

interface Field {
  readonly values: ReadonlySet<number>
  /** Written as `*` (matters for day/weekday: "or" only when both are restricted). */
  readonly any: boolean
}

const parseField = (expression: string, text: string, spec: FieldSpec): Field => {
  const bad = (why: string) => new CronError(expression, `${spec.name} field "${text}": ${why}`)
  const value = (token: string): number => {
    const named = spec.names ? spec.names.indexOf(token.toUpperCase()) : -1
    if (named >= 0) return named + spec.min
    if (!/^\d+$/.test(token)) throw bad(`"${token}" is not a number`)
    const n = Number(token)
    if (n < spec.min || n > spec.max) throw bad(`${token} is outside ${spec.min}–${spec.max}`)
    return n
  }
  const values = new Set<number>()
  for (const item of text.split(',')) {
    if (item === '') throw bad('empty list item')
    const [range, stepText, extra] = item.split('/')
    if (extra !== undefined) throw bad(`"${item}" has two slashes`)
    let from: number
    let to: number
    if (range === '*') {
      from = spec.min
      to = spec.max
    } else if (range.includes('-')) {
      const [a, b, more] = range.split('-')
      if (more !== undefined || a === '' || b === '') throw bad(`"${range}" is not a range`)
      from = value(a)
      to = value(b)
      if (from > to) throw bad(`range ${range} runs backwards`)
    } else {
      from = value(range)
      to = stepText === undefined ? from : spec.max
    }
    let step = 1
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) throw bad(`step "${stepText}"`)
      step = Number(stepText)
    }
    for (let v = from; v <= to; v += step) values.add(v)
  }
  return { values, any: text === '*' }
}

export interface Cron {
  readonly expression: string
  /** The first due time strictly after `after` (epoch ms), or undefined when there is none. */
  next(after: number): number | undefined
}

/** Parse a 7-field CloudBase cron expression; throws CronError with what is wrong. */
export const parseCron = (expression: string): Cron => {
  if (typeof expression !== 'string') throw new CronError(String(expression), 'not a string')
  const parts = expression.trim().split(/\s+/)
  if (parts.length !== 7) {
    throw new CronError(
      expression,
      `${parts.length} fields; CloudBase needs 7 (second minute hour day month weekday year)`,
    )
  }
  const [sec, min, hour, day, month, weekday, year] = parts.map((p, i) =>
    parseField(expression, p, FIELDS[i]),
  )
  const dayMatches = (d: Date): boolean => {
    const byDay = day.values.has(d.getUTCDate())
    const byWeekday = weekday.values.has(d.getUTCDay())
    if (!day.any && !weekday.any) return byDay || byWeekday
    return byDay && byWeekday
  }
  const next = (after: number): number | undefined => {
    // Walk wall-clock time in UTC+8 as if it were UTC, skipping whole units that cannot match.
    const t = new Date(Math.floor((after + CRON_UTC_OFFSET_MS) / 1000) * 1000 + 1000)
    for (let steps = 0; steps < 200_000; steps++) {
      const y = t.getUTCFullYear()
      if (y > 2099) return undefined
      if (!year.values.has(y)) {
        t.setTime(Date.UTC(y + 1, 0, 1))
        continue
      }
      if (!month.values.has(t.getUTCMonth() + 1)) {
        t.setTime(Date.UTC(y, t.getUTCMonth() + 1, 1))
        continue
      }
      if (!dayMatches(t)) {
        t.setTime(Date.UTC(y, t.getUTCMonth(), t.getUTCDate() + 1))
        continue
      }
      if (!hour.values.has(t.getUTCHours())) {
        t.setTime(Date.UTC(y, t.getUTCMonth(), t.getUTCDate(), t.getUTCHours() + 1))
        continue
      }
      if (!min.values.has(t.getUTCMinutes())) {
        t.setTime(
          Date.UTC(y, t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes() + 1),
        )
        continue
      }
      if (!sec.values.has(t.getUTCSeconds())) {
        t.setTime(t.getTime() + 1000)
        continue
      }
      return t.getTime() - CRON_UTC_OFFSET_MS
    }
    return undefined
  }
  // A valid expression that can never match (e.g. 31 February) is refused too.
  if (next(Date.UTC(1970, 0, 1)) === undefined) {
    throw new CronError(expression, 'it never falls due between 1970 and 2099')
  }
  return { expression, next }
}

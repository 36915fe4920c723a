/**
 * Offline check: every declared timer trigger is one CloudBase accepts — `type: "timer"`, a name
 * CloudBase allows, unique within its function, and a 7-field cron (second minute hour day month
 * weekday year) that the emulator's parser (the same rules the emulator refuses bad triggers by)
 * accepts and that falls due at some time. Weekdays are written as names (MON–SUN): CloudBase's
 * numbering of weekdays is not the one cron users expect, so digits are refused there.
 */
import { parseCron } from '../../emulator/src/cron'
import { FUNCTIONS, type FunctionDeclaration } from '../declaration'

/** CloudBase's trigger names: a letter, then letters, digits, `-` or `_`, 60 characters at most. */
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/** The weekday field's position among the seven (0-based). */
const WEEKDAY_FIELD = 5

/** What is wrong with the timer triggers of `functions`, one line each (none: all good). */
export const checkCron = (functions: readonly FunctionDeclaration[] = FUNCTIONS): string[] => {
  const problems: string[] = []
  for (const f of functions) {
    const seen = new Set<string>()
    for (const t of f.triggers) {
      const where = `${f.name}: trigger ${JSON.stringify(t.name)}`
      if (t.type !== 'timer') problems.push(`${where}: type ${JSON.stringify(t.type)}, not "timer"`)
      if (!TRIGGER_NAME.test(t.name)) {
        problems.push(`${where}: a name is a letter then letters, digits, - or _ (60 at most)`)
      }
      if (seen.has(t.name)) problems.push(`${where}: declared twice`)
      seen.add(t.name)
      try {
        parseCron(t.config)
      } catch (e) {
        problems.push(`${where}: ${e instanceof Error ? e.message : String(e)}`)
        continue
      }
      const weekday = t.config.trim().split(/\s+/)[WEEKDAY_FIELD]
      if (/\d/.test(weekday)) {
        problems.push(
          `${where}: weekday field "${weekday}" uses digits; write MON–SUN (cron "${t.config}")`,
        )
      }
    }
  }
  return problems
}

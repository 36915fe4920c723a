// Timer triggers from each function's config.json (`triggers: [{name, type: 'timer', config}]`,
// CloudBase's format), on the emulator's clock. In real time they fire on schedule; when a test
// moves the clock, `clock.advance` fires each due time it passes, once. A bad trigger is refused
// when the emulator starts.
import fs from 'node:fs'
import path from 'node:path'
import type { Clock, Schedule } from './clock'
import { parseCron, type Cron } from './cron'

export interface TimerTrigger {
  readonly functionName: string
  readonly name: string
  readonly cron: Cron
}

const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/
/** setTimeout's largest delay; longer waits re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1

/** Every timer trigger under `functionsDir`; throws with a clear message on a bad one. */
export const readTriggers = (functionsDir: string): TimerTrigger[] => {
  const out: TimerTrigger[] = []
  const names = fs.existsSync(functionsDir) ? fs.readdirSync(functionsDir).sort() : []
  for (const functionName of names) {
    if (functionName.startsWith('_') || functionName.startsWith('.')) continue
    const file = path.join(functionsDir, functionName, 'config.json')
    if (!fs.existsSync(file)) continue
    const where = `${path.relative(process.cwd(), file) || file}`
    let config: { triggers?: unknown }
    try {
      config = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: unknown }
    } catch (e) {
      throw new Error(`${where} is not JSON: ${(e as Error).message}`)
    }
    if (config.triggers === undefined) continue
    if (!Array.isArray(config.triggers)) throw new Error(`${where}: triggers must be an array`)
    const seen = new Set<string>()
    for (const t of config.triggers as unknown[]) {
      const { name, type, config: expression } = (t ?? {}) as Record<string, unknown>
      if (typeof name !== 'string' || !TRIGGER_NAME.test(name)) {
        throw new Error(
          `${where}: trigger name ${JSON.stringify(name)} must start with a letter and hold at most 60 of a-z A-Z 0-9 - _`,
        )
      }
      if (seen.has(name)) throw new Error(`${where}: two triggers are named ${name}`)
      seen.add(name)
      if (type !== 'timer') {
        throw new Error(
          `${where}: trigger ${name} has type ${JSON.stringify(type)}; only "timer" is supported`,
        )
      }
      try {
        out.push({ functionName, name, cron: parseCron(expression as string) })
      } catch (e) {
        throw new Error(`${where}: trigger ${name}: ${(e as Error).message}`)
      }
    }
  }
  return out
}

/** The event a timer trigger passes to `main`, as SCF's timer trigger does. */
export const timerEvent = (trigger: TimerTrigger, at: number): Record<string, unknown> => ({
  Type: 'Timer',
  TriggerName: trigger.name,
  Time: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  Message: '',
})

/** Runs the triggers on the clock: in real time with timers, and through `clock.advance`. */
export class TriggerScheduler {
  private readonly timers = new Map<TimerTrigger, NodeJS.Timeout>()
  /** The last due time fired per trigger: never the same one twice. */
  private readonly lastFired = new Map<TimerTrigger, number>()
  private readonly schedules: Schedule[]
  private readonly unsubscribe: () => void
  private closed = false

  constructor(
    private readonly triggers: readonly TimerTrigger[],
    private readonly clock: Clock,
    private readonly fire: (trigger: TimerTrigger, at: number) => Promise<void>,
  ) {
    this.schedules = triggers.map((t) => ({
      nextDue: (after) => t.cron.next(Math.max(after, this.lastFired.get(t) ?? -Infinity)),
      fire: (at) => this.fireOnce(t, at),
    }))
    for (const s of this.schedules) clock.addSchedule(s)
    this.unsubscribe = clock.onChange(() => this.arm())
    this.arm()
  }

  private async fireOnce(trigger: TimerTrigger, at: number): Promise<void> {
    if ((this.lastFired.get(trigger) ?? -Infinity) >= at) return
    this.lastFired.set(trigger, at)
    await this.fire(trigger, at)
  }

  /** In real time, one timer per trigger for its next due time; none while the clock is frozen. */
  private arm(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    if (this.closed || this.clock.frozen()) return
    for (const t of this.triggers) this.armOne(t)
  }

  private armOne(trigger: TimerTrigger): void {
    const now = this.clock.now()
    const due = trigger.cron.next(Math.max(now - 1, this.lastFired.get(trigger) ?? -Infinity))
    if (due === undefined) return
    const timer = setTimeout(
      () => {
        this.timers.delete(trigger)
        if (this.closed || this.clock.frozen()) return
        if (this.clock.now() < due) {
          this.armOne(trigger) // a long wait, re-armed in steps
          return
        }
        void this.fireOnce(trigger, due)
        this.armOne(trigger)
      },
      Math.min(Math.max(due - now, 0), MAX_DELAY_MS),
    )
    timer.unref()
    this.timers.set(trigger, timer)
  }

  close(): void {
    this.closed = true
    this.unsubscribe()
    for (const s of this.schedules) this.clock.removeSchedule(s)
    this.arm()
  }
}

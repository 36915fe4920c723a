// One clock for the whole emulator. It runs in real time until a test sets it; from then on it is
// frozen at an instant and moves only when told to (`advance`). Everything that reads the time
// reads it: `db.serverDate()`, the functions' own `Date` inside their instances (the clock is
// shared with the worker threads through a SharedArrayBuffer, read with Atomics) and the timer
// triggers, which `advance` fires, in order, exactly once per due time it moves past.

/** Something that fires at times on the clock (the timer triggers). */
export interface Schedule {
  /** The first due time strictly after `after` (epoch ms), or undefined. */
  nextDue(after: number): number | undefined
  /** Fire what is due at `at`; resolves when it has run. */
  fire(at: number): Promise<void>
}

/** Most due times one `advance` fires before giving up (an every-second cron over a year…). */
export const MAX_FIRES_PER_ADVANCE = 10_000

const FROZEN = 0
const INSTANT = 1

export const toInstant = (instant: Date | number | string): number => {
  const ms =
    instant instanceof Date
      ? instant.getTime()
      : typeof instant === 'number'
        ? instant
        : Date.parse(instant)
  if (!Number.isFinite(ms)) throw new Error(`not an instant: ${String(instant)}`)
  return Math.trunc(ms)
}

export class Clock {
  /** [frozen (0/1), frozen instant in epoch ms], shared with the function instances. */
  readonly buffer = new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT)
  private readonly cells = new BigInt64Array(this.buffer)
  private readonly schedules = new Set<Schedule>()
  private readonly listeners = new Set<() => void>()
  /** Serialises advances, so two concurrent advances never fire one due time twice. */
  private advancing: Promise<void> = Promise.resolve()

  /** The emulator's time, epoch ms. */
  now(): number {
    return this.frozen() ? Number(Atomics.load(this.cells, INSTANT)) : Date.now()
  }

  /** Whether the clock is frozen (set by a test) rather than running in real time. */
  frozen(): boolean {
    return Atomics.load(this.cells, FROZEN) === BigInt(1)
  }

  /** Freeze the clock at an instant. Fires nothing: use `advance` to move past due times. */
  set(instant: Date | number | string): void {
    this.freezeAt(toInstant(instant))
    this.changed()
  }

  /**
   * Move the clock forward by `ms` (freezing it, from now, if it was running in real time);
   * resolves after every timer trigger due in between has fired, in order, once per due time.
   * While a trigger fires, the clock reads its due time.
   */
  advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) {
      return Promise.reject(new Error(`advance needs a non-negative number of ms, not ${ms}`))
    }
    const run = this.advancing.then(async () => {
      let at = this.now()
      const target = at + Math.trunc(ms)
      this.freezeAt(at)
      this.changed()
      for (let fires = 0; ; fires++) {
        let next: number | undefined
        for (const s of this.schedules) {
          const due = s.nextDue(at)
          if (due !== undefined && due <= target && (next === undefined || due < next)) next = due
        }
        if (next === undefined) break
        if (fires >= MAX_FIRES_PER_ADVANCE) {
          throw new Error(`advance fired ${MAX_FIRES_PER_ADVANCE} due times; move the clock less`)
        }
        const due = next
        this.freezeAt(due)
        await Promise.all(
          [...this.schedules].filter((s) => s.nextDue(at) === due).map((s) => s.fire(due)),
        )
        at = due
      }
      this.freezeAt(target)
      this.changed()
    })
    this.advancing = run.catch(() => undefined)
    return run
  }

  /** Back to real time. */
  reset(): void {
    Atomics.store(this.cells, FROZEN, BigInt(0))
    this.changed()
  }

  addSchedule(schedule: Schedule): void {
    this.schedules.add(schedule)
  }

  removeSchedule(schedule: Schedule): void {
    this.schedules.delete(schedule)
  }

  /** Called after every set, advance and reset (the real-time scheduler re-arms on it). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private freezeAt(ms: number): void {
    Atomics.store(this.cells, INSTANT, BigInt(ms))
    Atomics.store(this.cells, FROZEN, BigInt(1))
  }

  private changed(): void {
    for (const l of this.listeners) l()
  }
}

/**
 * JavaScript run first in a function instance: `Date` (without arguments), `Date.now()` and
 * `Date()` read the emulator's clock from the shared buffer `clockBuffer`. Everything else of Date
 * is the real one (`instanceof Date`, `Date.UTC`, `Date.parse`, subclasses).
 */
export const PATCH_DATE_SOURCE = `
;(function patchDate(buffer) {
  const cells = new BigInt64Array(buffer)
  const RealDate = Date
  const realNow = RealDate.now
  const now = () => (Atomics.load(cells, 0) === BigInt(1) ? Number(Atomics.load(cells, 1)) : realNow())
  function EmulatedDate(...args) {
    if (!new.target) return new RealDate(now()).toString()
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target)
  }
  Object.setPrototypeOf(EmulatedDate, RealDate)
  EmulatedDate.prototype = RealDate.prototype
  EmulatedDate.now = now
  EmulatedDate.parse = RealDate.parse
  EmulatedDate.UTC = RealDate.UTC
  globalThis.Date = EmulatedDate
})
`

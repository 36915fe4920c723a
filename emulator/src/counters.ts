// Request counters: how many database requests each collection received per action, and how many
// times each function was invoked. Tests assert on them; the bench reads them.

export interface CounterSnapshot {
  /** collection name ('_' for actions without one, e.g. startTransaction) → action → count */
  readonly database: Record<string, Record<string, number>>
  /** function name → invocations */
  readonly functions: Record<string, number>
  /** function name → invocations that started a new instance (cold) or reused one (warm) */
  readonly starts: Record<string, { cold: number; warm: number }>
}

export interface CounterFilter {
  readonly collection?: string
  readonly action?: string
}

export class Counters {
  private database: Record<string, Record<string, number>> = {}
  private functions: Record<string, number> = {}
  private starts: Record<string, { cold: number; warm: number }> = {}

  countDatabase(collection: string, action: string): void {
    const byAction = (this.database[collection] ??= {})
    byAction[action] = (byAction[action] ?? 0) + 1
  }

  countFunction(name: string): void {
    this.functions[name] = (this.functions[name] ?? 0) + 1
  }

  countStart(name: string, cold: boolean): void {
    const byKind = (this.starts[name] ??= { cold: 0, warm: 0 })
    if (cold) byKind.cold++
    else byKind.warm++
  }

  /** A deep copy of the counters. */
  snapshot(): CounterSnapshot {
    return JSON.parse(
      JSON.stringify({ database: this.database, functions: this.functions, starts: this.starts }),
    )
  }

  /** Database requests matching the filter (all of them without one). */
  total(filter: CounterFilter = {}): number {
    let n = 0
    for (const [collection, byAction] of Object.entries(this.database)) {
      if (filter.collection !== undefined && filter.collection !== collection) continue
      for (const [action, count] of Object.entries(byAction)) {
        if (filter.action === undefined || filter.action === action) n += count
      }
    }
    return n
  }

  reset(): void {
    this.database = {}
    this.functions = {}
    this.starts = {}
  }
}

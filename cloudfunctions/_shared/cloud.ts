/**
 * The real CloudBase SDK, initialised once per function instance for the environment the function
 * runs in (locally: the emulator, through TCB_CONTEXT_CNFG).
 */
import tcb from '@cloudbase/node-sdk'
import { DomainError } from '../../domain/shared/errors'

type App = ReturnType<typeof tcb.init>
export type Database = ReturnType<App['database']>
/** A transaction: document-level reads and writes of any collection (one document per call). */
export interface Transaction {
  collection(name: string): ReturnType<Database['collection']>
}

let app: App | undefined

export function cloud(): App {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  return app
}

export function database(): Database {
  return cloud().database()
}

/** The caller's OPENID as the platform injected it; never read from the event. */
export function callerOpenid(): string | undefined {
  return cloud().auth().getUserInfo().openId || undefined
}

/** How many times a transaction is tried before the caller is told to try again (BUSY). */
export const TRANSACTION_ATTEMPTS = 20

export const BUSY_MESSAGE = '人多，请再试一次。'

/** A write conflict, whether the commit or a write inside the transaction raised it. */
export function isTransactionConflict(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null
  if (!e || typeof e !== 'object') return false
  if (e.code === 'DATABASE_TRANSACTION_CONFLICT') return true
  return typeof e.message === 'string' && e.message.includes('DATABASE_TRANSACTION_CONFLICT')
}

/**
 * Retrying stops after this long, so the caller hears BUSY well before the function's time limit
 * (10 s) would cut it off without an answer.
 */
export const TRANSACTION_BUDGET_MS = 6000

/** Full jitter on a doubling window (20 ms, 40 ms, … capped at 320 ms): contenders spread out. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(320, 10 * 2 ** attempt)
}

/**
 * Runs `work` in a transaction. A write conflict (another request wrote a document this one
 * wrote) runs it again from the start, after a random pause, up to TRANSACTION_ATTEMPTS times
 * within TRANSACTION_BUDGET_MS; past them the caller hears BUSY ("人多，请再试一次"), never INTERNAL. So `work` must read what it
 * needs inside, and must write every document a rule it checks depends on: like MongoDB's, these
 * transactions conflict only on writes. Errors thrown by `work` abort it and come back out.
 */
export async function runTransaction<T>(
  db: Database,
  work: (t: Transaction) => Promise<T>,
): Promise<T> {
  const started = Date.now()
  for (let attempt = 1; ; attempt += 1) {
    try {
      // times = 0: the SDK does not retry by itself (it would, at once, three times).
      return (await db.runTransaction(work, 0)) as T
    } catch (error) {
      if (!isTransactionConflict(error)) throw error
      const late = Date.now() - started > TRANSACTION_BUDGET_MS
      if (attempt >= TRANSACTION_ATTEMPTS || late) throw new DomainError('BUSY', BUSY_MESSAGE)
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)))
    }
  }
}

/**
 * The real CloudBase SDK, initialised once per function instance for the environment the function
 * runs in (locally: the emulator, through TCB_CONTEXT_CNFG).
 */
import tcb from '@cloudbase/node-sdk'

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

/**
 * Runs `work` in a transaction; the SDK runs it again when the commit meets a conflict, so `work`
 * must read what it needs inside. Errors thrown by `work` abort the transaction and come back out.
 */
export function runTransaction<T>(db: Database, work: (t: Transaction) => Promise<T>): Promise<T> {
  return db.runTransaction(work) as Promise<T>
}

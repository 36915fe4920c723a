// npm run seed [-- --reset] [--url http://127.0.0.1:<port>] [--data <dir>]
// Seeds the demo village (示范村, 说事日 on the 4th, 14th and 24th): 12 households, 30 members with
// every role (linked to their persons on the register) and some join requests (domain/village/demo.ts), and matters in every state with their
// timelines, the next 说事日's agenda, the last one's minutes, a discussion with replies and a
// hidden statement, handling with progress and a rating (domain/matters/demo.ts), through the real SDK. Idempotent:
// existing documents are left as they are; --reset empties the declared collections first.
// Without --url it opens the data directory (default .data/) itself. With --url it signs with
// TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY: start the emulator with the same ones set.
import tcb from '@cloudbase/node-sdk'
import path from 'node:path'
import { COLLECTION, COLLECTIONS } from '../cloudfunctions/_shared/collections'
import {
  DEMO_VILLAGE_ID,
  demoHouseholds,
  demoMembers,
  demoRegister,
  demoVillage,
} from '../domain/village/demo'
import { personId } from '../cloudfunctions/_shared/persons'
import { demoMatters } from '../domain/matters/demo'
import { startEmulator } from '../emulator/src/index'

export { DEMO_VILLAGE_ID }

/** The demo people who can sign in locally (POST /dev/login with their id). */
export const DEMO_MEMBERS = demoMembers().filter((m) => m.status === 'verified')

export interface SeedOptions {
  /** The emulator's service URL (`<url>/admin`) or base URL. */
  readonly serviceUrl: string
  /** Empty the declared collections first. */
  readonly reset?: boolean
  /**
   * The emulator's credentials (`emulator.credentials`); default: TENCENTCLOUD_SECRETID and
   * TENCENTCLOUD_SECRETKEY of this process, which an in-process emulator sets.
   */
  readonly credentials?: { readonly secretId: string; readonly secretKey: string }
  /** The instant the demo's dates are relative to (tests pass their fixed clock); default now. */
  readonly now?: Date
}

export interface SeedResult {
  readonly inserted: number
  readonly removed: number
}

export const sdkFor = (serviceUrl: string, credentials?: SeedOptions['credentials']) => {
  // Talk to the local emulator without probing for a cloud host (see DESIGN.md).
  process.env.TENCENTCLOUD ??= 'true'
  const url = serviceUrl.endsWith('/admin') ? serviceUrl : `${serviceUrl.replace(/\/+$/, '')}/admin`
  // The emulator refuses unsigned requests: sign with its credentials.
  return tcb.init({ env: 'local', serviceUrl: url, ...credentials })
}

/** True when the demo village exists (`npm start` seeds when it does not). */
export const isSeeded = async (
  serviceUrl: string,
  credentials?: SeedOptions['credentials'],
): Promise<boolean> => {
  const db = sdkFor(serviceUrl, credentials).database()
  const res = await db.collection(COLLECTION.villages).doc(DEMO_VILLAGE_ID).get()
  return Array.isArray(res.data) && res.data.length > 0
}

export const seedDemo = async (options: SeedOptions): Promise<SeedResult> => {
  const db = sdkFor(options.serviceUrl, options.credentials).database()
  const _ = db.command
  let removed = 0
  if (options.reset) {
    for (const c of COLLECTIONS) {
      const res = await db
        .collection(c.name)
        .where({ _id: _.exists(true) })
        .remove()
      removed += typeof res.deleted === 'number' ? res.deleted : 0
    }
  }
  let inserted = 0
  const ensure = async (collection: string, id: string, data: Record<string, unknown>) => {
    const existing = await db.collection(collection).doc(id).get()
    if (Array.isArray(existing.data) && existing.data.length > 0) return
    await db.collection(collection).doc(id).set(data)
    inserted += 1
  }
  const matters = demoMatters(options.now ?? new Date())
  const register = demoRegister((number, name) => personId(DEMO_VILLAGE_ID, number, name))
  const documents: Array<[string, ReadonlyArray<{ _id: string }>]> = [
    [COLLECTION.villages, [demoVillage()]],
    [COLLECTION.households, demoHouseholds()],
    [COLLECTION.persons, register.persons],
    [COLLECTION.members, register.members],
    [COLLECTION.matters, matters.matters],
    [COLLECTION.auditLogs, matters.auditLogs],
    [COLLECTION.agendaSlots, matters.agendaSlots],
    [COLLECTION.ratings, matters.ratings],
    [COLLECTION.statements, matters.statements],
  ]
  for (const [collection, docs] of documents) {
    for (const { _id, ...doc } of docs) await ensure(collection, _id, doc)
  }
  return { inserted, removed }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename

/**
 * Runs `work` against `--url <emulator>` when given, else against the data directory (`--data`,
 * default .data/) opened by an emulator of its own for the time of the work.
 */
export const againstEmulator = async <T>(
  args: readonly string[],
  work: (serviceUrl: string, credentials?: SeedOptions['credentials']) => Promise<T>,
): Promise<T> => {
  const valueOf = (flag: string): string | undefined => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const url = valueOf('--url')
  if (url) return work(url)
  const emulator = await startEmulator({
    dataDir: valueOf('--data') ?? '.data',
    collections: COLLECTIONS,
  })
  try {
    return await work(emulator.serviceUrl, emulator.credentials)
  } finally {
    await emulator.close()
  }
}

if (isMain) {
  const args = process.argv.slice(2)
  const reset = args.includes('--reset')
  againstEmulator(args, (serviceUrl, credentials) => seedDemo({ serviceUrl, reset, credentials }))
    .then((r) => {
      process.stdout.write(
        `seeded 示范村: ${r.inserted} documents inserted${reset ? `, ${r.removed} removed first` : ''}\n`,
      )
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(1)
    })
}

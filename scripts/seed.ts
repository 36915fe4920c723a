// npm run seed [-- --reset] [--url http://127.0.0.1:<port>] [--data <dir>]
// Seeds the demo village (示范村, 说事日 on the 4th, 14th and 24th): 12 households, 30 members with
// every role (linked to their persons on the register) and some join requests (domain/village/demo.ts), and matters in every state with their
// timelines, the next 说事日's agenda, the last one's minutes, a discussion with replies and a
// hidden statement, handling with progress and a rating (domain/matters/demo.ts), and one counted
// poll with its published result (scripts/seedPoll.ts: ballots under the back end's ballot secret,
// counted by the real count code), through the real SDK. Idempotent:
// existing documents are left as they are; --reset empties the declared collections first.
// Without --url it opens the data directory (default .data/) itself. With --url it signs with
// TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY: start the emulator with the same ones set.
import tcb from '@cloudbase/node-sdk'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
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
import type { Database } from '../cloudfunctions/_shared/cloud'
import { seedCountedPoll } from './seedPoll'

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
  /**
   * The polls function's ballot secret the back end runs with (its POLLS_BALLOT_SECRET), for the
   * counted demo poll; default this process's POLLS_BALLOT_SECRET. Without one the poll is left out.
   */
  readonly ballotSecret?: string
}

/**
 * The ballot secret of a data directory, as `npm start` gives it to the functions:
 * POLLS_BALLOT_SECRET when set, else one made for this data directory and kept in it (a new secret
 * would give every voter a new ballot id mid-poll).
 */
export function ballotSecretFor(dataDir: string): string {
  if (process.env.POLLS_BALLOT_SECRET) return process.env.POLLS_BALLOT_SECRET
  const file = path.join(dataDir, 'polls-ballot-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return fs.readFileSync(file, 'utf8').trim()
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
  const secret = options.ballotSecret ?? process.env.POLLS_BALLOT_SECRET
  if (secret) {
    if (
      (await seedCountedPoll(db as unknown as Database, options.now ?? new Date(), secret)) !==
      'present'
    ) {
      inserted += 1
    }
  } else {
    process.stderr.write('seed: no ballot secret given, the demo poll is left out\n')
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
  const dataDir = valueOf('--data') ?? '.data'
  const emulator = await startEmulator({
    dataDir,
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
  // The secret `npm start` uses for this data directory (--data, default .data/); with --url, set
  // POLLS_BALLOT_SECRET to the one the running back end was started with.
  const i = args.indexOf('--data')
  const ballotSecret = args.includes('--url')
    ? process.env.POLLS_BALLOT_SECRET
    : ballotSecretFor(i >= 0 ? (args[i + 1] ?? '.data') : '.data')
  againstEmulator(args, (serviceUrl, credentials) =>
    seedDemo({ serviceUrl, reset, credentials, ballotSecret }),
  )
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

// npm run migrate [-- --url http://127.0.0.1:<port> | --env <envId> | --data <dir>]
// Brings stored documents of an older shape to the current one, through the real SDK. Every
// migration is idempotent: it only touches documents still in the old shape, so running it again
// changes nothing. Without --url or --env it opens the data directory (default .data/) itself:
// stop the emulator first, or pass --url. --env runs them on a real CloudBase environment with the
// API keys in TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (the same options as village:create;
// with TCB_ENV_ID set, one of them must be given).
import path from 'node:path'
import { COLLECTION } from '../cloudfunctions/_shared/collections'
import { migrateStatementReports } from '../cloudfunctions/discussion/migrateStatementReports'
import { migrateAgendas } from '../cloudfunctions/matters/migrateAgendas'
import { migrateRatingEntries } from '../cloudfunctions/matters/migrateRatingEntries'
import { migrateInviteCodes } from '../cloudfunctions/village/migrateInviteCodes'
import { migratePersons } from '../cloudfunctions/village/migratePersons'
import { migrateRollups } from '../cloudfunctions/township/migrateRollups'
import { sdkFor, type SeedOptions } from './seed'
import { flagValues, onTarget, Refusal, targetOf } from './villageCreate'

type Db = ReturnType<ReturnType<typeof sdkFor>['database']>

export interface Migration {
  readonly name: string
  /** Changes the documents still in the old shape; answers how many it changed. */
  readonly run: (db: Db) => Promise<number>
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // A statement in sight used to be stored with `hiding: null`. MongoDB refuses to set
    // `hiding.by` inside null, so hiding such a statement failed; in sight now means no field.
    name: 'statements: hiding null → no hiding field',
    run: async (db) => {
      const res = await db
        .collection(COLLECTION.statements)
        .options({ raw: true })
        .where({ hiding: { $type: 'null' } })
        .update({ $unset: { hiding: '' } })
      return typeof res.updated === 'number' ? res.updated : 0
    },
  },
  {
    // One agenda document per day (`<villageId>_<date>` with a list of matter ids) becomes one
    // slot per matter (`<villageId>_<date>_<n>`); answers the old agendas it turned into slots.
    name: 'agendas: one document per day → agenda slots',
    run: async (db) => (await migrateAgendas(db)).agendas,
  },
  {
    // Ratings used to be matter timeline entries; they become audit records off the timeline.
    name: 'timeline: rating entries → audit records off the timeline',
    run: (db) => migrateRatingEntries(db),
  },
  {
    // A statement's reports were a list on it; each becomes a `statementReports` document.
    name: 'statements: report list → one document per report',
    run: (db) => migrateStatementReports(db),
  },
  {
    // Households stored as names and an adult count get their persons (stable ids); those whose
    // adults cannot be told by name are marked `adultsUnknown` for re-import. Answers the
    // households given persons.
    name: 'register: household names → persons',
    run: async (db) => (await migratePersons(db)).households,
  },
  {
    // Villages stored before 邀请码 get one (the demo village its fixed code); answers how many.
    name: 'villages: no invite code → a unique invite code',
    run: (db) => migrateInviteCodes(db),
  },
  // Several memberships per WeChat user (#14): no document changes shape — a membership was and
  // stays one record with its openid and villageId, and one per openid (all data stored before)
  // is simply the one chosen — so nothing runs here. Only the members index changes (unique
  // openid → unique openid_villageId), which `npm run deploy` does (creates the new, then drops
  // the old). test/functions/village/memberships.test.ts checks stored data works unchanged.
  {
    // The dashboards' rollups (#14) for the records stored before them: each village's months
    // recounted and written where they differ; answers the village-months written.
    name: 'dashboards: records before rollups → rollups per village and month',
    run: (db) => migrateRollups(db),
  },
]

export interface MigrationResult {
  readonly name: string
  readonly changed: number
}

/** Every migration, in order, on `db`. */
export const migrateDb = async (db: Db): Promise<MigrationResult[]> => {
  const out: MigrationResult[] = []
  for (const m of MIGRATIONS) out.push({ name: m.name, changed: await m.run(db) })
  return out
}

export const migrate = async (options: {
  serviceUrl: string
  credentials?: SeedOptions['credentials']
}): Promise<MigrationResult[]> =>
  migrateDb(sdkFor(options.serviceUrl, options.credentials).database())

export const USAGE = 'npm run migrate [-- --url <emulator URL> | --env <envId> | --data <dir>]'

/** The command: where it ran and what each migration changed, as printed lines. */
export async function migrateCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string[]> {
  const target = targetOf(
    flagValues(argv, ['--url', '--env', '--data'] as const, USAGE),
    USAGE,
    env,
  )
  return onTarget(target, async (db, where) => {
    const results = await migrateDb(db as unknown as Db)
    return [`migrate: ${where}`, ...results.map((r) => `${r.name}: ${r.changed} changed`)]
  })
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename

if (isMain) {
  migrateCommand(process.argv.slice(2))
    .then((lines) => {
      for (const line of lines) process.stdout.write(`${line}\n`)
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(e instanceof Refusal ? 2 : 1)
    })
}

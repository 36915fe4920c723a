/**
 * The dashboards' rollups for records stored before them (or counted wrongly): each village's
 * months recounted from its records — matters, ratings, whistles, ledger entries — by the same
 * contributions the acts' transactions add (domain/dashboard/rollups.ts), and written where they
 * differ from what is stored: the month's total in shard 0, its other shards removed. Idempotent:
 * a second run finds every month equal and changes nothing. Run it with the functions quiet (on
 * deploy, before they take calls): an act counted between the recount and the write would be lost.
 * Answers how many village-months it wrote.
 */
import {
  COUNT_KEYS,
  sumRollups,
  type LedgerFacts,
  type MonthKey,
  type RatingFacts,
  type Rollup,
  type WhistleFacts,
} from '../../domain/dashboard/metrics'
import {
  addDeltas,
  ledgerContribution,
  matterContribution,
  ratingContribution,
  rollupsAfter,
  whistleContribution,
  type MatterRecord,
} from '../../domain/dashboard/rollups'
import type { StoredRollup } from '../../types/model/dashboard'
import type { Database } from '../_shared/cloud'
import { COLLECTION } from '../_shared/collections'
import { allWhere } from '../_shared/repo'
import { rollupId } from '../_shared/rollups'

/** A village's records, at most this many pages of 1,000 each per collection. */
const MAX_PAGES = 1000

const sameCounts = (a: Rollup, b: Rollup): boolean =>
  COUNT_KEYS.every((k) => a[k] === b[k]) &&
  JSON.stringify(Object.entries(a.overdueByDepartment ?? {}).sort()) ===
    JSON.stringify(Object.entries(b.overdueByDepartment ?? {}).sort())

export async function migrateRollups(db: Database, now: Date = new Date()): Promise<number> {
  const villages = await allWhere<{ _id: string }>(
    db,
    COLLECTION.villages,
    {},
    { field: { _id: true } },
  )
  let changed = 0
  for (const { _id: villageId } of villages) {
    const of = <T extends { _id: string }>(collection: string, field: Record<string, true>) =>
      allWhere<T>(db, collection, { villageId }, { maxPages: MAX_PAGES, field })
    const [matters, ratings, whistles, ledger, stored] = await Promise.all([
      of<MatterRecord & { _id: string }>(COLLECTION.matters, {
        _id: true,
        origin: true,
        status: true,
        raisedAt: true,
        respondBy: true,
        statusAt: true,
      }),
      of<RatingFacts & { _id: string }>(COLLECTION.ratings, { _id: true, score: true, at: true }),
      of<WhistleFacts & { _id: string }>(COLLECTION.whistles, {
        _id: true,
        departmentId: true,
        status: true,
        raisedAt: true,
        dueAt: true,
        responseHours: true,
        acknowledgedAt: true,
        resolvedAt: true,
        returnedAt: true,
        escalatedTo: true,
      }),
      of<LedgerFacts & { _id: string }>(COLLECTION.ledger, {
        _id: true,
        month: true,
        completedAt: true,
      }),
      allWhere<StoredRollup>(db, COLLECTION.rollups, { villageId }, { maxPages: MAX_PAGES }),
    ])
    const delta = addDeltas(
      ...matters.map((m) => matterContribution(m)),
      ...ratings.map((r) => ratingContribution(r)),
      ...whistles.map((w) => whistleContribution(w)),
      ...ledger.map((e) => ledgerContribution(e)),
    )
    const wanted = new Map(rollupsAfter(villageId, new Map(), delta).map((r) => [r.month, r]))
    const shards = new Map<MonthKey, StoredRollup[]>()
    for (const r of stored) shards.set(r.month, [...(shards.get(r.month) ?? []), r])
    for (const month of new Set([...wanted.keys(), ...shards.keys()])) {
      const want = wanted.get(month) ?? sumRollups(villageId, month, [])
      const have = shards.get(month) ?? []
      if (sameCounts(sumRollups(villageId, month, have), want)) continue
      const total: Omit<StoredRollup, '_id'> = { ...want, villageId, updatedAt: now }
      await db
        .collection(COLLECTION.rollups)
        .doc(rollupId(villageId, month, 0))
        .set(total)
      for (const r of have) {
        if (r._id !== rollupId(villageId, month, 0)) {
          await db.collection(COLLECTION.rollups).doc(r._id).remove()
        }
      }
      changed += 1
    }
  }
  return changed
}

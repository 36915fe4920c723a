/**
 * The dashboards' stored counts, written inside the transaction of the act they count: read the
 * village's rollup of each month the act touches, add the act's change (domain/dashboard/
 * rollups.ts: contribution(after) − contribution(before)) and write it back whole. The
 * transaction writes the rollup, so two acts counted in one rollup conflict and one re-runs: no
 * count is lost.
 *
 * A village's month is kept in ROLLUP_SHARDS documents, the record's id choosing one: acts on
 * different matters of one village at the same moment (a committee accepting a day's agenda)
 * seldom meet on one document and re-run, and the dashboard sums every document of a month
 * anyway (villageId, month). A record always counts in the same shard.
 */
import type { MonthKey, Rollup } from '../../domain/dashboard/metrics'
import { rollupsAfter, type Delta } from '../../domain/dashboard/rollups'
import type { StoredRollup } from '../../types/model/dashboard'
import type { Transaction } from './cloud'
import { COLLECTION } from './collections'
import { byId } from './repo'

/** How many documents one village's month is spread over. */
export const ROLLUP_SHARDS = 8

/** The shard a record counts in: a small hash of its id. */
export function shardOf(recordId: string): number {
  let h = 0
  for (let i = 0; i < recordId.length; i++) h = (h * 31 + recordId.charCodeAt(i)) >>> 0
  return h % ROLLUP_SHARDS
}

export const rollupId = (villageId: string, month: MonthKey, shard: number): string =>
  `${villageId}_${month}_${shard}`

/** The counts of a stored rollup, without its storage fields. */
function asRollup(found: StoredRollup): Rollup {
  const rollup: Rollup & Partial<Pick<StoredRollup, '_id' | 'villageId' | 'updatedAt'>> = {
    ...found,
  }
  delete rollup._id
  delete rollup.villageId
  delete rollup.updatedAt
  return rollup
}

/**
 * Adds `delta` (the change of the record `recordId`) to the village's rollups, in the caller's
 * transaction (nothing when it is empty).
 */
export async function recordRollups(
  t: Transaction,
  villageId: string,
  recordId: string,
  delta: Delta,
  now: Date,
): Promise<void> {
  const months = Object.keys(delta)
  if (months.length === 0) return
  const shard = shardOf(recordId)
  const stored = new Map<MonthKey, Rollup>()
  for (const month of months) {
    const id = rollupId(villageId, month, shard)
    const found = await byId<StoredRollup>(t, COLLECTION.rollups, id)
    if (found) stored.set(month, asRollup(found))
  }
  for (const rollup of rollupsAfter(villageId, stored, delta)) {
    const doc: Omit<StoredRollup, '_id'> = { ...rollup, villageId, updatedAt: now }
    await t
      .collection(COLLECTION.rollups)
      .doc(rollupId(villageId, rollup.month, shard))
      .set(doc)
  }
}

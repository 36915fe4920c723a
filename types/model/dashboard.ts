/** Stored shape of the dashboards' counts (domain/dashboard/metrics.ts, rollups.ts). */
import type { Rollup } from '../../domain/dashboard/metrics'

/**
 * One village's counts of one Shanghai month, or of its records of one shard: document id
 * `<villageId>_<YYYY-MM>_<shard>` (cloudfunctions/_shared/rollups.ts); `unitId` is the
 * village's id, repeated as `villageId` for the index a township's and the district's dashboards
 * read through (`villageId in [...]`, month in the twelve). Written only in the transaction of the
 * act it counts (cloudfunctions/_shared/rollups.ts).
 */
export interface StoredRollup extends Rollup {
  _id: string
  villageId: string
  updatedAt: Date
}

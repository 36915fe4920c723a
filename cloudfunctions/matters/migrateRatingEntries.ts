/**
 * Migration: ratings used to be matter timeline entries (subjectType 'matter', action 'rateMatter',
 * note `评价 N 星`), so the timeline showed who gave what. They become audit records off the
 * timeline (subjectType 'rating', no note; the score stays in `ratings`). Idempotent: it touches
 * only entries still in the old shape. One entry of the project's list of migrations.
 */
import { COLLECTION } from '../_shared/collections'
import type { Database } from '../_shared/cloud'

export async function migrateRatingEntries(db: Database): Promise<number> {
  const _ = db.command
  const res = await db
    .collection(COLLECTION.auditLogs)
    .where({ subjectType: 'matter', action: 'rateMatter' })
    .update({ subjectType: 'rating', note: _.remove() })
  return typeof res.updated === 'number' ? res.updated : 0
}

/**
 * Migration: a statement's reports used to be a list on the statement (`LegacyStatementReports`),
 * so every report wrote the statement and reports on one statement took turns. Each becomes a
 * document of `statementReports` (`<statementId>_<memberId>`, the same member, reason and time) and
 * the list goes, both in ONE transaction per statement: the migration can stop anywhere and run
 * again, and a report is never lost nor counted twice. One entry of `npm run migrate`.
 */
import type { LegacyStatementReports, Statement } from '../../types/model/statement'
import { COLLECTION } from '../_shared/collections'
import { runTransaction, type Database } from '../_shared/cloud'
import { byId } from '../_shared/repo'
import { reportId } from '../_shared/statements'

type OldStatement = Statement & Partial<LegacyStatementReports>

/** Statements whose report list was turned into report documents (and removed) by this run. */
export async function migrateStatementReports(db: Database): Promise<number> {
  const _ = db.command
  let done = 0
  // Bounded: each round removes the list from what it read.
  for (let round = 0; round < 10_000; round += 1) {
    const { data } = await db
      .collection(COLLECTION.statements)
      .where({ reports: _.exists(true) })
      .orderBy('_id', 'asc')
      .field({ _id: true })
      .limit(100)
      .get()
    const ids = (data as Array<{ _id: string }>).map((s) => s._id)
    if (ids.length === 0) return done
    for (const id of ids) {
      await runTransaction(db, async (t) => {
        const statement = await byId<OldStatement>(t, COLLECTION.statements, id)
        if (!statement?.reports) return
        for (const r of statement.reports) {
          await t
            .collection(COLLECTION.statementReports)
            .doc(reportId(statement._id, r.memberId))
            .set({
              villageId: statement.villageId,
              statementId: statement._id,
              memberId: r.memberId,
              reason: r.reason,
              at: r.at,
            })
        }
        await t.collection(COLLECTION.statements).doc(id).update({ reports: _.remove() })
      })
      done += 1
    }
  }
  return done
}

/** Audit records: written inside the same transaction as the change they describe. */
import type { AuditRecord } from '../../types/model/audit'
import { COLLECTION } from './collections'
import type { Transaction } from './cloud'

export type AuditInput = Omit<AuditRecord, '_id'>

export async function audit(t: Transaction, record: AuditInput): Promise<void> {
  await t.collection(COLLECTION.auditLogs).add(record)
}

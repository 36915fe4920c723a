/**
 * The one way the township's lists change: inside a transaction, write every document whose state
 * was read and relied on (a claim writes both the need and the service; a confirmation both and
 * the new ledger entry; taking a claim back both; taking an open entry off its list that entry,
 * which is all it relies on), and leave one audit record per document changed — all in the same
 * transaction, so two acts on one pair always conflict on the need and never both pass.
 */
import type { LedgerEntry, Need, Service } from '../../types/model/township'
import { audit } from '../_shared/audit'
import type { Transaction } from '../_shared/cloud'
import { deltaOf, ledgerContribution } from '../../domain/dashboard/rollups'
import { recordRollups } from '../_shared/rollups'
import { putEntry, putNeed, putService } from './repo'

export interface Who {
  actorId: string
  actorName: string
}

interface Act {
  /** The handler's name (the audit's action). */
  action: string
  who: Who
  at: Date
  note?: string
}

/** Writes a need and its service as they are now, with an audit record for each. */
export async function writePair(
  t: Transaction,
  before: { need: Need; service: Service },
  after: { need: Need; service: Service },
  act: Act,
): Promise<void> {
  await putNeed(t, after.need)
  await putService(t, after.service)
  // both records under the need's village: the pair is that village's
  const villageId = after.need.villageId
  await auditStep(t, villageId, 'need', before.need, after.need, act)
  await auditStep(t, villageId, 'service', before.service, after.service, act)
}

/** Writes a need on its own (no claim pairs it: taken off its list), with its audit record. */
export async function writeNeed(t: Transaction, before: Need, after: Need, act: Act) {
  await putNeed(t, after)
  await auditStep(t, after.villageId, 'need', before, after, act)
}

/**
 * Writes a service on its own, with its audit record (whose unit is the service's township, as
 * offerService's is: no village owns a service).
 */
export async function writeService(t: Transaction, before: Service, after: Service, act: Act) {
  await putService(t, after)
  await auditStep(t, after.townshipId, 'service', before, after, act)
}

/** The audit record of one document's step (`villageId`: the unit the record is filed under). */
async function auditStep(
  t: Transaction,
  villageId: string,
  subjectType: 'need' | 'service' | 'ledger',
  before: Need | Service | LedgerEntry,
  after: Need | Service | LedgerEntry,
  act: Act,
): Promise<void> {
  await audit(t, {
    villageId,
    townshipId: after.townshipId,
    subjectType,
    subjectId: after._id,
    action: act.action,
    ...act.who,
    at: act.at,
    from: before.status,
    to: after.status,
    ...(act.note !== undefined ? { note: act.note } : {}),
  })
}

/** Writes a ledger entry as it is now, with its audit record and the dashboards' counts. */
export async function writeEntry(
  t: Transaction,
  before: LedgerEntry,
  after: LedgerEntry,
  act: Act,
): Promise<void> {
  await putEntry(t, after)
  const counted = deltaOf(ledgerContribution(before), ledgerContribution(after))
  await recordRollups(t, after.villageId, after._id, counted, act.at)
  await auditStep(t, after.villageId, 'ledger', before, after, act)
}

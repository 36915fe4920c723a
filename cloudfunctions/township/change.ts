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
  const common = {
    villageId: after.need.villageId,
    townshipId: after.need.townshipId,
    action: act.action,
    ...act.who,
    at: act.at,
    ...(act.note !== undefined ? { note: act.note } : {}),
  }
  await audit(t, {
    ...common,
    subjectType: 'need',
    subjectId: after.need._id,
    from: before.need.status,
    to: after.need.status,
  })
  await audit(t, {
    ...common,
    subjectType: 'service',
    subjectId: after.service._id,
    from: before.service.status,
    to: after.service.status,
  })
}

/** Writes a need on its own (no claim pairs it: taken off its list), with its audit record. */
export async function writeNeed(t: Transaction, before: Need, after: Need, act: Act) {
  await putNeed(t, after)
  await auditAlone(t, { subjectType: 'need', unitId: after.villageId }, before, after, act)
}

/**
 * Writes a service on its own, with its audit record (whose unit is the service's township, as
 * offerService's is: no village owns a service).
 */
export async function writeService(t: Transaction, before: Service, after: Service, act: Act) {
  await putService(t, after)
  await auditAlone(t, { subjectType: 'service', unitId: after.townshipId }, before, after, act)
}

async function auditAlone(
  t: Transaction,
  subject: { subjectType: 'need' | 'service'; unitId: string },
  before: Need | Service,
  after: Need | Service,
  act: Act,
): Promise<void> {
  await audit(t, {
    villageId: subject.unitId,
    townshipId: after.townshipId,
    subjectType: subject.subjectType,
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
  await audit(t, {
    villageId: after.villageId,
    townshipId: after.townshipId,
    subjectType: 'ledger',
    subjectId: after._id,
    action: act.action,
    ...act.who,
    at: act.at,
    from: before.status,
    to: after.status,
    ...(act.note !== undefined ? { note: act.note } : {}),
  })
}

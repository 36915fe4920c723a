/**
 * The stored needs, services, ledger entries and staff records as the contract shows them
 * (types/api/township.ts): dates as ISO strings; who claimed, who reported and who rated (member
 * and staff ids) left out; names looked up in one query per kind.
 */
import type {
  ClaimView,
  LedgerEntryView,
  NeedView,
  ServiceView,
  StaffView,
} from '../../types/api/township'
import type { Claim, LedgerEntry, Need, Service, Staff } from '../../types/model/township'
import type { Database } from '../_shared/cloud'
import { needsByIds, servicesByIds, unitNames, villagesByIds } from './repo'

const iso = (d: Date | string) => new Date(d).toISOString()

function claimView(c: Claim | undefined): { claim?: ClaimView } {
  if (!c) return {}
  return {
    claim: {
      by: c.by,
      ...(c.needId !== undefined ? { needId: c.needId } : {}),
      ...(c.serviceId !== undefined ? { serviceId: c.serviceId } : {}),
      at: iso(c.at),
    },
  }
}

export function needView(n: Need, villageName: string): NeedView {
  return {
    id: n._id,
    townshipId: n.townshipId,
    villageId: n.villageId,
    villageName,
    category: n.category,
    description: n.description,
    place: n.place,
    when: n.when,
    peopleAffected: n.peopleAffected,
    ...(n.matterId !== undefined ? { matterId: n.matterId } : {}),
    status: n.status,
    ...claimView(n.claim),
    createdAt: iso(n.createdAt),
  }
}

export function serviceView(s: Service): ServiceView {
  return {
    id: s._id,
    townshipId: s.townshipId,
    provider: { kind: s.provider.kind, name: s.provider.name },
    category: s.category,
    what: s.what,
    capacity: s.capacity,
    area: s.area,
    time: s.time,
    status: s.status,
    ...claimView(s.claim),
    createdAt: iso(s.createdAt),
  }
}

export function entryView(
  e: LedgerEntry,
  names: {
    villageName: string
    need?: Pick<Need, 'description'>
    service?: Pick<Service, 'what' | 'provider'>
  },
): LedgerEntryView {
  return {
    id: e._id,
    villageId: e.villageId,
    villageName: names.villageName,
    needId: e.needId,
    serviceId: e.serviceId,
    category: e.category,
    month: e.month,
    status: e.status,
    needDescription: names.need?.description ?? '',
    serviceWhat: names.service?.what ?? '',
    providerName: names.service?.provider.name ?? '',
    progress: e.progress.map((p) => ({ at: iso(p.at), text: p.text })),
    ...(e.completedAt !== undefined ? { completedAt: iso(e.completedAt) } : {}),
    ...(e.rating !== undefined
      ? { rating: { score: e.rating.score, comment: e.rating.comment, at: iso(e.rating.at) } }
      : {}),
  }
}

/** Village names by id (one query). */
export async function villageNames(
  db: Database,
  ids: readonly string[],
): Promise<Record<string, { name: string }>> {
  const villages = await villagesByIds(db, ids)
  return Object.fromEntries(villages.map((v) => [v._id, { name: v.name }]))
}

export async function needViews(db: Database, needs: readonly Need[]): Promise<NeedView[]> {
  const names = await villageNames(
    db,
    needs.map((n) => n.villageId),
  )
  return needs.map((n) => needView(n, names[n.villageId]?.name ?? ''))
}

/** What the ledger's views and its CSV name an entry's parts by (three queries at most). */
export async function ledgerLookups(db: Database, entries: readonly LedgerEntry[]) {
  const [villages, needs, services] = await Promise.all([
    villageNames(
      db,
      entries.map((e) => e.villageId),
    ),
    needsByIds(
      db,
      entries.map((e) => e.needId),
    ),
    servicesByIds(
      db,
      entries.map((e) => e.serviceId),
    ),
  ])
  return {
    villages,
    needs: Object.fromEntries(needs.map((n) => [n._id, n])),
    services: Object.fromEntries(services.map((s) => [s._id, s])),
  }
}

export async function entryViews(
  db: Database,
  entries: readonly LedgerEntry[],
): Promise<LedgerEntryView[]> {
  const l = await ledgerLookups(db, entries)
  return entries.map((e) =>
    entryView(e, {
      villageName: l.villages[e.villageId]?.name ?? '',
      need: l.needs[e.needId],
      service: l.services[e.serviceId],
    }),
  )
}

function unitIdOf(s: Staff): string {
  switch (s.unit.kind) {
    case 'district':
      return s.unit.districtId
    case 'township':
      return s.unit.townshipId
    case 'department':
      return s.unit.departmentId
  }
}

/** The caller's staff records with their units' names. */
export async function staffViews(db: Database, records: readonly Staff[]): Promise<StaffView[]> {
  const pick = (kind: Staff['unit']['kind']) =>
    records.filter((s) => s.unit.kind === kind).map(unitIdOf)
  const names = await unitNames(db, {
    districts: pick('district'),
    townships: pick('township'),
    departments: pick('department'),
  })
  return records.map((s) => ({
    id: s._id,
    name: s.name,
    role: s.role,
    unit: s.unit,
    unitName: names.get(unitIdOf(s)) ?? '',
  }))
}

/** The unit a staff record belongs to, as the audit's owner id (no village owns it). */
export const staffUnitId = unitIdOf

/**
 * Stored needs, services and ledger entries of the township's two lists (#14), for function tests
 * on top of seedCast and seedDistrict: village A's needs on 东镇 (TOWNSHIP_A)'s list, services
 * registered by 东镇's staff member (STAFF.townshipA), in whatever state `over` says.
 */
import type { LedgerEntry, Need, Service } from '../../../types/model/township'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Backend } from './backend'
import { CAST, insert, VILLAGE_A } from './fixtures'
import { DISTRICT, STAFF, TOWNSHIP_A } from './townshipFixtures'

const AT = new Date('2026-11-01T02:00:00Z')

export function storedNeed(id: string, over: Partial<Need> = {}): Need {
  return {
    _id: id,
    districtId: DISTRICT,
    townshipId: TOWNSHIP_A,
    villageId: VILLAGE_A,
    category: 'elderly',
    description: `需求${id}`,
    place: '村委会',
    when: '每周六上午',
    peopleAffected: 10,
    status: 'open',
    createdBy: CAST.committee._id,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  }
}

export function storedService(id: string, over: Partial<Service> = {}): Service {
  return {
    _id: id,
    districtId: DISTRICT,
    townshipId: TOWNSHIP_A,
    provider: { kind: 'organisation', name: `社工站${id}` },
    category: 'elderly',
    what: `服务${id}`,
    capacity: '20 人',
    area: '全镇',
    time: '周六上午',
    status: 'open',
    createdBy: STAFF.townshipA._id,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  }
}

/** A need and a service claimed together, `by` the given side, by `claimedBy`. */
export function claimedPair(
  needId: string,
  serviceId: string,
  by: 'provider' | 'village' | 'township',
  claimedBy: string,
  over: { need?: Partial<Need>; service?: Partial<Service> } = {},
): { need: Need; service: Service } {
  return {
    need: storedNeed(needId, {
      status: 'claimed',
      claim: { by, serviceId, claimedBy, at: AT },
      ...over.need,
    }),
    service: storedService(serviceId, {
      status: 'claimed',
      claim: { by, needId, claimedBy, at: AT },
      ...over.service,
    }),
  }
}

export function storedEntry(
  id: string,
  needId: string,
  serviceId: string,
  over: Partial<LedgerEntry> = {},
): LedgerEntry {
  return {
    _id: id,
    districtId: DISTRICT,
    townshipId: TOWNSHIP_A,
    villageId: VILLAGE_A,
    needId,
    serviceId,
    category: 'elderly',
    month: '2026-11',
    status: 'inProgress',
    progress: [],
    createdAt: AT,
    updatedAt: AT,
    ...over,
  }
}

export function seedLists(
  backend: Backend,
  docs: { needs?: Need[]; services?: Service[]; ledger?: LedgerEntry[] },
): void {
  if (docs.needs?.length) insert(backend, COLLECTION.needs, docs.needs)
  if (docs.services?.length) insert(backend, COLLECTION.services, docs.services)
  if (docs.ledger?.length) insert(backend, COLLECTION.ledger, docs.ledger)
}

/**
 * The database access of the `township` function: the two lists (needs, services), the ledger,
 * staff records by their 启用码, and the names of the units and villages the views show.
 */
import type {
  Department,
  District,
  LedgerEntry,
  Need,
  Service,
  Staff,
  Township,
} from '../../types/model/township'
import type { Village } from '../../types/model/member'
import type { Position } from '../../domain/shared/cursor'
import { COLLECTION } from '../_shared/collections'
import type { Database, Transaction } from '../_shared/cloud'
import { addDoc, allWhere, byId, pastPosition, type Reader } from '../_shared/repo'

/** How many entries a page of a list holds. */
export const LIST_PAGE = 20

// needs and services

export const findNeed = (r: Reader, id: string) => byId<Need>(r, COLLECTION.needs, id)
export const findService = (r: Reader, id: string) => byId<Service>(r, COLLECTION.services, id)
export const findEntry = (r: Reader, id: string) => byId<LedgerEntry>(r, COLLECTION.ledger, id)

export const addNeed = (t: Transaction, need: Omit<Need, '_id'>) =>
  addDoc(t, COLLECTION.needs, need)
export const addService = (t: Transaction, service: Omit<Service, '_id'>) =>
  addDoc(t, COLLECTION.services, service)
export const addEntry = (t: Transaction, entry: Omit<LedgerEntry, '_id'>) =>
  addDoc(t, COLLECTION.ledger, entry)

/**
 * Writes a document whole (a claim that is declined is removed, not set to null: the stored
 * shape keeps "no claim" as a missing field).
 */
async function put(t: Transaction, collection: string, doc: { _id: string }): Promise<void> {
  const { _id, ...rest } = doc
  await t.collection(collection).doc(_id).set(rest)
}

export const putNeed = (t: Transaction, need: Need) => put(t, COLLECTION.needs, need)
export const putService = (t: Transaction, service: Service) => put(t, COLLECTION.services, service)
export const putEntry = (t: Transaction, entry: LedgerEntry) => put(t, COLLECTION.ledger, entry)
export const putStaff = (t: Transaction, staff: Staff) => put(t, COLLECTION.staff, staff)

export interface ListQuery<Owner> {
  /** Whose list: a township's (index townshipId_status_createdAt) or a village's needs (villageId_createdAt). */
  owner: Owner
  status?: string
  before?: Position
  /** At most this many + 1 are answered, so the caller knows whether more follow. */
  limit: number
}

/**
 * One page of a list, newest first, paged on (createdAt, _id) (domain/shared/cursor), under
 * `base`: the owner's (and status's) filter, written out by each caller so the declaration drift
 * check sees which index serves it.
 */
async function pageOf<T>(
  db: Database,
  collection: string,
  base: object,
  q: Pick<ListQuery<unknown>, 'before' | 'limit'>,
): Promise<T[]> {
  const _ = db.command
  const filters: object[] = [base]
  if (q.before) filters.push(pastPosition(db, 'createdAt', q.before, 'desc'))
  const { data } = await db
    .collection(collection)
    .where(_.and(filters))
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(q.limit + 1)
    .get()
  return data as T[]
}

/** A township's needs, or a village's own. */
export const pageOfNeeds = (
  db: Database,
  q: ListQuery<{ townshipId: string } | { villageId: string }>,
) => {
  const { status } = q
  const base =
    'townshipId' in q.owner
      ? status
        ? { townshipId: q.owner.townshipId, status }
        : { townshipId: q.owner.townshipId }
      : status
        ? { villageId: q.owner.villageId, status }
        : { villageId: q.owner.villageId }
  return pageOf<Need>(db, COLLECTION.needs, base, q)
}

/** A township's services (a village sees its township's). */
export const pageOfServices = (db: Database, q: ListQuery<{ townshipId: string }>) =>
  pageOf<Service>(
    db,
    COLLECTION.services,
    q.status
      ? { townshipId: q.owner.townshipId, status: q.status }
      : { townshipId: q.owner.townshipId },
    q,
  )

/** The most documents one query by ids answers. */
const BY_IDS = 1000

async function byIds<T>(db: Database, collection: string, ids: readonly string[]): Promise<T[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const { data } = await db
    .collection(collection)
    .where({ _id: db.command.in(unique) })
    .limit(BY_IDS)
    .get()
  return data as T[]
}

export const needsByIds = (db: Database, ids: readonly string[]) =>
  byIds<Need>(db, COLLECTION.needs, ids)
export const servicesByIds = (db: Database, ids: readonly string[]) =>
  byIds<Service>(db, COLLECTION.services, ids)
export const villagesByIds = (db: Database, ids: readonly string[]) =>
  byIds<Village>(db, COLLECTION.villages, ids)

// the ledger

/** A month's ledger of a township or a village (indexes townshipId_month, villageId_month). */
export async function ledgerOfMonth(
  db: Database,
  q: { owner: { townshipId: string } | { villageId: string }; month: string; category?: string },
): Promise<LedgerEntry[]> {
  const { month, category } = q
  return allWhere<LedgerEntry>(
    db,
    COLLECTION.ledger,
    'townshipId' in q.owner
      ? category
        ? { townshipId: q.owner.townshipId, month, category }
        : { townshipId: q.owner.townshipId, month }
      : category
        ? { villageId: q.owner.villageId, month, category }
        : { villageId: q.owner.villageId, month },
    { maxPages: 5 },
  )
}

// staff and units

/** The staff record not yet claimed whose 启用码 has this hash (index founding_codeHash). */
export async function staffByFoundingHash(
  db: Database,
  codeHash: string,
): Promise<Staff | undefined> {
  const { data } = await db
    .collection(COLLECTION.staff)
    .where({ 'founding.codeHash': codeHash })
    .limit(1)
    .get()
  return data[0] as Staff | undefined
}

export const findStaff = (r: Reader, id: string) => byId<Staff>(r, COLLECTION.staff, id)

export const findTownship = (r: Reader, id: string) => byId<Township>(r, COLLECTION.townships, id)

/** The names of these units, by id (one query per kind of unit named). */
export async function unitNames(
  db: Database,
  ids: { districts: string[]; townships: string[]; departments: string[] },
): Promise<Map<string, string>> {
  const [districts, townships, departments] = await Promise.all([
    byIds<District>(db, COLLECTION.districts, ids.districts),
    byIds<Township>(db, COLLECTION.townships, ids.townships),
    byIds<Department>(db, COLLECTION.departments, ids.departments),
  ])
  return new Map([...districts, ...townships, ...departments].map((u) => [u._id, u.name]))
}

/**
 * The database access of the `whistles` function: whistles, and the district's units they name
 * (departments, townships, districts). Matters and villages through their repositories in
 * `_shared/`. Every list is one indexed query of one page.
 */
import type {
  Department,
  District,
  Township,
  Whistle,
  WhistleStatus,
  WhistleTier,
} from '../../types/model/township'
import type { Matter } from '../../types/model/matter'
import type { Village } from '../../types/model/member'
import type { Position } from '../../domain/shared/cursor'
import { COLLECTION } from '../_shared/collections'
import type { Database, Transaction } from '../_shared/cloud'
import { byId, pastPosition, type Reader } from '../_shared/repo'

/** The n-th whistle blown on a matter (n counted on the matter: `whistleCount`). */
export function whistleId(matterId: string, n: number): string {
  return `${matterId}_w${n}`
}

export function findWhistle(r: Reader, id: string): Promise<Whistle | undefined> {
  return byId<Whistle>(r, COLLECTION.whistles, id)
}

export async function createWhistle(t: Transaction, whistle: Whistle): Promise<void> {
  const { _id, ...rest } = whistle
  await t.collection(COLLECTION.whistles).doc(_id).set(rest)
}

export async function updateWhistle(
  t: Transaction,
  id: string,
  patch: Partial<Omit<Whistle, '_id'>>,
): Promise<void> {
  await t.collection(COLLECTION.whistles).doc(id).update(patch)
}

export function findDepartment(r: Reader, id: string): Promise<Department | undefined> {
  return byId<Department>(r, COLLECTION.departments, id)
}

export function findDistrict(r: Reader, id: string): Promise<District | undefined> {
  return byId<District>(r, COLLECTION.districts, id)
}

export function findTownship(r: Reader, id: string): Promise<Township | undefined> {
  return byId<Township>(r, COLLECTION.townships, id)
}

/** The most whistles one matter shows (one query). */
export const MATTER_WHISTLES = 100

/** A matter's whistles, oldest first. */
export async function whistlesOfMatter(db: Database, matterId: string): Promise<Whistle[]> {
  const { data } = await db
    .collection(COLLECTION.whistles)
    .where({ matterId })
    .orderBy('raisedAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(MATTER_WHISTLES)
    .get()
  return data as Whistle[]
}

/** The most departments one village chooses from (one query each for the district's and the township's). */
const DEPARTMENTS = 200

/** The departments a village may whistle to: its district's (区直部门) and its township's (站所). */
export async function departmentsForVillage(
  db: Database,
  districtId: string,
  townshipId: string,
): Promise<Department[]> {
  const _ = db.command
  const [district, township] = await Promise.all([
    db
      .collection(COLLECTION.departments)
      .where({ districtId, townshipId: _.exists(false) })
      .orderBy('name', 'asc')
      .limit(DEPARTMENTS)
      .get(),
    db
      .collection(COLLECTION.departments)
      .where({ townshipId, districtId })
      .orderBy('name', 'asc')
      .limit(DEPARTMENTS)
      .get(),
  ])
  return [...(district.data as Department[]), ...(township.data as Department[])]
}

/** One page of whistles in `where`, by due time (then id), after `after`; `limit` + 1 to see if more follow. */
async function byDueAt(
  db: Database,
  where: object,
  after: Position | undefined,
  limit: number,
): Promise<Whistle[]> {
  const _ = db.command
  const { data } = await db
    .collection(COLLECTION.whistles)
    .where(after ? _.and([where, pastPosition(db, 'dueAt', after, 'asc')]) : where)
    .orderBy('dueAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit + 1)
    .get()
  return data as Whistle[]
}

/** A department's whistles of one status (the departmentId_status_dueAt index). */
export function departmentWhistles(
  db: Database,
  departmentId: string,
  status: WhistleStatus,
  after: Position | undefined,
  limit: number,
): Promise<Whistle[]> {
  return byDueAt(db, { departmentId, status }, after, limit)
}

/**
 * A township's whistles of one status (the townshipId_status_dueAt index); raised ones only once
 * their department's clock has run out (`dueBefore`: the request's time).
 */
export function townshipWhistles(
  db: Database,
  townshipId: string,
  status: WhistleStatus,
  dueBefore: Date | undefined,
  after: Position | undefined,
  limit: number,
): Promise<Whistle[]> {
  const where = dueBefore
    ? { townshipId, status, dueAt: db.command.lt(dueBefore) }
    : { townshipId, status }
  return byDueAt(db, where, after, limit)
}

/** A district's whistles of one status (the status_dueAt index, then the district). */
export function districtWhistles(
  db: Database,
  districtId: string,
  status: WhistleStatus,
  dueBefore: Date | undefined,
  after: Position | undefined,
  limit: number,
): Promise<Whistle[]> {
  const where = dueBefore
    ? { status, dueAt: db.command.lt(dueBefore), districtId }
    : { status, districtId }
  return byDueAt(db, where, after, limit)
}

/**
 * The scheduler's candidates (the status_dueAt index, all districts), oldest due first: raised
 * whistles past their clock with no escalation recorded (each one is due at the township), and,
 * per tier, those recorded at the township whose second period may have run out too (the caller
 * asks the clock; a tier of its own per query, so a slow tier never crowds out a fast one).
 */
export async function escalationCandidates(
  db: Database,
  now: Date,
  tiers: readonly WhistleTier[],
  limit: number,
): Promise<Whistle[]> {
  const _ = db.command
  const query = (where: object) =>
    db
      .collection(COLLECTION.whistles)
      .where(where)
      .orderBy('dueAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit)
      .get()
      .then(({ data }) => data as Whistle[])
  const [first, ...second] = await Promise.all([
    query({ status: 'raised', dueAt: _.lt(now), escalatedTo: _.exists(false) }),
    ...tiers.map((tier) =>
      query({ status: 'raised', dueAt: _.lt(now), escalatedTo: 'township', tier }),
    ),
  ])
  return [...first, ...second.flat()]
}

/** What a view names besides the whistle: matter titles, village and department names. */
export interface Names {
  matters: Map<string, Pick<Matter, '_id' | 'title'>>
  villages: Map<string, Pick<Village, '_id' | 'name'>>
  departments: Map<string, Pick<Department, '_id' | 'name'>>
}

async function namesOf<T extends { _id: string }>(
  db: Database,
  collection: string,
  ids: string[],
  field: Record<string, true>,
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map()
  const { data } = await db
    .collection(collection)
    .where({ _id: db.command.in(ids) })
    .field(field)
    .limit(ids.length)
    .get()
  return new Map((data as T[]).map((d) => [d._id, d]))
}

/** The names the whistles' views need: three queries at once, whatever the number of whistles. */
export async function namesFor(db: Database, whistles: readonly Whistle[]): Promise<Names> {
  const distinct = (key: 'matterId' | 'villageId' | 'departmentId') => [
    ...new Set(whistles.map((w) => w[key])),
  ]
  const [matters, villages, departments] = await Promise.all([
    namesOf<Pick<Matter, '_id' | 'title'>>(db, COLLECTION.matters, distinct('matterId'), {
      title: true,
    }),
    namesOf<Pick<Village, '_id' | 'name'>>(db, COLLECTION.villages, distinct('villageId'), {
      name: true,
    }),
    namesOf<Pick<Department, '_id' | 'name'>>(
      db,
      COLLECTION.departments,
      distinct('departmentId'),
      { name: true },
    ),
  ])
  return { matters, villages, departments }
}

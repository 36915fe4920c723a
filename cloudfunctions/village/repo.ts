/** Every database access of the `village` function. */
import type { Household, Member, MemberStatus, Village } from '../../types/model/member'
import type { MemberView, VillageRef, VillageView } from '../../types/api/village'
import { withDefaults } from '../../domain/village/settings'
import { COLLECTION } from '../_shared/collections'
import type { Database, Transaction } from '../_shared/cloud'
import type { Position } from '../../domain/shared/cursor'
import { fail } from '../_shared/handler'
import { addDoc, byId, type Reader } from '../_shared/repo'

/** The most documents one query returns from a function. */
const PAGE = 1000
/** Pages read at most for one whole list: past it the list refuses rather than stop silently. */
const MAX_PAGES = 100

/** Every document matching `where`, paged on the unique `_id` (a stable order, no skip()). */
async function allWhere<T extends { _id: string }>(
  db: Database,
  collection: string,
  where: object,
): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const last = out[out.length - 1]
    const { data } = await db
      .collection(collection)
      .where(last ? _.and([where, { _id: _.gt(last._id) }]) : where)
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get()
    out.push(...(data as T[]))
    if (data.length < PAGE) return out
  }
  return fail('CONFLICT', `数据太多（超过 ${PAGE * MAX_PAGES} 条），请联系管理员分批处理。`)
}

// villages

// findVillage / loadVillage: cloudfunctions/_shared/villages.ts (with the defaults applied)

export async function listVillages(db: Database): Promise<VillageRef[]> {
  const { data } = await db
    .collection(COLLECTION.villages)
    .field({ name: true })
    .orderBy('name', 'asc')
    .limit(PAGE)
    .get()
  return (data as Array<Pick<Village, '_id' | 'name'>>).map((v) => ({ id: v._id, name: v.name }))
}

export async function updateVillage(
  t: Transaction,
  id: string,
  patch: Partial<Omit<Village, '_id'>>,
): Promise<void> {
  await t.collection(COLLECTION.villages).doc(id).update(patch)
}

// members

export async function findMemberByOpenid(
  db: Database,
  openid: string,
): Promise<Member | undefined> {
  const { data } = await db.collection(COLLECTION.members).where({ openid }).limit(1).get()
  return data[0] as Member | undefined
}

export async function getMember(r: Reader, id: string): Promise<Member> {
  return (await byId<Member>(r, COLLECTION.members, id)) ?? fail('NOT_FOUND', '找不到这位村民。')
}

/**
 * One page of a village's members, oldest request first, after `after` (exclusive), paged on
 * (requestedAt, _id). Answers at most `limit` + 1 so the caller knows if more follow.
 */
export async function pageOfMembers(
  db: Database,
  q: { villageId: string; status?: MemberStatus; after?: Position; limit: number },
): Promise<Member[]> {
  const _ = db.command
  const where: object[] = [
    q.status ? { villageId: q.villageId, status: q.status } : { villageId: q.villageId },
  ]
  if (q.after) {
    where.push(
      _.or([
        { requestedAt: _.gt(q.after.at) },
        { requestedAt: _.eq(q.after.at), _id: _.gt(q.after.id) },
      ]),
    )
  }
  const { data } = await db
    .collection(COLLECTION.members)
    .where(_.and(where))
    .orderBy('requestedAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(q.limit + 1)
    .get()
  return data as Member[]
}

export async function addMember(t: Transaction, member: Omit<Member, '_id'>): Promise<string> {
  return addDoc(t, COLLECTION.members, member)
}

/** Replaces a membership whole (asking again after a refusal starts it afresh). */
export async function replaceMember(
  t: Transaction,
  id: string,
  member: Omit<Member, '_id'>,
): Promise<void> {
  await t.collection(COLLECTION.members).doc(id).set(member)
}

export async function updateMember(
  t: Transaction,
  id: string,
  patch: Partial<Omit<Member, '_id'>>,
): Promise<void> {
  await t.collection(COLLECTION.members).doc(id).update(patch)
}

// households

export async function findHousehold(r: Reader, id: string): Promise<Household | undefined> {
  return byId<Household>(r, COLLECTION.households, id)
}

export async function listHouseholds(db: Database, villageId: string): Promise<Household[]> {
  return allWhere<Household>(db, COLLECTION.households, { villageId })
}

/**
 * Writes households whole, by their `<villageId>_<number>` id (an upsert: safe to repeat), inside
 * the import's transaction.
 */
export async function saveHouseholds(t: Transaction, households: readonly Household[]) {
  const BATCH = 20
  for (let i = 0; i < households.length; i += BATCH) {
    await Promise.all(
      households
        .slice(i, i + BATCH)
        .map(({ _id, ...rest }) => t.collection(COLLECTION.households).doc(_id).set(rest)),
    )
  }
}

// views

function iso(at: Date | string): string {
  return new Date(at).toISOString()
}

export function memberView(m: Member, withPhone: boolean): MemberView {
  return {
    id: m._id,
    villageId: m.villageId,
    name: m.name,
    householdNo: m.householdNo,
    ...(m.householdId ? { householdId: m.householdId } : {}),
    ...(withPhone && m.phone ? { phone: m.phone } : {}),
    roles: m.roles,
    status: m.status,
    ...(m.declineReason ? { declineReason: m.declineReason } : {}),
    requestedAt: iso(m.requestedAt),
    ...(m.reviewedAt ? { reviewedAt: iso(m.reviewedAt) } : {}),
  }
}

export function villageView(v: Village): VillageView {
  return { id: v._id, ...withDefaults(v) }
}

/**
 * The `members` collection, for every function: the village function manages memberships, the
 * others read the caller's (`actor.ts`) or a handler's member.
 */
import type { MemberView, MembershipBrief } from '../../types/api/village'
import { byStanding, chooseMembership } from '../../domain/village/memberships'
import type { Member, MemberStatus } from '../../types/model/member'
import type { Position } from '../../domain/shared/cursor'
import { COLLECTION } from './collections'
import type { Database, Transaction } from './cloud'
import { NOT_FOUND, refuse } from './authorize'
import { addDoc, byId, pastPosition, type Reader } from './repo'

/** The most memberships one WeChat user is read with (one query; a person has a few at most). */
export const MEMBERSHIPS_READ = 100

/**
 * Every membership of a WeChat user, in any village and of any status (one query, served by the
 * unique openid_villageId index's openid prefix).
 */
export async function membershipsOf(db: Database, openid: string): Promise<Member[]> {
  const { data } = await db
    .collection(COLLECTION.members)
    .where({ openid })
    .limit(MEMBERSHIPS_READ)
    .get()
  return data as Member[]
}

/**
 * The membership a call by `openid` acts as: the one in `villageId` when the call names a village
 * (none if they are not a member there), else the default of domain/village/memberships.
 */
export async function findMemberByOpenid(
  db: Database,
  openid: string,
  villageId?: string,
): Promise<Member | undefined> {
  return chooseMembership(await membershipsOf(db, openid), villageId)
}

/** What 切换村子 lists: each of the caller's memberships, best standing first, with its village. */
export function membershipBriefs(
  memberships: readonly Member[],
  names: ReadonlyMap<string, string>,
): MembershipBrief[] {
  return [...memberships].sort(byStanding).map((m) => ({
    villageId: m.villageId,
    villageName: names.get(m.villageId) ?? '',
    status: m.status,
  }))
}

/** The member, when they exist. */
export function findMember(r: Reader, id: string): Promise<Member | undefined> {
  return byId<Member>(r, COLLECTION.members, id)
}

export async function loadMember(r: Reader, id: string): Promise<Member> {
  return (await byId<Member>(r, COLLECTION.members, id)) ?? refuse(NOT_FOUND.member)
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
    where.push(pastPosition(db, 'requestedAt', q.after, 'asc'))
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

const iso = (at: Date | string): string => new Date(at).toISOString()

/** A membership as the app shows it (the phone only to the member and the committee). */
export function memberView(m: Member, withPhone: boolean): MemberView {
  return {
    id: m._id,
    villageId: m.villageId,
    name: m.name,
    householdNo: m.householdNo,
    ...(m.householdId ? { householdId: m.householdId } : {}),
    ...(withPhone && m.personId ? { personId: m.personId } : {}),
    ...(withPhone && m.phone ? { phone: m.phone } : {}),
    roles: m.roles,
    status: m.status,
    ...(m.declineReason ? { declineReason: m.declineReason } : {}),
    requestedAt: iso(m.requestedAt),
    ...(m.reviewedAt ? { reviewedAt: iso(m.reviewedAt) } : {}),
  }
}

/** How many members of a village have a status (one count on the villageId+status index). */
export async function countMembers(db: Database, villageId: string, status: MemberStatus) {
  const { total } = await db.collection(COLLECTION.members).where({ villageId, status }).count()
  return total
}

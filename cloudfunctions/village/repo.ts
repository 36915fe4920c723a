/**
 * The database access of the `village` function: households here; villages and members through
 * their one repository each in `_shared/`.
 */
import type { PersonView, VillageView } from '../../types/api/village'
import type { Household, Person, Village } from '../../types/model/member'
import { linkedMembers } from '../../domain/village/register'
import { withDefaults } from '../../domain/village/settings'
import { COLLECTION } from '../_shared/collections'
import type { Database, Transaction } from '../_shared/cloud'
import { allWhere, byId, setAll, type Reader } from '../_shared/repo'

/** The most documents one query returns from a function. */
const PAGE = 1000

export { patchVillage, villageRefs } from '../_shared/villages'
export {
  addMember,
  findMemberByOpenid,
  loadMember,
  memberView,
  pageOfMembers,
  replaceMember,
  updateMember,
} from '../_shared/members'

/** The ids of the village's verified committee members, as last committed (one query). */
export async function committeeMemberIds(db: Database, villageId: string): Promise<string[]> {
  const { data } = await db
    .collection(COLLECTION.members)
    .where({ villageId, status: 'verified', roles: 'committee' })
    .field({ _id: true })
    .limit(PAGE)
    .get()
  return (data as Array<{ _id: string }>).map((m) => m._id)
}

// households

export async function findHousehold(r: Reader, id: string): Promise<Household | undefined> {
  return byId<Household>(r, COLLECTION.households, id)
}

export async function listHouseholds(db: Database, villageId: string): Promise<Household[]> {
  return allWhere<Household>(db, COLLECTION.households, { villageId })
}

/** The households of these ids (at most one page: a page of persons names few households). */
export async function householdsByIds(db: Database, ids: readonly string[]): Promise<Household[]> {
  if (ids.length === 0) return []
  const { data } = await db
    .collection(COLLECTION.households)
    .where({ _id: db.command.in([...ids]) })
    .limit(PAGE)
    .get()
  return data as Household[]
}

export async function updateHousehold(
  t: Transaction,
  id: string,
  patch: Partial<Omit<Household, '_id'>>,
): Promise<void> {
  await t.collection(COLLECTION.households).doc(id).update(patch)
}

/**
 * Writes households whole, by their `<villageId>_<number>` id (an upsert: safe to repeat), inside
 * the import's transaction.
 */
export async function saveHouseholds(t: Transaction, households: readonly Household[]) {
  await setAll(t, COLLECTION.households, households)
}

// views

export function personView(p: Person, household: Household | undefined): PersonView {
  return {
    id: p._id,
    householdId: p.householdId,
    householdNo: household?.number ?? p.householdId.slice(p.villageId.length + 1),
    name: p.name,
    adult: p.adult,
    representative: p.representative,
    householdVoter: household?.voterPersonId === p._id,
    accounts: linkedMembers(p).length,
    ...(household?.adultsUnknown ? { adultUnknown: true as const } : {}),
  }
}

export function villageView(v: Village): VillageView {
  return { id: v._id, ...withDefaults(v) }
}

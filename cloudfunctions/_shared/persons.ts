/**
 * The `persons` collection (the register as persons), for every function: the village function
 * writes it (imports, links, 村民代表), the polls function reads it to freeze an electorate.
 *
 * A person's `_id` is `p_` + the first 32 hex digits of SHA-256 over the UTF-8 of
 * `<villageId>\n<户号>\n<姓名>` (the name as normalised by domain/shared/text.ts): the same village,
 * 户号 and 姓名 always give the same id, so re-importing keeps it, two imports at once write the same
 * documents, and the migration of old households gives the ids a later import finds.
 */
import { createHash } from 'node:crypto'
import type { Position } from '../../domain/shared/cursor'
import type { Person } from '../../types/model/member'
import { COLLECTION } from './collections'
import type { Database, Transaction } from './cloud'
import { fail } from './handler'
import { allWhere, byId, pastPosition, setAll, type Reader } from './repo'

export function personId(villageId: string, householdNo: string, name: string): string {
  const hex = createHash('sha256')
    .update(`${villageId}\n${householdNo}\n${name}`, 'utf8')
    .digest('hex')
  return `p_${hex.slice(0, 32)}`
}

export const NO_PERSON = { code: 'NOT_FOUND', message: '名册上找不到这个人。' } as const

export function findPerson(r: Reader, id: string): Promise<Person | undefined> {
  return byId<Person>(r, COLLECTION.persons, id)
}

export async function loadPerson(r: Reader, id: string): Promise<Person> {
  return (await findPerson(r, id)) ?? fail(NO_PERSON.code, NO_PERSON.message)
}

/** Every person of a village (at most 100,000), paged on the unique `_id`. */
export async function personsOfVillage(db: Database, villageId: string): Promise<Person[]> {
  return allWhere<Person>(db, COLLECTION.persons, { villageId })
}

/**
 * One page of a village's persons in the order they were put on the register, after `after`
 * (exclusive), paged on (createdAt, _id): one import's persons share createdAt and follow by id.
 * Answers at most `limit` + 1 so the caller knows if more follow.
 */
export async function pageOfPersons(
  db: Database,
  q: { villageId: string; householdId?: string; after?: Position; limit: number },
): Promise<Person[]> {
  const _ = db.command
  const where: object[] = [
    q.householdId
      ? { villageId: q.villageId, householdId: q.householdId }
      : { villageId: q.villageId },
  ]
  if (q.after) where.push(pastPosition(db, 'createdAt', q.after, 'asc'))
  const { data } = await db
    .collection(COLLECTION.persons)
    .where(_.and(where))
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(q.limit + 1)
    .get()
  return data as Person[]
}

/** 村民代表 on a village's register, as committed (a transaction adds its own change). */
export async function countRepresentatives(db: Database, villageId: string): Promise<number> {
  const { total } = await db
    .collection(COLLECTION.persons)
    .where({ villageId, representative: true })
    .count()
  return total
}

/** Writes persons whole by their stable id (an upsert), inside the caller's transaction. */
export async function savePersons(t: Transaction, persons: readonly Person[]): Promise<void> {
  await setAll(t, COLLECTION.persons, persons)
}

const BATCH = 100

export async function removePersons(t: Transaction, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    await Promise.all(
      ids.slice(i, i + BATCH).map((id) => t.collection(COLLECTION.persons).doc(id).remove()),
    )
  }
}

export async function updatePerson(
  t: Transaction,
  id: string,
  patch: Partial<Omit<Person, '_id'>>,
): Promise<void> {
  await t.collection(COLLECTION.persons).doc(id).update(patch)
}

/**
 * The `villages` collection, for every function: a village is always read completed with the
 * defaults of whatever it lacks (a village stored before a setting existed reads that setting's
 * default), so no handler meets an undefined setting.
 */
import type { VillageRef } from '../../types/api/village'
import type { Village } from '../../types/model/member'
import { withDefaults } from '../../domain/village/settings'
import { COLLECTION } from './collections'
import { fail } from './handler'
import { byId, escapeRegExp, type Reader } from './repo'
import type { Database, Transaction } from './cloud'

/** The most villages one list shows (one query). */
const PAGE = 1000

/** A stored village as it is meant to be read: with the defaults applied. */
export function completeVillage(stored: Village): Village {
  return { ...stored, ...withDefaults(stored) }
}

export async function findVillage(r: Reader, id: string): Promise<Village | undefined> {
  const stored = await byId<Village>(r, COLLECTION.villages, id)
  return stored && completeVillage(stored)
}

export async function loadVillage(r: Reader, id: string): Promise<Village> {
  return (await findVillage(r, id)) ?? fail('NOT_FOUND', '找不到这个村，请重新选择。')
}

/** A village as its members' screens name it (getMe, 首页). */
export function villageBrief(v: Village): {
  id: string
  name: string
  talkDays: number[]
  responseDeadlineDays: number
} {
  const { name, talkDays, settings } = withDefaults(v)
  return { id: v._id, name, talkDays, responseDeadlineDays: settings.responseDeadlineDays }
}

/** Villages one may find by a word of their name (listVillages). */
export const VILLAGE_SEARCH_PAGE = 20

/**
 * The villages one may ask to join, by name: those with a word of their name (`q`, already
 * normalised; case-insensitive, literal, at most VILLAGE_SEARCH_PAGE), the one with an invite
 * code (`inviteCode`, normalised and well-formed), or all. Names and ids only: never the code.
 */
export async function villageRefs(
  db: Database,
  find: { q?: string; inviteCode?: string } = {},
): Promise<VillageRef[]> {
  const where = find.inviteCode
    ? { inviteCode: find.inviteCode }
    : find.q
      ? { name: db.RegExp({ regexp: escapeRegExp(find.q), options: 'i' }) }
      : { _id: db.command.exists(true) }
  const limit = find.inviteCode ? 1 : find.q ? VILLAGE_SEARCH_PAGE : PAGE
  const { data } = await db
    .collection(COLLECTION.villages)
    .where(where)
    .field({ name: true })
    .orderBy('name', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get()
  return (data as Array<Pick<Village, '_id' | 'name'>>).map((v) => ({ id: v._id, name: v.name }))
}

export async function patchVillage(
  t: Transaction,
  id: string,
  patch: Partial<Omit<Village, '_id'>>,
): Promise<void> {
  await t.collection(COLLECTION.villages).doc(id).update(patch)
}

/** The names of villages by id (one query, for 切换村子's list of the caller's memberships). */
export async function villageNames(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const { data } = await db
    .collection(COLLECTION.villages)
    .where({ _id: db.command.in([...ids]) })
    .field({ name: true })
    .limit(ids.length)
    .get()
  return new Map((data as Array<Pick<Village, '_id' | 'name'>>).map((v) => [v._id, v.name]))
}

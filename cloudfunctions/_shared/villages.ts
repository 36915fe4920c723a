/**
 * The `villages` collection, for every function: a village is always read completed with the
 * defaults of whatever it lacks (a village stored before a setting existed reads that setting's
 * default), so no handler meets an undefined setting.
 */
import type { Village } from '../../types/model/member'
import { withDefaults } from '../../domain/village/settings'
import { COLLECTION } from './collections'
import { fail } from './handler'
import { byId, type Reader } from './repo'

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

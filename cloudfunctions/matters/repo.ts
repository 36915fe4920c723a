/** Every database access of the `matters` function. */
import type { Agenda, Matter } from '../../types/model/matter'
import type { Village } from '../../types/model/member'
import { COLLECTION } from '../_shared/collections'
import type { Database, Transaction } from '../_shared/cloud'
import { fail } from '../_shared/handler'

type Reader = Database | Transaction

function single<T>(data: unknown): T | undefined {
  return (Array.isArray(data) ? data[0] : data) as T | undefined
}

async function byId<T>(r: Reader, collection: string, id: string): Promise<T | undefined> {
  try {
    const { data } = await r.collection(collection).doc(id).get()
    return single<T>(data)
  } catch (error) {
    // A transaction's get of a missing document fails instead of answering nothing.
    if ((error as { code?: string }).code === 'DATABASE_DOCUMENT_NOT_EXIST') return undefined
    throw error
  }
}

export async function getMatter(r: Reader, id: string): Promise<Matter> {
  return (
    (await byId<Matter>(r, COLLECTION.matters, id)) ??
    fail('NOT_FOUND', '找不到这件事，可能已被删除。')
  )
}

export async function getVillage(r: Reader, id: string): Promise<Village> {
  return (await byId<Village>(r, COLLECTION.villages, id)) ?? fail('NOT_FOUND', '找不到这个村。')
}

export function agendaId(villageId: string, date: string): string {
  return `${villageId}_${date}`
}

export async function findAgenda(
  r: Reader,
  villageId: string,
  date: string,
): Promise<Agenda | undefined> {
  return byId<Agenda>(r, COLLECTION.agendas, agendaId(villageId, date))
}

export async function saveAgenda(t: Transaction, agenda: Agenda): Promise<void> {
  const { _id, ...rest } = agenda
  await t.collection(COLLECTION.agendas).doc(_id).set(rest)
}

export async function addMatter(t: Transaction, matter: Omit<Matter, '_id'>): Promise<string> {
  const res = (await t.collection(COLLECTION.matters).add(matter)) as { id?: string; _id?: string }
  return res.id ?? res._id ?? fail('INTERNAL', '服务出了点问题，请稍后再试。')
}

export async function updateMatter(
  t: Transaction,
  id: string,
  patch: Partial<Matter>,
): Promise<void> {
  await t.collection(COLLECTION.matters).doc(id).update(patch)
}

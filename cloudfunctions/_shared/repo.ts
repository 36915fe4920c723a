/** Document-level reads and writes every function's repository builds on. */
import type { Database, Transaction } from './cloud'
import { fail } from './handler'

/** Where a read can happen: the database, or inside a transaction. */
export type Reader = Database | Transaction

/** One document by id, or undefined when there is none. */
export async function byId<T>(r: Reader, collection: string, id: string): Promise<T | undefined> {
  try {
    const { data } = await r.collection(collection).doc(id).get()
    return (Array.isArray(data) ? data[0] : data) as T | undefined
  } catch (error) {
    // A transaction's get of a missing document fails instead of answering nothing.
    if ((error as { code?: string }).code === 'DATABASE_DOCUMENT_NOT_EXIST') return undefined
    throw error
  }
}

/** Adds a document and answers its generated id. */
export async function addDoc(w: Reader, collection: string, doc: object): Promise<string> {
  const res = (await w.collection(collection).add(doc)) as { id?: string; _id?: string }
  return res.id ?? res._id ?? fail('INTERNAL', '服务出了点问题，请稍后再试。')
}

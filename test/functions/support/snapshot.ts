/** What the database holds, collection by collection: compare before and after a refused call. */
import { COLLECTIONS } from '../../../cloudfunctions/_shared/collections'
import type { Backend } from './backend'

export type Snapshot = Record<string, Array<Record<string, unknown>>>

export async function snapshot(backend: Backend): Promise<Snapshot> {
  const out: Snapshot = {}
  for (const c of COLLECTIONS) {
    const docs = await backend.all(c.name)
    out[c.name] = docs.sort((a, b) => String(a._id).localeCompare(String(b._id)))
  }
  return out
}

/** A Chinese message: at least one CJK character. */
export const CHINESE = /[\u4e00-\u9fff]/

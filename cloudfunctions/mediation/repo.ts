/**
 * The database access of the `mediation` function: its cases (the collection's one reader for all
 * functions is `_shared/mediations.ts`), and the matters and members they name.
 */
import type { AppError } from '../../types/api'
import type { Member } from '../../types/model/member'
import type { MediationCase, MediationStatus } from '../../types/model/township'
import { refuse } from '../_shared/authorize'
import { COLLECTION } from '../_shared/collections'
import type { Database, Transaction } from '../_shared/cloud'
import { findCase } from '../_shared/mediations'
import type { Reader } from '../_shared/repo'

export { caseIdOf, findCase } from '../_shared/mediations'
export { findMatter, loadMatter, mattersByIds, updateMatter } from '../_shared/matters'
export { findMember } from '../_shared/members'

/**
 * What a case id that names nothing answers — and what a member of another village gets for a
 * case that exists (so they learn nothing of it).
 */
export const CASE_NOT_FOUND: AppError = { code: 'NOT_FOUND', message: '找不到这起调解。' }

export async function loadCase(r: Reader, caseId: string): Promise<MediationCase> {
  return (await findCase(r, caseId)) ?? refuse(CASE_NOT_FOUND)
}

/** Writes the case whole (created on opening, replaced by every change after). */
export async function saveCase(t: Transaction, c: MediationCase): Promise<void> {
  const { _id, ...rest } = c
  await t.collection(COLLECTION.mediations).doc(_id).set(rest)
}

/** A village's cases, newest first (the villageId_status index; at most `limit`). */
export async function casesOfVillage(
  db: Database,
  villageId: string,
  status: MediationStatus | undefined,
  limit: number,
): Promise<MediationCase[]> {
  const { data } = await db
    .collection(COLLECTION.mediations)
    .where(status ? { villageId, status } : { villageId })
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get()
  return data as MediationCase[]
}

/** The members of a village among `ids` (100 ids a query, all at once). */
export async function membersByIds(
  db: Database,
  villageId: string,
  ids: readonly string[],
): Promise<Member[]> {
  const unique = [...new Set(ids)]
  const _ = db.command
  const chunks: string[][] = []
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100))
  const pages = await Promise.all(
    chunks.map(async (chunk) => {
      const { data } = await db
        .collection(COLLECTION.members)
        .where({ villageId, _id: _.in(chunk) })
        .limit(chunk.length)
        .get()
      return data as Member[]
    }),
  )
  return pages.flat()
}

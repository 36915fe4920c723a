/**
 * Whistle tests' common ground: a backend with the CAST (village A in 东镇, B in 西街道) and the
 * district of townshipFixtures, matters of village A in the state a test needs, and readers of
 * what the functions wrote.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Matter } from '../../../types/model/matter'
import type { Staff, Whistle } from '../../../types/model/township'
import type { AuditRecord } from '../../../types/model/audit'
import type { WhistleView } from '../../../types/api/whistles'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter } from '../support/fixtures'
import { DEPT_WATER, seedDistrict } from '../support/townshipFixtures'

export async function whistleBackend(
  options: Parameters<typeof startBackend>[0] = {},
): Promise<Backend> {
  const backend = await startBackend(options)
  await seedCast(backend)
  await seedDistrict(backend)
  return backend
}

/** A matter of village A (raised by CAST.resident), accepted unless `over` says otherwise. */
export function seedMatter(backend: Backend, id: string, over: Partial<Matter> = {}): string {
  insert(backend, COLLECTION.matters, [storedMatter(id, { status: 'accepted', ...over })])
  return id
}

export async function docOf<T>(backend: Backend, collection: string, id: string): Promise<T> {
  const { data } = await backend.db.collection(collection).doc(id).get()
  return data[0] as T
}

export const whistleDoc = (backend: Backend, id: string) =>
  docOf<Whistle>(backend, COLLECTION.whistles, id)
export const matterDoc = (backend: Backend, id: string) =>
  docOf<Matter>(backend, COLLECTION.matters, id)

/** The matter's audit records, oldest first. */
export async function auditsOf(backend: Backend, matterId: string): Promise<AuditRecord[]> {
  const { data } = await backend.db
    .collection(COLLECTION.auditLogs)
    .where({ subjectId: matterId })
    .orderBy('at', 'asc')
    .limit(1000)
    .get()
  return data as AuditRecord[]
}

/** Blows a whistle as CAST.committee (to 区水务局, tier danger unless told) and answers its view. */
export async function blow(
  backend: Backend,
  matterId: string,
  over: { departmentId?: string; tier?: string; note?: string; openid?: string } = {},
): Promise<WhistleView> {
  const res = await backend.call(over.openid ?? CAST.committee.openid, 'whistles', 'blowWhistle', {
    matterId,
    departmentId: over.departmentId ?? DEPT_WATER,
    tier: over.tier ?? 'danger',
    note: over.note ?? '',
  })
  if (!res.ok) throw new Error(JSON.stringify(res))
  return res.data as WhistleView
}

/** One run of the scheduler, as its timer trigger calls it (no caller). */
export function tick(backend: Backend) {
  return backend.emulator.invoke('scheduler', {}) as Promise<{
    ok: boolean
    data: { escalated: string[] }
  }>
}

export const HOUR = 3600e3

/** A staff record's OPENID (the fixtures' records are all claimed). */
export const op = (s: Staff): string => s.openid ?? 'openid-unclaimed'

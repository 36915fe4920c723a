/**
 * Matters and statements for the discussion tests, written straight into the emulator's database
 * (the way a seed does): most tests start from a statement that already exists instead of posting
 * one through the function.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Matter, MatterStatus } from '../../../types/model/matter'
import type { Statement } from '../../../types/model/statement'
import type { Backend } from './backend'
import { insert, member, VILLAGE_A } from './fixtures'

/** The stored fields of a matter the discussion function reads (the matters function owns the rest). */
export type MatterSeed = Pick<Matter, '_id' | 'villageId' | 'title' | 'status'> &
  Record<string, unknown>

export function matterIn(
  id: string,
  status: MatterStatus,
  villageId: string = VILLAGE_A,
  over: Record<string, unknown> = {},
): MatterSeed {
  const at = new Date('2026-02-01T00:00:00Z')
  return {
    _id: id,
    villageId,
    title: `事项${id}`,
    body: '内容',
    photos: [],
    origin: 'resident',
    urgent: false,
    status,
    raisedBy: 'res',
    raisedByName: '村民res',
    raisedAt: at,
    statusAt: { [status]: at },
    updatedAt: at,
    ...over,
  }
}

let seq = 0

/** A visible statement on `matterId` by `author`, posted `agoMs` before now (default: just now). */
export function statementBy(
  author: { _id: string; villageId: string; name: string },
  matterId: string,
  over: Partial<Statement> & { agoMs?: number } = {},
): Statement {
  const { agoMs = 0, ...rest } = over
  seq += 1
  return {
    _id: `st-${author._id}-${seq}`,
    villageId: author.villageId,
    matterId,
    authorId: author._id,
    authorName: author.name,
    text: `第 ${seq} 条发言`,
    at: new Date(Date.now() - agoMs),
    deleted: false,
    hidden: false,
    hiding: null,
    reports: [],
    ...rest,
  }
}

/** A verified member of village A outside the CAST, who writes the statements others act on. */
export const WRITER = member('wri', VILLAGE_A, ['resident'])

export function seedStatements(backend: Backend, statements: readonly Statement[]): void {
  insert(backend, COLLECTION.statements, statements)
}

/** Everything the discussion function may write, to compare before and after a refusal. */
export async function snapshot(backend: Backend): Promise<unknown> {
  return {
    statements: await backend.all(COLLECTION.statements),
    auditLogs: await backend.all(COLLECTION.auditLogs),
    matters: await backend.all(COLLECTION.matters),
  }
}

/**
 * Matters and statements for the discussion tests, written straight into the emulator's database
 * (the way a seed does): most tests start from a statement that already exists instead of posting
 * one through the function.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Matter, MatterStatus } from '../../../types/model/matter'
import type { Statement, StatementReport } from '../../../types/model/statement'
import { startBackend, TEST_NOW, type Backend } from './backend'
import { insert, member, seedCast, storedMatter, VILLAGE_A } from './fixtures'

export function matterIn(
  id: string,
  status: MatterStatus,
  villageId: string = VILLAGE_A,
  over: Partial<Matter> = {},
): Matter {
  return storedMatter(id, { status, villageId, ...over })
}

let seq = 0

/** A visible statement on `matterId` by `author`, posted `agoMs` before TEST_NOW (default: then). */
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
    at: new Date(TEST_NOW.getTime() - agoMs),
    deleted: false,
    hidden: false,
    ...rest,
  }
}

/** A verified member of village A outside the CAST, who writes the statements others act on. */
export const WRITER = member('wri', VILLAGE_A, ['resident'])

export function seedStatements(backend: Backend, statements: readonly Statement[]): void {
  insert(backend, COLLECTION.statements, statements)
}

/** Reports of `statement` by these members, made at `at` (default TEST_NOW), stored as the function stores them. */
export function seedReports(
  backend: Backend,
  statement: Pick<Statement, '_id' | 'villageId'>,
  memberIds: readonly string[],
  over: Partial<Pick<StatementReport, 'at' | 'reason'>> = {},
): void {
  insert(
    backend,
    COLLECTION.statementReports,
    memberIds.map((memberId) => ({
      _id: `${statement._id}_${memberId}`,
      villageId: statement.villageId,
      statementId: statement._id,
      memberId,
      reason: over.reason ?? '',
      at: over.at ?? TEST_NOW,
    })),
  )
}

export { snapshot } from './snapshot'

/** The matter every discussion test speaks on: open for deliberation. */
export const OPEN_MATTER = 'm-open'

/**
 * A back end for a discussion test file: the cast, WRITER, the open matter (plus `matters`), and
 * any statements already posted.
 */
export async function discussionBackend(
  seed: { matters?: Matter[]; statements?: readonly Statement[] } = {},
): Promise<Backend> {
  const backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.members, [WRITER])
  insert(backend, COLLECTION.matters, [
    matterIn(OPEN_MATTER, 'discussing'),
    ...(seed.matters ?? []),
  ])
  if (seed.statements) seedStatements(backend, seed.statements)
  return backend
}

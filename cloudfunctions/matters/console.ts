/** What the console (村务) and the run sheet (主持) share: the matters to close, read in one query. */
import type { Matter } from '../../types/model/matter'
import { closable, CONSOLE_LIST } from '../../domain/matters/rules'
import type { Database } from '../_shared/cloud'
import { queryMatters } from './repo'

/** Resolved matters whose rating window has ended (the moderator closes them), oldest first. */
export async function mattersToClose(
  db: Database,
  villageId: string,
  now: Date,
): Promise<Matter[]> {
  const resolved = await queryMatters(db, { villageId, status: 'resolved', limit: CONSOLE_LIST })
  return resolved.filter((m) => closable(m, now)).reverse()
}

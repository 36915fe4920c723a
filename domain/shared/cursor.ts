/**
 * The one cursor format of every list: the position of the last item shown, as the instant it is
 * sorted by and its id, `<epoch ms>_<id>` (the id breaks ties, so a page never repeats or skips an
 * item). Lists page with `orderBy` on (that instant, `_id`).
 */
import { DomainError } from './errors'

export interface Position {
  at: Date
  id: string
}

export function encodeCursor(at: Date | string, id: string): string {
  return `${new Date(at).getTime()}_${id}`
}

export const CURSOR_PATTERN = /^(\d{1,15})_([A-Za-z0-9_-]{1,64})$/

export function decodeCursor(cursor: string): Position {
  const m = CURSOR_PATTERN.exec(cursor)
  if (!m) throw new DomainError('INVALID_INPUT', '翻页位置不对')
  return { at: new Date(Number(m[1])), id: m[2] as string }
}

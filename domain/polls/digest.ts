/**
 * The canonical ballot list a poll's digest (计票摘要) is computed over, so that anyone holding the
 * exported ballots can recompute it: one UTF-8 line per ballot, `<key>,<choice>\n` (`key` = the
 * ballot id for a secret poll, the person id for an open one), and `paper,<choice>,<count>\n` per
 * confirmed paper count above zero; all lines sorted by plain JavaScript string comparison (UTF-16
 * code units) of the line without its `\n`. The SHA-256 over it is taken where `node:crypto` is
 * (cloudfunctions/_shared/digest.ts): domain code has no platform import.
 */
import { DomainError } from '../shared/errors'

export interface CanonicalBallot {
  key: string
  choice: string
}

export interface PaperCount {
  choice: string
  count: number
}

/** The first field of a paper count's line; no ballot key may be it. */
export const PAPER_KEY = 'paper'

/** A field may not hold what separates fields or lines, or the list could be read two ways. */
const SEPARATOR = /[,\r\n]/

function bad(detail: string): DomainError {
  return new DomainError('INVALID_INPUT', `计票清单有误：${detail}`)
}

function checkField(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || SEPARATOR.test(value)) {
    throw bad(`${what}“${String(value)}”不能为空，也不能含逗号或换行`)
  }
  return value
}

/** The list of lines, sorted, each ending in `\n`; empty for a poll without ballots. */
export function canonicalBallotLines(
  ballots: readonly CanonicalBallot[],
  paper: readonly PaperCount[],
): string {
  const lines: string[] = []
  const keys = new Set<string>()
  for (const b of ballots) {
    const key = checkField(b?.key, '选票编号')
    if (key === PAPER_KEY) throw bad(`选票编号不能是“${PAPER_KEY}”`)
    if (keys.has(key)) throw bad(`选票编号“${key}”出现了两次`)
    keys.add(key)
    lines.push(`${key},${checkField(b.choice, '选择')}`)
  }
  const choices = new Set<string>()
  for (const p of paper) {
    const choice = checkField(p?.choice, '纸质票的选择')
    if (choices.has(choice)) throw bad(`纸质票“${choice}”的票数出现了两次`)
    choices.add(choice)
    if (typeof p.count !== 'number' || !Number.isSafeInteger(p.count) || p.count < 0) {
      throw bad(`纸质票“${choice}”的票数“${String(p.count)}”应当是 0 或正整数`)
    }
    if (p.count > 0) lines.push(`${PAPER_KEY},${choice},${p.count}`)
  }
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return lines.map((l) => `${l}\n`).join('')
}

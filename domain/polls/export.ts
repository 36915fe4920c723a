/**
 * The ballots CSV every member can download from a closed poll, and its reader (used by
 * `npm run verify-tally`). A secret poll's file names no voter:
 *
 *     ballot,choice            person,name,choice        ← header (secret / open poll)
 *     3f9a…,yes                p12,王秀英,no             ← one row per online ballot
 *     paper,spoiled,1          paper,yes,12              ← one row per confirmed paper count > 0
 *
 * The digest is recomputed from the file alone: `<ballot or person>,<choice>` per ballot plus the
 * paper rows make the canonical list (./digest.ts). Names are not part of it. The file starts with
 * a byte-order mark and ends its lines with CRLF, so spreadsheet programs open the Chinese names
 * right; a name a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written after a `'`.
 */
import { csvFile, defuseFormula } from '../shared/csv'
import { DomainError } from '../shared/errors'
import { parseCsv } from '../village/csv'
import { countChoices, isBallotChoice } from './choices'
import { canonicalBallotLines, PAPER_KEY, type CanonicalBallot, type PaperCount } from './digest'

export const SECRET_HEADER = ['ballot', 'choice'] as const
export const OPEN_HEADER = ['person', 'name', 'choice'] as const

export interface SecretBallotRow {
  ballot: string
  choice: string
}

export interface OpenBallotRow {
  person: string
  name: string
  choice: string
}

export type BallotExport =
  | { secret: true; ballots: SecretBallotRow[]; paper: PaperCount[] }
  | { secret: false; ballots: OpenBallotRow[]; paper: PaperCount[] }

/** The CSV of a poll's ballots (UTF-8 text with a byte-order mark: ../shared/csv.ts). */
export function ballotsCsv(e: BallotExport): string {
  const rows: string[][] = []
  if (e.secret) {
    rows.push([...SECRET_HEADER])
    for (const b of e.ballots) rows.push([b.ballot, b.choice])
  } else {
    rows.push([...OPEN_HEADER])
    // Only the name is people's text; ids and choices are read back exactly, never defused.
    for (const b of e.ballots) rows.push([b.person, defuseFormula(b.name), b.choice])
  }
  for (const p of e.paper) if (p.count > 0) rows.push([PAPER_KEY, p.choice, String(p.count)])
  return csvFile(rows)
}

function bad(line: number, detail: string): DomainError {
  return new DomainError('INVALID_INPUT', `选票文件第 ${line} 行有误：${detail}`)
}

const sameRow = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Reads a ballots CSV back. Refuses, with the line, a file that is not one: an unknown header, a
 * row with the wrong number of fields, an unknown choice, a repeated ballot or paper count.
 */
export function parseBallotsCsv(text: string): BallotExport {
  const records = parseCsv(text)
  // A spreadsheet program may add empty lines at the end.
  while (records.length > 0 && records[records.length - 1].every((f) => f === '')) records.pop()
  if (records.length === 0)
    throw bad(1, '文件是空的，应当以“ballot,choice”或“person,name,choice”开头')
  const header = records[0]
  const secret = sameRow(header, SECRET_HEADER)
  if (!secret && !sameRow(header, OPEN_HEADER)) {
    throw bad(1, `表头“${header.join(',')}”不对，应当是“ballot,choice”或“person,name,choice”`)
  }
  const secretRows: SecretBallotRow[] = []
  const openRows: OpenBallotRow[] = []
  const paper: PaperCount[] = []
  const keys = new Set<string>()
  const paperChoices = new Set<string>()
  records.slice(1).forEach((r, i) => {
    const line = i + 2
    if (r[0] === PAPER_KEY) {
      if (r.length !== 3) throw bad(line, '纸质票一行应当是“paper,选择,票数”')
      const [, choice, count] = r
      if (!isBallotChoice(choice, true)) throw bad(line, `不认识的选择“${choice}”`)
      if (!/^[1-9]\d{0,8}$/.test(count)) throw bad(line, `票数“${count}”应当是正整数`)
      if (paperChoices.has(choice)) throw bad(line, `纸质票“${choice}”出现了两次`)
      paperChoices.add(choice)
      paper.push({ choice, count: Number(count) })
      return
    }
    const width = secret ? 2 : 3
    if (r.length !== width) throw bad(line, `应当有 ${width} 栏，现在有 ${r.length} 栏`)
    const key = r[0]
    const choice = r[width - 1]
    if (key.length === 0 || /[,\r\n]/.test(key)) throw bad(line, `编号“${key}”不对`)
    if (!isBallotChoice(choice)) throw bad(line, `不认识的选择“${choice}”`)
    if (keys.has(key)) throw bad(line, `编号“${key}”出现了两次`)
    keys.add(key)
    if (secret) secretRows.push({ ballot: key, choice })
    else openRows.push({ person: key, name: r[1], choice })
  })
  return secret
    ? { secret: true, ballots: secretRows, paper }
    : { secret: false, ballots: openRows, paper }
}

/** The canonical ballot list of an export: what its digest is computed over. */
export function exportCanonicalLines(e: BallotExport): string {
  const ballots: CanonicalBallot[] = e.secret
    ? e.ballots.map((b) => ({ key: b.ballot, choice: b.choice }))
    : e.ballots.map((b) => ({ key: b.person, choice: b.choice }))
  return canonicalBallotLines(ballots, e.paper)
}

export interface ExportCounts {
  kind: 'yesNo' | 'choice'
  /** Online ballots, paper ballots, all (= present). */
  online: number
  onPaper: number
  present: number
  /** yesNo: yes / no / abstain / spoiled. choice: votes per option id (`o1` …) and spoiled. */
  counts: Record<string, number>
}

/** The counts an export holds, online and paper together (./choices.ts `countChoices`). */
export function countExport(e: BallotExport): ExportCounts {
  const onPaper = e.paper.reduce((sum, p) => sum + p.count, 0)
  const totals = countChoices([
    ...e.ballots.map((b) => ({ choice: b.choice, count: 1 })),
    ...e.paper,
  ])
  return {
    kind: totals.kind,
    online: e.ballots.length,
    onPaper,
    present: totals.present,
    counts: totals.counts,
  }
}

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
import { SPOILED } from '../../types/model/poll'
import { DomainError } from '../shared/errors'
import { parseCsv } from '../village/csv'
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

const YES_NO = ['yes', 'no', 'abstain'] as const
const OPTION = /^o([1-9]|10)$/

/** `o1` … `o10` → 1 … 10; undefined for anything else. */
function optionNumber(id: string): number | undefined {
  return OPTION.test(id) ? Number(id.slice(1)) : undefined
}

/**
 * Whether `choice` is a stored choice: `yes` / `no` / `abstain`, or option ids ascending without
 * repeats joined by `+` (`o1+o3`). `spoiled` (废票) only on paper.
 */
export function isBallotChoice(choice: string, paper = false): boolean {
  if ((YES_NO as readonly string[]).includes(choice)) return true
  if (choice === SPOILED) return paper
  let last = 0
  for (const id of choice.split('+')) {
    const n = optionNumber(id)
    if (n === undefined || n <= last) return false
    last = n
  }
  return true
}

const FORMULA_START = /^[=+\-@\t\r]/

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`
}

/** The CSV of a poll's ballots (UTF-8 text with a byte-order mark). */
export function ballotsCsv(e: BallotExport): string {
  const rows: string[] = []
  if (e.secret) {
    rows.push(csvLine(SECRET_HEADER))
    for (const b of e.ballots) rows.push(csvLine([b.ballot, b.choice]))
  } else {
    rows.push(csvLine(OPEN_HEADER))
    for (const b of e.ballots) {
      const name = FORMULA_START.test(b.name) ? `'${b.name}` : b.name
      rows.push(csvLine([b.person, name, b.choice]))
    }
  }
  for (const p of e.paper)
    if (p.count > 0) rows.push(csvLine([PAPER_KEY, p.choice, String(p.count)]))
  return `\uFEFF${rows.join('')}`
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

/**
 * The counts an export holds, online and paper together. A choice ballot counts once for each
 * option it selects. A file mixing yesNo and choice ballots is refused.
 */
export function countExport(e: BallotExport): ExportCounts {
  const choices: { choice: string; n: number }[] = [
    ...e.ballots.map((b) => ({ choice: b.choice, n: 1 })),
    ...e.paper.map((p) => ({ choice: p.choice, n: p.count })),
  ]
  const isYesNo = (c: string) => (YES_NO as readonly string[]).includes(c)
  const yesNo = choices.some((c) => isYesNo(c.choice))
  const choice = choices.some((c) => !isYesNo(c.choice) && c.choice !== SPOILED)
  if (yesNo && choice) {
    throw new DomainError('INVALID_INPUT', '选票文件有误：同一个文件里既有赞成/反对票，又有选项票')
  }
  const counts: Record<string, number> = yesNo || !choice ? { yes: 0, no: 0, abstain: 0 } : {}
  let spoiled = 0
  for (const c of choices) {
    if (c.choice === SPOILED) spoiled += c.n
    else if (isYesNo(c.choice)) counts[c.choice] += c.n
    else for (const id of c.choice.split('+')) counts[id] = (counts[id] ?? 0) + c.n
  }
  const ordered: Record<string, number> = {}
  for (const k of Object.keys(counts).sort(
    (a, b) => (optionNumber(a) ?? 0) - (optionNumber(b) ?? 0),
  )) {
    ordered[k] = counts[k]
  }
  ordered[SPOILED] = spoiled
  const onPaper = e.paper.reduce((s, p) => s + p.count, 0)
  return {
    kind: choice ? 'choice' : 'yesNo',
    online: e.ballots.length,
    onPaper,
    present: e.ballots.length + onPaper,
    counts: ordered,
  }
}

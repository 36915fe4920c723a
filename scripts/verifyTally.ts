// npm run verify-tally -- <export.csv> <digest>
// Checks a poll's downloaded ballots (the CSV every member can export from a closed poll) against
// the digest (计票摘要) published with its result: recomputes the digest and the counts from the
// file alone and says in plain words whether they match. Exit 0: they match; 1: they do not;
// 2: the file or the digest cannot be read.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { sha256Hex } from '../cloudfunctions/_shared/digest'
import {
  countExport,
  exportCanonicalLines,
  parseBallotsCsv,
  type ExportCounts,
} from '../domain/polls/export'
import { DomainError } from '../domain/shared/errors'

export const MATCH = 0
export const MISMATCH = 1
export const BAD_FILE = 2

export interface Verification {
  exitCode: typeof MATCH | typeof MISMATCH | typeof BAD_FILE
  /** What to tell the person, in Chinese, line by line. */
  lines: string[]
}

const USAGE = '用法：npm run verify-tally -- <导出的选票文件.csv> <公布的计票摘要>'

function describeCounts(c: ExportCounts): string {
  const { spoiled, ...votes } = c.counts
  const parts =
    c.kind === 'yesNo'
      ? [`赞成 ${votes.yes} 票`, `反对 ${votes.no} 票`, `弃权 ${votes.abstain} 票`]
      : Object.entries(votes).map(([id, n]) => `选项 ${id} 得 ${n} 票`)
  return `计票：${[...parts, `废票 ${spoiled} 张`].join('，')}；共 ${c.present} 人投票（网上 ${c.online} 张，纸质 ${c.onPaper} 张）。`
}

/** Verifies the text of an export against a published digest. */
export function verifyTally(csvText: string, publishedDigest: string): Verification {
  const digest = publishedDigest.trim().toLowerCase()
  if (!/^[0-9a-f]{64}$/.test(digest)) {
    return {
      exitCode: BAD_FILE,
      lines: [`公布的计票摘要“${publishedDigest}”格式不对：应当是 64 位十六进制数字（0-9、a-f）。`],
    }
  }
  let computed: string
  let counts: ExportCounts
  let secret: boolean
  try {
    const e = parseBallotsCsv(csvText)
    secret = e.secret
    counts = countExport(e)
    computed = sha256Hex(exportCanonicalLines(e))
  } catch (err) {
    if (err instanceof DomainError) {
      return { exitCode: BAD_FILE, lines: [`读不懂这个选票文件：${err.message}`] }
    }
    throw err
  }
  const lines = [
    `${secret ? '不记名投票' : '记名投票'}的选票文件。`,
    describeCounts(counts),
    `由文件算出的计票摘要：${computed}`,
    `公布的计票摘要：      ${digest}`,
  ]
  if (computed === digest) {
    lines.push('一致：这份选票文件与公布的计票摘要相符，上面的票数就是这次投票的票数。')
    return { exitCode: MATCH, lines }
  }
  lines.push(
    '不一致：这份选票文件与公布的计票摘要不符。文件可能被改动过，或者不是这次投票的选票；请向村委会要一份原始文件，或请乡镇核查。',
  )
  return { exitCode: MISMATCH, lines }
}

/** Runs the command line: `[file, digest]`. */
export function main(args: readonly string[]): Verification {
  if (args.length !== 2) return { exitCode: BAD_FILE, lines: [USAGE] }
  const [file, digest] = args
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return { exitCode: BAD_FILE, lines: [`打不开文件“${file}”。`, USAGE] }
  }
  return verifyTally(text, digest)
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename
if (isMain) {
  const result = main(process.argv.slice(2))
  const out = result.exitCode === BAD_FILE ? console.error : console.log
  for (const line of result.lines) out(line)
  process.exitCode = result.exitCode
}

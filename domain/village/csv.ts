/**
 * A small CSV reader (RFC 4180): comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes (""), lines end with CRLF, LF or CR, a leading byte-order mark is
 * dropped. What spreadsheet programs write when a register is saved as CSV.
 */
import { DomainError } from '../shared/errors'

/** The records of `text`, each a list of its fields (untrimmed). A final empty line is no record. */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endField = () => {
    record.push(field)
    field = ''
  }
  const endRecord = () => {
    endField()
    records.push(record)
    record = []
  }
  while (i < s.length) {
    const c = s[i]
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i += 1
        continue
      }
      field += c
      i += 1
      continue
    }
    if (c === '"' && field.length === 0) {
      quoted = true
    } else if (c === ',') {
      endField()
    } else if (c === '\r' || c === '\n') {
      endRecord()
      if (c === '\r' && s[i + 1] === '\n') i += 1
    } else {
      field += c
    }
    i += 1
  }
  if (quoted) {
    throw new DomainError(
      'INVALID_INPUT',
      `表格第 ${records.length + 1} 行的引号没有配对，请检查后重新导入`,
    )
  }
  if (field.length > 0 || record.length > 0) endRecord()
  return records
}

/**
 * Writing CSV files people open in a spreadsheet program (the ballots of a poll, the township's
 * ledger): the one place fields are quoted and formulas defused. Reading is ../village/csv.ts.
 *
 * - A field holding a comma, a double quote or a line break, or starting or ending with a space,
 *   goes in double quotes, its quotes doubled (RFC 4180).
 * - Lines end with CRLF, and the file starts with a byte-order mark: without it Excel on Windows
 *   reads UTF-8 as the local code page and the Chinese comes out garbled; with it, Excel, WPS and
 *   Numbers all read it right (and ../village/csv.ts drops it when a file is read back).
 * - `defuseFormula`: a text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a
 *   carriage return first) is written after a `'`, which spreadsheets show as plain text. Apply it
 *   to every text that came from people; not to a field a program reads back exactly (an id).
 */

export const BOM = '\uFEFF'

const FORMULA_START = /^[=+\-@\t\r]/

/** `value` as a spreadsheet shows it and never runs it. */
export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** One field, quoted when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** One record and its CRLF. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`
}

/** A whole file: the byte-order mark, then every record. */
export function csvFile(records: readonly (readonly string[])[]): string {
  return `${BOM}${records.map(csvLine).join('')}`
}

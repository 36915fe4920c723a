/**
 * The household register (户籍名册) a committee imports as CSV: one row per person with the
 * columns 户号, 户主, 姓名, 是否成年. Rows are checked one by one; the good ones are grouped into
 * households, and a plan says which stored households to write so that importing the same file
 * twice changes nothing.
 */
import type { Household, VillageCounts } from '../../types/model/member'
import type { ImportRowReport } from '../../types/api/village'
import { DomainError } from '../shared/errors'
import { charCount } from '../shared/validate'
import { normalizeText } from '../shared/text'
import { parseCsv } from './csv'

export const HOUSEHOLD_COLUMNS = {
  number: '户号',
  head: '户主',
  person: '姓名',
  adult: '是否成年',
} as const

export const IMPORT_LIMITS = {
  /** People (data rows) in one file. */
  rows: 2000,
  /** Characters in one file (about 200 KB). */
  chars: 200_000,
  /** A person's or a household head's name. */
  name: 20,
} as const

/** 户号: letters, digits and '-', so that `<villageId>_<number>` is a document id. */
export const HOUSEHOLD_NO = /^[A-Za-z0-9-]{1,20}$/
export const HOUSEHOLD_NO_MESSAGE = '户号只能由数字、字母和“-”组成，最多 20 个字符'

const ADULT = { 是: true, 否: false } as const

/** One person as the imported file describes them (是否成年 kept per person). */
export interface ImportedPerson {
  name: string
  adult: boolean
}

/** A household as it is stored: its 户号, 户主, people's names and adult count, its 户代表. */
export interface HouseholdSummary {
  number: string
  head: string
  people: string[]
  adults: number
  /** 户代表, carried over from the stored household while that person stays on the register. */
  voterPersonId?: string
}

/** A household as the imported file describes it (`people` and `adults` summarise `persons`). */
export interface ImportedHousehold extends HouseholdSummary {
  persons: ImportedPerson[]
}

export interface ReadRegister {
  rows: ImportRowReport[]
  households: ImportedHousehold[]
}

function invalid(message: string): never {
  throw new DomainError('INVALID_INPUT', message)
}

/** A name cell through the one text normalisation, then its emptiness and length. */
function readName(label: string, raw: string): { name: string } | { problem: string } {
  const result = normalizeText(raw, label)
  if (!result.ok) return { problem: result.message }
  if (result.text === '') return { problem: `${label}是空的` }
  if (charCount(result.text) > IMPORT_LIMITS.name) {
    return { problem: `${label}超过 ${IMPORT_LIMITS.name} 个字` }
  }
  return { name: result.text }
}

/**
 * Reads a register. A file that cannot be read as a whole (too large, no header, a column
 * missing, no rows) throws INVALID_INPUT; a bad row is reported and skipped.
 */
export function readHouseholdCsv(csv: string): ReadRegister {
  if (csv.length > IMPORT_LIMITS.chars) {
    invalid(`文件太大了：最多 ${IMPORT_LIMITS.rows} 行、约 200 KB，请分成几个文件导入`)
  }
  const records = parseCsv(csv)
  const header = (records[0] ?? []).map((h) => h.trim())
  const at = {} as Record<keyof typeof HOUSEHOLD_COLUMNS, number>
  for (const [key, title] of Object.entries(HOUSEHOLD_COLUMNS) as Array<
    [keyof typeof HOUSEHOLD_COLUMNS, string]
  >) {
    const index = header.indexOf(title)
    if (index < 0)
      invalid(`第一行应当是表头，缺少“${title}”这一列（需要：户号、户主、姓名、是否成年）`)
    at[key] = index
  }
  const data = records.slice(1)
  const blank = (r: string[]) => r.every((cell) => cell.trim() === '')
  const count = data.filter((r) => !blank(r)).length
  if (count === 0) invalid('表格里除了表头没有内容')
  if (count > IMPORT_LIMITS.rows) {
    invalid(`表格有 ${count} 行，一次最多导入 ${IMPORT_LIMITS.rows} 行，请分成几个文件导入`)
  }

  const rows: ImportRowReport[] = []
  const byNumber = new Map<
    string,
    ImportedHousehold & { headRow: number; seen: Map<string, number> }
  >()
  data.forEach((record, index) => {
    const row = index + 2
    if (blank(record)) return
    const cell = (key: keyof typeof HOUSEHOLD_COLUMNS) => (record[at[key]] ?? '').trim()
    const number = cell('number')
    const headName = readName('户主', cell('head'))
    const personName = readName('姓名', cell('person'))
    const adultText = cell('adult')
    const reject = (reason: string) => rows.push({ row, ok: false, reason })
    if (number === '') return reject('户号是空的')
    if (!HOUSEHOLD_NO.test(number)) return reject(HOUSEHOLD_NO_MESSAGE)
    if ('problem' in headName) return reject(headName.problem)
    if ('problem' in personName) return reject(personName.problem)
    const head = headName.name
    const person = personName.name
    if (!(adultText in ADULT)) return reject('“是否成年”应当填“是”或“否”')
    const adult = ADULT[adultText as keyof typeof ADULT]
    const known = byNumber.get(number)
    if (known && known.head !== head) {
      return reject(`户主“${head}”与第 ${known.headRow} 行的户主“${known.head}”不一致`)
    }
    const earlier = known?.seen.get(person)
    if (earlier !== undefined) return reject(`与第 ${earlier} 行重复：同一户里已有“${person}”`)
    const household = known ?? {
      number,
      head,
      people: [],
      adults: 0,
      persons: [],
      headRow: row,
      seen: new Map<string, number>(),
    }
    household.people.push(person)
    household.persons.push({ name: person, adult })
    household.seen.set(person, row)
    if (adult) household.adults += 1
    byNumber.set(number, household)
    rows.push({ row, ok: true })
  })
  const households = [...byNumber.values()].map(({ number, head, people, adults, persons }) => ({
    number,
    head,
    people,
    adults,
    persons,
  }))
  return { rows, households }
}

/** The stored document id of a household: one per village and 户号, so imports are idempotent. */
export function householdId(villageId: string, number: string): string {
  return `${villageId}_${number}`
}

export interface ImportPlan {
  /** Documents to write (whole), new or changed. */
  writes: Household[]
  created: number
  updated: number
  unchanged: number
  /** Adults and households over the village's whole register after the writes. */
  counts: Pick<VillageCounts, 'adults' | 'households'>
}

function same(a: Household, b: Household): boolean {
  return (
    a.villageId === b.villageId &&
    a.number === b.number &&
    a.head === b.head &&
    a.adults === b.adults &&
    a.voterPersonId === b.voterPersonId &&
    a.adultsUnknown === b.adultsUnknown &&
    a.people.length === b.people.length &&
    a.people.every((p, i) => p === b.people[i])
  )
}

/**
 * What an import changes: each imported household replaces the stored one of the same 户号
 * (households the file does not mention stay as they are). A re-imported household loses the
 * migration's `adultsUnknown` mark: the file now says who is adult.
 */
export function planHouseholdImport(
  villageId: string,
  existing: readonly Household[],
  imported: readonly HouseholdSummary[],
): ImportPlan {
  const stored = new Map(existing.map((h) => [h.number, h]))
  const plan: ImportPlan = {
    writes: [],
    created: 0,
    updated: 0,
    unchanged: 0,
    counts: { adults: 0, households: 0 },
  }
  for (const h of imported) {
    const next: Household = {
      _id: householdId(villageId, h.number),
      villageId,
      number: h.number,
      head: h.head,
      people: h.people,
      adults: h.adults,
      ...(h.voterPersonId ? { voterPersonId: h.voterPersonId } : {}),
    }
    const before = stored.get(h.number)
    if (before && same(before, next)) {
      plan.unchanged += 1
      continue
    }
    if (before) plan.updated += 1
    else plan.created += 1
    plan.writes.push(next)
    stored.set(h.number, next)
  }
  for (const h of stored.values()) {
    plan.counts.households += 1
    plan.counts.adults += h.adults
  }
  return plan
}

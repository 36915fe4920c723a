/**
 * Offline check that the declaration and the code agree (issue #13, point 6): every collection the
 * code names is declared in cloudfunctions/_shared/collections.ts, every query it makes is served
 * by a declared index, and every function declared in deploy/declaration.ts has its folder under
 * cloudfunctions/ and the other way round. The code is read, not run (deploy/checks/queries.ts:
 * what it reads and how); the files are the functions' (`cloudfunctions/**`), the scripts' and the
 * deploy tooling's.
 *
 * The rules:
 * - The collection is a string literal naming a declared collection, or `COLLECTION.<key>` with
 *   <key> a key of COLLECTION, or `c.name` where `c` runs over the declaration itself. Any other
 *   name (a variable the scanner cannot follow to one of these) is reported, unless its file is
 *   excused below, with its reason.
 * - A query is served, with its filter as each variant it can take (both sides of `a ? f : g`),
 *   when one of these holds:
 *   1. it goes by document id: `.doc(id)`, or `_id` pinned (`_id: id`, `_id: _.in(ids)`);
 *   2. it has no filter and no sort but `_id` (it reads every document, in the `_id` index's
 *      order), or bounds only `_id` and sorts on nothing else;
 *   3. a unique index has every key pinned (at most one document matches);
 *   4. a declared index's keys begin with fields the query pins (one or several, in any order;
 *      none only when the query pins nothing), followed by its sort fields in the order it sorts
 *      on them, each in the index's direction or each in the opposite one (the index read
 *      backwards). With no sort, the index must begin with a pinned field, or, when the query
 *      pins nothing, with a field it bounds (`_.gt`, `_.exists`, a regular expression…). Pinned
 *      fields the index does not hold are then filtered on the documents the index found: the
 *      check asks that no query reads a whole collection or sorts one, not that each has an index
 *      of its own.
 *   `_id` in a sort is left out: the pagers sort on it only to break ties after their real sort
 *   field, and `allWhere` pages a filtered set by `_id` (the documents its filter's index found).
 * - A query the scanner cannot read (a filter built somewhere it cannot follow) is reported, as
 *   is a query no index serves, unless its file is excused below, with its reason. An excuse that
 *   excuses nothing is reported too, so the list stays true.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  COLLECTION,
  COLLECTIONS,
  type CollectionDeclaration,
  type IndexDeclaration,
} from '../../cloudfunctions/_shared/collections'
import { functionNames } from '../../scripts/build-functions'
import { FUNCTIONS, type FunctionDeclaration } from '../declaration'
import { scanQueries, type Filter, type Query, type SortKey } from './queries'

const ROOT = path.resolve(__dirname, '../..')

export type ProblemKind = 'undeclared' | 'unresolved' | 'unserved'

/** A file whose problems of one kind are accepted, and why. */
export interface Excuse {
  /** Relative to the root: the file of the query, or of a call that gave it its arguments. */
  readonly file: string
  readonly problem: ProblemKind
  readonly reason: string
}

export const EXCUSED: readonly Excuse[] = [
  {
    file: 'scripts/bench.ts',
    problem: 'undeclared',
    reason: 'benchmarks the emulator on throwaway collections of its own (small, big)',
  },
  {
    file: 'scripts/seed.ts',
    problem: 'unresolved',
    reason:
      'writes the demo documents by id from a table of (COLLECTION.<key>, documents) pairs: no index is involved',
  },
  {
    file: 'cloudfunctions/discussion/migrateStatementReports.ts',
    problem: 'unserved',
    reason: 'a migration: reads, once, every statement still holding the old `reports` list',
  },
  {
    file: 'cloudfunctions/matters/migrateRatingEntries.ts',
    problem: 'unserved',
    reason: 'a migration: rewrites, once, the audit records of the old rating entries',
  },
  {
    file: 'cloudfunctions/township/migrateRollups.ts',
    problem: 'unserved',
    reason:
      'a migration: reads, once per deploy, each village’s ratings and whistles to recount its dashboards’ rollups',
  },
  {
    file: 'scripts/migrate.ts',
    problem: 'unserved',
    reason: 'a migration: clears, once, a null `hiding` on every statement',
  },
]

export interface DriftOptions {
  /** The folder `files` are relative to (and problems name files from). */
  readonly root: string
  readonly files: readonly string[]
  readonly collections: readonly CollectionDeclaration[]
  /** COLLECTION: the keys code writes `COLLECTION.<key>` with, and the names they stand for. */
  readonly names: Readonly<Record<string, string>>
  readonly excused: readonly Excuse[]
}

/** Every `.ts` file under `dir` (relative to `root`), or only its own with `deep` false. */
const tsFiles = (root: string, dir: string, deep = true): string[] => {
  const at = path.join(root, dir)
  if (!fs.existsSync(at)) return []
  return fs
    .readdirSync(at, { withFileTypes: true })
    .flatMap((d) => {
      const rel = `${dir}/${d.name}`
      if (d.isDirectory()) return deep && d.name !== 'node_modules' ? tsFiles(root, rel) : []
      return /\.ts$/.test(d.name) && !/\.d\.ts$/.test(d.name) ? [rel] : []
    })
    .sort()
}

/** The code that queries the database: the functions, the scripts, the deploy tooling. */
export const sourceFiles = (root: string = ROOT): string[] => [
  ...tsFiles(root, 'cloudfunctions'),
  ...tsFiles(root, 'scripts', false),
  ...tsFiles(root, 'deploy'),
]

const withoutId = (sort: readonly SortKey[]): SortKey[] => sort.filter((k) => k.field !== '_id')

/**
 * Whether the index serves the query by rule 4: its keys begin with pinned fields, then the sort
 * fields in order (all in its direction or all reversed); with no sort, it begins with a field
 * the query pins or bounds.
 */
const serves = (index: IndexDeclaration, filter: Filter, sort: readonly SortKey[]): boolean => {
  const keys = index.keys
  if (sort.length === 0) {
    const first = keys[0]?.field
    if (first === undefined) return false
    return filter.pinned.length > 0 ? filter.pinned.includes(first) : filter.ranges.includes(first)
  }
  let pinnedPrefix = 0
  while (pinnedPrefix < keys.length && filter.pinned.includes(keys[pinnedPrefix].field)) {
    pinnedPrefix += 1
  }
  // An index that begins with none of the pinned fields would be read whole, in sort order.
  const fewest = filter.pinned.length > 0 ? 1 : 0
  for (let k = pinnedPrefix; k >= fewest; k -= 1) {
    const rest = keys.slice(k, k + sort.length)
    if (rest.length < sort.length) continue
    if (!rest.every((key, i) => key.field === sort[i].field)) continue
    const same = rest.every((key, i) => key.direction === sort[i].direction)
    const reversed = rest.every((key, i) => key.direction === -sort[i].direction)
    if (same || reversed) return true
  }
  return false
}

/** How the query is served (by id, by every document, by an index's name), or undefined. */
export const servedBy = (
  collection: CollectionDeclaration,
  filter: Filter | undefined,
  rawSort: readonly SortKey[],
  byDoc = false,
): string | undefined => {
  if (byDoc || filter?.pinned.includes('_id')) return 'by id'
  const sort = withoutId(rawSort)
  const fields = filter ? [...filter.pinned, ...filter.ranges] : []
  if (sort.length === 0 && fields.every((f) => f === '_id')) return 'the _id index'
  const f = filter ?? { pinned: [], ranges: [] }
  for (const index of collection.indexes) {
    if (index.unique && index.keys.every((k) => f.pinned.includes(k.field))) return index.name
  }
  return collection.indexes.find((index) => serves(index, f, sort))?.name
}

const describe = (filter: Filter | undefined, sort: readonly SortKey[]): string => {
  const parts: string[] = []
  if (filter?.pinned.length) parts.push(`pins ${filter.pinned.join(', ')}`)
  if (filter?.ranges.length) parts.push(`bounds ${filter.ranges.join(', ')}`)
  if (sort.length) {
    parts.push(
      `sorts ${sort.map((k) => `${k.field} ${k.direction === 1 ? 'asc' : 'desc'}`).join(', ')}`,
    )
  }
  return parts.length ? parts.join('; ') : 'no filter'
}

const place = (q: Query): string =>
  q.via.length ? `${q.at} (called from ${q.via.join(', from ')})` : q.at

const fileOf = (at: string): string => at.replace(/:\d+$/, '')

interface Problem {
  readonly kind: ProblemKind
  readonly query: Query
  readonly text: string
}

/** What the queries of `files` get wrong about the declaration, one line each (none: all good). */
export const checkQueries = (options: DriftOptions): string[] => {
  const problems: Problem[] = []
  const add = (kind: ProblemKind, query: Query, what: string): void => {
    problems.push({ kind, query, text: `${place(query)}: ${what}` })
  }
  const seen = new Set<string>()
  for (const q of scanQueries(options.root, options.files)) {
    if (q.unresolved !== undefined) {
      add('unresolved', q, `cannot tell ${q.unresolved} statically`)
      continue
    }
    const ref = q.collection
    if (!ref || ref.kind === 'declaration' || !q.reads) continue
    const name = ref.kind === 'key' ? options.names[ref.key] : ref.name
    const declared = options.collections.find((c) => c.name === name)
    if (!declared) {
      add(
        'undeclared',
        q,
        ref.kind === 'key'
          ? `COLLECTION.${ref.key} is not a key of COLLECTION`
          : `collection '${ref.name}' is not declared in cloudfunctions/_shared/collections.ts`,
      )
      continue
    }
    const variants = q.filters.length ? q.filters : [undefined]
    for (const filter of variants) {
      if (servedBy(declared, filter, q.sort, q.byDoc) !== undefined) continue
      const text = describe(filter, q.sort)
      const key = `${place(q)} ${text}`
      if (seen.has(key)) continue
      seen.add(key)
      add(
        'unserved',
        q,
        `no declared index of ${declared.name} serves this query (${text}); ` +
          `its indexes: ${declared.indexes.map((i) => i.name).join(', ') || 'none'}`,
      )
    }
  }
  const excuseFor = (p: Problem): Excuse | undefined =>
    options.excused.find(
      (e) =>
        e.problem === p.kind && [p.query.at, ...p.query.via].some((at) => fileOf(at) === e.file),
    )
  const out = problems.filter((p) => !excuseFor(p)).map((p) => p.text)
  for (const e of options.excused) {
    if (!problems.some((p) => excuseFor(p) === e)) {
      out.push(`${e.file}: excused for ${e.problem} queries (${e.reason}) but has none: drop it`)
    }
  }
  return out
}

/**
 * Every function declared has its folder under `src` (with its `index.ts`), and every folder there
 * is a declared function (folders starting with `_` are shared code). The built bundles are
 * checked against the declaration by deploy/checks/bundles.ts; this is the source side.
 */
export const checkFunctionFolders = (
  src: string = path.join(ROOT, 'cloudfunctions'),
  functions: readonly FunctionDeclaration[] = FUNCTIONS,
): string[] => {
  const folders = fs
    .readdirSync(src, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort()
  const withIndex = functionNames(src)
  const problems: string[] = []
  for (const name of folders) {
    if (!functions.some((f) => f.name === name)) {
      problems.push(
        `cloudfunctions/${name}/: a function folder deploy/declaration.ts does not declare`,
      )
    }
  }
  for (const f of functions) {
    if (!folders.includes(f.name)) {
      problems.push(`cloudfunctions/${f.name}/: declared in deploy/declaration.ts, no such folder`)
    } else if (!withIndex.includes(f.name)) {
      problems.push(`cloudfunctions/${f.name}/index.ts: missing (the function’s entry)`)
    }
  }
  return problems
}

/** The check on the real tree: its queries against the declaration, its function folders. */
export const checkDeclarationDrift = (root: string = ROOT): string[] => [
  ...checkQueries({
    root,
    files: sourceFiles(root),
    collections: COLLECTIONS,
    names: COLLECTION,
    excused: EXCUSED,
  }),
  ...checkFunctionFolders(path.join(root, 'cloudfunctions')),
]

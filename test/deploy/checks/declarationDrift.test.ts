/**
 * The declaration-drift check (deploy/checks/declarationDrift.ts): the real tree passes; small
 * files written into a temporary folder, checked against a small declaration of their own, each
 * pass or fail as written here by hand — an undeclared collection (by COLLECTION key and by string
 * literal), a sort no index serves, a bounded field that cannot lead an index, a unique index
 * with every key pinned, `.doc(id)` and `_id` needing no index, a helper read at its callers, a
 * name the scanner cannot follow (and its excuse, and a stale excuse), a loop over the declaration;
 * and function folders against the declared functions.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CollectionDeclaration, IndexKey } from '../../../cloudfunctions/_shared/collections'
import {
  checkDeclarationDrift,
  checkFunctionFolders,
  checkQueries,
  type Excuse,
} from '../../../deploy/checks/declarationDrift'
import { scanQueries } from '../../../deploy/checks/queries'
import { FUNCTIONS, type FunctionDeclaration } from '../../../deploy/declaration'

const ROOT = path.resolve(__dirname, '../../..')

const key = (field: string, direction: 1 | -1 = 1): IndexKey => ({ field, direction })

/** The fixtures' declaration: notes by owner and time, users unique per village and role. */
const DECLARED: readonly CollectionDeclaration[] = [
  {
    name: 'notes',
    indexes: [
      { name: 'owner_at', keys: [key('owner'), key('at', -1)] },
      { name: 'status', keys: [key('status')] },
    ],
  },
  {
    name: 'users',
    indexes: [{ name: 'villageId_role', unique: true, keys: [key('villageId'), key('role')] }],
  },
  { name: 'tags', indexes: [] },
  {
    name: 'events',
    indexes: [
      { name: 'kind', keys: [key('kind')] },
      { name: 'at', keys: [key('at')] },
    ],
  },
]
const NAMES = { notes: 'notes', users: 'users', tags: 'tags', events: 'events' }

/** Lines 1–3 of every fixture; its queries start on line 4. */
const PREAMBLE = [
  "const COLLECTION = { notes: 'notes', users: 'users', tags: 'tags' } as const",
  'declare const db: any',
  'declare const _: any',
]

let tmp: string
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-drift-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

let cases = 0
/** The problems of one fixture (`name.ts`, lines after the preamble). */
const check = (name: string, lines: string[], excused: readonly Excuse[] = []): string[] => {
  const dir = path.join(tmp, `case${(cases += 1)}`)
  fs.mkdirSync(dir)
  fs.writeFileSync(path.join(dir, `${name}.ts`), [...PREAMBLE, ...lines, ''].join('\n'))
  return checkQueries({
    root: dir,
    files: [`${name}.ts`],
    collections: DECLARED,
    names: NAMES,
    excused,
  })
}

describe('checkDeclarationDrift on the real tree', () => {
  it('passes: every query of the functions, scripts and deploy tooling is served', () => {
    expect(checkDeclarationDrift()).toEqual([])
  })

  it('reads the queries it checks (a few of them, as the code writes them)', () => {
    const files = ['cloudfunctions/_shared/polls.ts', 'cloudfunctions/polls/repo.ts']
    const found = scanQueries(ROOT, files).filter((q) => q.reads && !q.byDoc)
    const byPlace = (at: string, via?: string) =>
      found.find((q) => q.at === at && (via === undefined || q.via[0] === via))
    // pollsOfMatter: where({ matterId }).orderBy('createdAt', 'desc')
    expect(byPlace('cloudfunctions/_shared/polls.ts:34')).toMatchObject({
      collection: { kind: 'key', key: 'polls' },
      filters: [{ pinned: ['matterId'], ranges: [] }],
      sort: [{ field: 'createdAt', direction: -1 }],
    })
    // votersOf → readAll(db, COLLECTION.pollVoters, { pollId }, …, { personId: 1 })
    expect(
      byPlace('cloudfunctions/polls/repo.ts:159', 'cloudfunctions/polls/repo.ts:262'),
    ).toMatchObject({
      collection: { kind: 'key', key: 'pollVoters' },
      filters: [{ pinned: ['pollId'], ranges: [] }],
      sort: [{ field: 'personId', direction: 1 }],
    })
    // duePolls: where({ status: 'open', closesAt: _.lte(before) }).orderBy('closesAt', 'asc')
    expect(byPlace('cloudfunctions/polls/repo.ts:85')).toMatchObject({
      filters: [{ pinned: ['status'], ranges: ['closesAt'] }],
      sort: [{ field: 'closesAt', direction: 1 }],
    })
  })
})

describe('checkQueries: collections', () => {
  it('names a COLLECTION key that is not declared', () => {
    expect(
      check('undeclaredKey', [
        'db.collection(COLLECTION.notes).where({ owner: 1 }).get()',
        'db.collection(COLLECTION.memos).where({ owner: 1 }).get()',
      ]),
    ).toEqual(['undeclaredKey.ts:5: COLLECTION.memos is not a key of COLLECTION'])
  })

  it('names a string literal that is not a declared collection', () => {
    expect(
      check('undeclaredLiteral', [
        "db.collection('notes').where({ status: 'open' }).count()",
        "db.collection('memos').get()",
      ]),
    ).toEqual([
      "undeclaredLiteral.ts:5: collection 'memos' is not declared in cloudfunctions/_shared/collections.ts",
    ])
  })

  it('names a collection it cannot follow, unless its file is excused; and a stale excuse', () => {
    const lines = [
      'declare function pick(): string',
      'const name = pick()',
      'db.collection(name).doc("x").get()',
    ]
    expect(check('unresolved', lines)).toEqual([
      'unresolved.ts:6: cannot tell the collection pick() statically',
    ])
    const excuse: Excuse = { file: 'unresolved.ts', problem: 'unresolved', reason: 'a test' }
    expect(check('unresolved', lines, [excuse])).toEqual([])
    expect(check('unresolved', ["db.collection('tags').doc('x').get()"], [excuse])).toEqual([
      'unresolved.ts: excused for unresolved queries (a test) but has none: drop it',
    ])
  })

  it('accepts a loop over the declaration itself', () => {
    expect(
      check('loop', [
        'declare const COLLECTIONS: Array<{ name: string }>',
        'for (const c of COLLECTIONS) db.collection(c.name).where({ any: 1 }).remove()',
      ]),
    ).toEqual([])
  })
})

describe('checkQueries: indexes', () => {
  it('names a where + orderBy no index serves; the index read either way serves its field', () => {
    expect(
      check('sort', [
        "db.collection('notes').where({ owner: 'u1' }).orderBy('at', 'desc').get()",
        "db.collection('notes').where({ owner: 'u1' }).orderBy('at', 'asc').get()",
        "db.collection('notes').where({ owner: 'u1' }).orderBy('title', 'asc').get()",
        "db.collection('notes').where({ status: 'open' }).orderBy('at', 'desc').get()",
      ]),
    ).toEqual([
      'sort.ts:6: no declared index of notes serves this query (pins owner; sorts title asc); its indexes: owner_at, status',
      'sort.ts:7: no declared index of notes serves this query (pins status; sorts at desc); its indexes: owner_at, status',
    ])
  })

  it('takes a command field as bounded: it may follow the pinned ones, never stand for them', () => {
    expect(
      check('commands', [
        "db.collection('notes').where({ at: _.gt(1), owner: 'u1' }).orderBy('at', 'desc').get()",
        "db.collection('notes').where({ status: _.in(['open', 'done']) }).count()",
        "db.collection('notes').where({ owner: _.neq('u1') }).orderBy('at', 'desc').get()",
        "db.collection('notes').where({ owner: _.exists(true), status: 'open' }).get()",
        "db.collection('notes').where({ title: db.RegExp({ regexp: 'a' }) }).get()",
      ]),
    ).toEqual([
      'commands.ts:6: no declared index of notes serves this query (bounds owner; sorts at desc); its indexes: owner_at, status',
      'commands.ts:8: no declared index of notes serves this query (bounds title); its indexes: owner_at, status',
    ])
  })

  it('refuses an index that begins with the sort field but none of the pinned ones', () => {
    expect(
      check('sortOnly', [
        "db.collection('events').where({ kind: 'x' }).orderBy('at', 'asc').get()",
        "db.collection('events').where({ at: _.gt(1) }).orderBy('at', 'asc').get()",
        "db.collection('events').orderBy('at', 'desc').get()",
      ]),
    ).toEqual([
      'sortOnly.ts:4: no declared index of events serves this query (pins kind; sorts at asc); its indexes: kind, at',
    ])
  })

  it('lets a unique index with every key pinned serve any query pinning them', () => {
    expect(
      check('unique', [
        "db.collection('users').where({ villageId: 'v', role: 'head', name: 'x' }).orderBy('name', 'asc').get()",
        "db.collection('users').where({ villageId: 'v' }).orderBy('name', 'asc').get()",
      ]),
    ).toEqual([
      'unique.ts:5: no declared index of users serves this query (pins villageId; sorts name asc); its indexes: villageId_role',
    ])
  })

  it('needs no index for .doc(id) or a filter pinning _id', () => {
    expect(
      check('byId', [
        "db.collection('tags').doc('t1').get()",
        "db.collection('tags').doc('t1').update({ n: 1 })",
        "db.collection('tags').where({ _id: _.in(['a', 'b']), label: 'x' }).get()",
        "db.collection('tags').where({ label: 'x' }).get()",
        "db.collection('tags').add({ label: 'x' })",
      ]),
    ).toEqual([
      'byId.ts:7: no declared index of tags serves this query (pins label); its indexes: none',
    ])
  })

  it('checks both sides of a conditional filter, and _.and of pieces (pagers) together', () => {
    expect(
      check('variants', [
        'declare const before: unknown',
        'const past = (field: string) => _.or([{ [field]: _.lt(before) }, { _id: _.lt(before) }])',
        "const where = before ? _.and([{ owner: 'u1' }, past('at')]) : { owner: 'u1' }",
        "db.collection('notes').where(where).orderBy('at', 'desc').orderBy('_id', 'desc').get()",
        "const f = before ? { status: 'open' } : { title: 'x' }",
        "db.collection('notes').where(f).get()",
      ]),
    ).toEqual([
      'variants.ts:9: no declared index of notes serves this query (pins title); its indexes: owner_at, status',
    ])
  })

  it('reads a helper once per call, with that call’s collection and filter', () => {
    expect(
      check('helper', [
        'function byOwner(c: string, w: object) {',
        "  return db.collection(c).where(w).orderBy('at', 'desc').get()",
        '}',
        "byOwner(COLLECTION.notes, { owner: 'u1' })",
        "byOwner('notes', { title: 'x' })",
        "byOwner('memos', { owner: 'u1' })",
      ]),
    ).toEqual([
      'helper.ts:5 (called from helper.ts:8): no declared index of notes serves this query (pins title; sorts at desc); its indexes: owner_at, status',
      "helper.ts:5 (called from helper.ts:9): collection 'memos' is not declared in cloudfunctions/_shared/collections.ts",
    ])
  })

  it('reads an aggregation’s match and sort like where and orderBy (stages after a group aside)', () => {
    expect(
      check('aggregate', [
        "db.collection('notes').aggregate().match({ owner: 'u1' }).sort({ at: -1 }).end()",
        "db.collection('notes').aggregate().match({ owner: 'u1' }).sort({ title: 1 }).end()",
        "db.collection('notes').aggregate().match({ status: 'a' }).group({ _id: '$t' }).sort({ n: 1 }).end()",
      ]),
    ).toEqual([
      'aggregate.ts:5: no declared index of notes serves this query (pins owner; sorts title asc); its indexes: owner_at, status',
    ])
  })
})

describe('checkFunctionFolders', () => {
  const declared = (...names: string[]): FunctionDeclaration[] =>
    names.map((name) => ({ ...FUNCTIONS[0], name }))

  it('passes the real cloudfunctions/ against the declaration', () => {
    expect(checkFunctionFolders()).toEqual([])
  })

  it('names an undeclared folder, a declared function without one, and one without index.ts', () => {
    const src = path.join(tmp, 'src')
    for (const [dir, file] of [
      ['alpha', 'index.ts'],
      ['beta', 'index.ts'],
      ['_shared', 'repo.ts'],
      ['gamma', 'repo.ts'],
    ]) {
      fs.mkdirSync(path.join(src, dir), { recursive: true })
      fs.writeFileSync(path.join(src, dir, file), 'export {}\n')
    }
    expect(checkFunctionFolders(src, declared('alpha', 'gamma', 'delta'))).toEqual([
      'cloudfunctions/beta/: a function folder deploy/declaration.ts does not declare',
      'cloudfunctions/gamma/index.ts: missing (the function’s entry)',
      'cloudfunctions/delta/: declared in deploy/declaration.ts, no such folder',
    ])
  })
})

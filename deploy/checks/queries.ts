/**
 * The scanner behind the declaration-drift check (deploy/checks/declarationDrift.ts): every
 * `.collection(<name>)` call in the given TypeScript files (`db.collection(…)`,
 * `t.collection(…)` in a transaction), read with the TypeScript compiler, without running it, as
 * the query it makes: which collection, which fields its filter pins to one value, which it only
 * bounds, how it sorts, whether it goes by document id.
 *
 * What it reads:
 * - the chain after `.collection(x)`: `.where(f)`, `.doc(id)`, `.orderBy('field', 'asc' | 'desc')`,
 *   `.aggregate().match(f).sort({ field: 1 | -1 })` (stages after a `group`, `lookup`, `unwind`…
 *   work on other documents and are left out), `.count()`, `.get()`, `.update()`, `.remove()`.
 *   A chain kept in a variable (`let query = db.collection(c).where(w)`, then
 *   `query = query.orderBy(…)` under an `if`) is read with every step made on that variable: the
 *   query with all its sorts, the hardest to serve.
 * - a filter: an object literal; `_.and([...])` of filters (their fields together); `_.or([...])`
 *   (none of its fields pinned: each only bounds); `a ? f : g` (two queries, both checked); a
 *   variable, followed to its initializer (an array a filter list is built in is read as its
 *   initial elements: what is pushed later, under an `if`, only narrows the query); a call to a
 *   function of the scanned files whose body ends in `return <filter>` (`pastPosition(…)`), read
 *   with the call's arguments.
 * - a field's value: `_.eq(v)` and `_.in(list)` pin it (a list is a few equalities; the database
 *   merges their index ranges); every other command (`_.gt`, `_.exists`, `_.neq`, …), a regular
 *   expression (`db.RegExp(…)`) and an object (raw operators) only bound it; a condition
 *   `c ? v : w` pins only when both sides do; anything else is taken as a plain value, pinned.
 * - a parameter (`byId(r, collection, id)`, `readAll(db, collection, match, project, sort)`): the
 *   query is read once for each call of its function in the scanned files, with that call's
 *   arguments (through up to MAX_CALLS nested helpers); a helper nobody calls is read nowhere.
 * - the collection: a string literal, `COLLECTION.<key>`, or `c.name` where `c` runs over the
 *   declaration (`for (const c of COLLECTIONS)`). Anything else is answered as not resolved.
 */
import path from 'node:path'
import ts from 'typescript'

/** How many helpers deep a parameter is followed to the call that supplies it. */
export const MAX_CALLS = 6

/** The collection a query names. */
export type CollectionRef =
  | { readonly kind: 'literal'; readonly name: string }
  | { readonly kind: 'key'; readonly key: string }
  /** `c.name` for `c` of the declaration itself: each declared collection in turn. */
  | { readonly kind: 'declaration' }

/** One way the filter can be: fields pinned to one value, fields only bounded. */
export interface Filter {
  readonly pinned: readonly string[]
  readonly ranges: readonly string[]
}

export interface SortKey {
  readonly field: string
  readonly direction: 1 | -1
}

export interface Query {
  /** `file:line` of the `.collection(` call, relative to the root. */
  readonly at: string
  /** `file:line` of the calls that supplied its parameters, innermost first. */
  readonly via: readonly string[]
  /** Undefined when not resolved (see `unresolved`). */
  readonly collection?: CollectionRef
  /** By document id (`.doc(id)`): needs no index. */
  readonly byDoc: boolean
  /** False for a chain that only adds documents (`.add(…)`) or names the collection. */
  readonly reads: boolean
  /** Each variant of the filter; empty: no filter (every document). */
  readonly filters: readonly Filter[]
  readonly sort: readonly SortKey[]
  /** What could not be read statically, when something could not. */
  readonly unresolved?: string
}

type FunctionNode = ts.SignatureDeclaration & { readonly body?: ts.Node }

interface Frame {
  readonly fn: FunctionNode
  readonly call: ts.CallExpression
}
type Env = readonly Frame[]

/** A parameter of `fn` was needed and no call of `fn` supplies it yet. */
class NeedsCaller {
  constructor(readonly fn: FunctionNode) {}
}

/** Something the scanner cannot read statically. */
class Unresolved {
  constructor(readonly what: string) {}
}

const READING_STEPS = new Set([
  'where',
  'doc',
  'get',
  'count',
  'update',
  'remove',
  'orderBy',
  'aggregate',
  'watch',
  'field',
  'limit',
  'skip',
])
/** Aggregation stages after which match and sort no longer see the collection's documents. */
const RESHAPING_STAGES = new Set([
  'group',
  'lookup',
  'unwind',
  'bucket',
  'bucketAuto',
  'replaceRoot',
  'geoNear',
])
const PINNING_COMMANDS = new Set(['eq', 'in'])
const BOUNDING_COMMANDS = new Set([
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'nin',
  'exists',
  'size',
  'all',
  'elemMatch',
  'mod',
  'and',
  'or',
  'nor',
  'not',
  'expr',
  'geoNear',
  'geoWithin',
  'geoIntersects',
])
const DECLARATION_LISTS = new Set(['COLLECTIONS', 'COLLECTIONS_DECLARED'])

const unwrap = (e: ts.Expression): ts.Expression => {
  let x = e
  while (
    ts.isParenthesizedExpression(x) ||
    ts.isAsExpression(x) ||
    ts.isNonNullExpression(x) ||
    ts.isSatisfiesExpression(x) ||
    ts.isTypeAssertionExpression(x)
  ) {
    x = x.expression
  }
  return x
}

const short = (node: ts.Node): string => {
  const text = node.getText().replace(/\s+/g, ' ')
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** Every query the `.collection(` calls of `files` (paths relative to `root`) make. */
export function scanQueries(root: string, files: readonly string[]): Query[] {
  const absolute = files.map((f) => path.resolve(root, f))
  const program = ts.createProgram(absolute, {
    noResolve: true,
    noLib: true,
    types: [],
    allowJs: false,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  })
  const checker = program.getTypeChecker()
  const sources = absolute
    .map((f) => program.getSourceFile(f))
    .filter((s): s is ts.SourceFile => s !== undefined)

  const where = (node: ts.Node): string => {
    const sf = node.getSourceFile()
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1
    return `${path.relative(root, sf.fileName).split(path.sep).join('/')}:${line}`
  }

  const declarationOf = (id: ts.Node): ts.Declaration | undefined => {
    let symbol = checker.getSymbolAtLocation(id)
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol)
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0]
  }

  /** The function a declaration names (`function f`, `const f = (…) => …`). */
  const functionOf = (decl: ts.Declaration | undefined): FunctionNode | undefined => {
    if (!decl) return undefined
    if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) return decl
    if (ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = unwrap(decl.initializer)
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init
    }
    return undefined
  }

  let calls: Map<FunctionNode, ts.CallExpression[]> | undefined
  const callsOf = (fn: FunctionNode): ts.CallExpression[] => {
    if (!calls) {
      const found = new Map<FunctionNode, ts.CallExpression[]>()
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node)) {
          const callee = unwrap(node.expression)
          const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee
          const target = functionOf(declarationOf(name))
          if (target) found.set(target, [...(found.get(target) ?? []), node])
        }
        ts.forEachChild(node, visit)
      }
      sources.forEach(visit)
      calls = found
    }
    return calls.get(fn) ?? []
  }

  type Followed =
    | { readonly kind: 'expr'; readonly expr: ts.Expression }
    | { readonly kind: 'absent' }
    | { readonly kind: 'forOf'; readonly over: ts.Expression }

  /** What an identifier stands for: its initializer, or the argument a call gave its parameter. */
  const follow = (id: ts.Identifier, env: Env): Followed => {
    const decl = declarationOf(id)
    if (decl && ts.isParameter(decl)) {
      const fn = decl.parent as FunctionNode
      const frame = env.find((f) => f.fn === fn)
      if (!frame) throw new NeedsCaller(fn)
      if (decl.dotDotDotToken || !ts.isIdentifier(decl.name)) {
        throw new Unresolved(`the parameter ${short(decl)}`)
      }
      const arg = frame.call.arguments[fn.parameters.indexOf(decl)]
      if (arg === undefined) {
        return decl.initializer ? { kind: 'expr', expr: decl.initializer } : { kind: 'absent' }
      }
      if (ts.isSpreadElement(arg)) throw new Unresolved(`the argument ${short(arg)}`)
      return { kind: 'expr', expr: arg }
    }
    if (decl && ts.isVariableDeclaration(decl)) {
      const list = decl.parent
      if (ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent)) {
        return { kind: 'forOf', over: list.parent.expression }
      }
      if (decl.initializer && ts.isIdentifier(decl.name)) {
        return { kind: 'expr', expr: decl.initializer }
      }
    }
    throw new Unresolved(`the value of ${id.text}`)
  }

  const stringOf = (e: ts.Expression, env: Env): string => {
    const x = unwrap(e)
    if (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) return x.text
    if (ts.isIdentifier(x)) {
      const f = follow(x, env)
      if (f.kind === 'expr') return stringOf(f.expr, env)
    }
    throw new Unresolved(`the name ${short(x)}`)
  }

  const collectionOf = (e: ts.Expression, env: Env): CollectionRef => {
    const x = unwrap(e)
    if (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) {
      return { kind: 'literal', name: x.text }
    }
    if (ts.isPropertyAccessExpression(x) && ts.isIdentifier(x.expression)) {
      if (x.expression.text === 'COLLECTION') return { kind: 'key', key: x.name.text }
      if (x.name.text === 'name') {
        const f = follow(x.expression, env)
        if (f.kind === 'forOf') {
          const over = unwrap(f.over)
          if (ts.isIdentifier(over) && DECLARATION_LISTS.has(over.text)) {
            return { kind: 'declaration' }
          }
        }
      }
    }
    if (
      ts.isElementAccessExpression(x) &&
      ts.isIdentifier(x.expression) &&
      x.expression.text === 'COLLECTION'
    ) {
      return { kind: 'key', key: stringOf(x.argumentExpression, env) }
    }
    if (ts.isIdentifier(x)) {
      const f = follow(x, env)
      if (f.kind === 'expr') return collectionOf(f.expr, env)
    }
    throw new Unresolved(`the collection ${short(x)}`)
  }

  /** The method a call is made with (`_.gt(…)` → `gt`), when it is `x.method(…)`. */
  const methodOf = (call: ts.CallExpression): string | undefined => {
    const callee = unwrap(call.expression)
    return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined
  }

  const pins = (value: ts.Expression): boolean => {
    const v = unwrap(value)
    if (ts.isCallExpression(v)) {
      const m = methodOf(v)
      if (m !== undefined && PINNING_COMMANDS.has(m)) return true
      if (m !== undefined && (BOUNDING_COMMANDS.has(m) || m === 'RegExp')) return false
      return true
    }
    if (ts.isNewExpression(v) && ts.isIdentifier(v.expression) && v.expression.text === 'RegExp') {
      return false
    }
    if (ts.isRegularExpressionLiteral(v) || ts.isObjectLiteralExpression(v)) return false
    if (ts.isConditionalExpression(v)) return pins(v.whenTrue) && pins(v.whenFalse)
    return true
  }

  const merge = (parts: readonly Filter[]): Filter => ({
    pinned: [...new Set(parts.flatMap((p) => p.pinned))],
    ranges: [...new Set(parts.flatMap((p) => p.ranges))],
  })

  /** Every combination of one variant from each list. */
  const product = (lists: readonly (readonly Filter[])[]): Filter[] =>
    lists.reduce<Filter[]>(
      (acc, list) => acc.flatMap((a) => list.map((b) => merge([a, b]))),
      [{ pinned: [], ranges: [] }],
    )

  const keyOf = (name: ts.PropertyName, env: Env): string => {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text
    if (ts.isComputedPropertyName(name)) return stringOf(name.expression, env)
    throw new Unresolved(`the field ${short(name)}`)
  }

  /** The function a call runs and the expression its body answers, when it ends in one. */
  const returnedBy = (call: ts.CallExpression): { fn: FunctionNode; expr: ts.Expression } => {
    const callee = unwrap(call.expression)
    const fn = ts.isIdentifier(callee) ? functionOf(declarationOf(callee)) : undefined
    const body = fn?.body
    if (fn && body) {
      if (!ts.isBlock(body)) return { fn, expr: body as ts.Expression }
      const last = body.statements[body.statements.length - 1]
      const returns = body.statements.filter(ts.isReturnStatement)
      if (returns.length === 1 && last === returns[0] && returns[0].expression) {
        return { fn, expr: returns[0].expression }
      }
    }
    throw new Unresolved(`the filter ${short(call)}`)
  }

  const listOf = (e: ts.Expression, env: Env): Filter[][] => {
    const x = unwrap(e)
    if (ts.isArrayLiteralExpression(x)) {
      return x.elements.map((el) => {
        if (ts.isSpreadElement(el)) throw new Unresolved(`the filters ${short(el)}`)
        return filtersOf(el, env)
      })
    }
    if (ts.isIdentifier(x)) {
      const f = follow(x, env)
      if (f.kind === 'expr') return listOf(f.expr, env)
    }
    throw new Unresolved(`the filters ${short(x)}`)
  }

  function filtersOf(e: ts.Expression, env: Env): Filter[] {
    const x = unwrap(e)
    if (ts.isObjectLiteralExpression(x)) {
      const pinned: string[] = []
      const ranges: string[] = []
      for (const p of x.properties) {
        if (ts.isShorthandPropertyAssignment(p)) pinned.push(p.name.text)
        else if (ts.isPropertyAssignment(p)) {
          ;(pins(p.initializer) ? pinned : ranges).push(keyOf(p.name, env))
        } else throw new Unresolved(`the filter field ${short(p)}`)
      }
      return [{ pinned, ranges }]
    }
    if (ts.isConditionalExpression(x)) {
      return [...filtersOf(x.whenTrue, env), ...filtersOf(x.whenFalse, env)]
    }
    if (ts.isIdentifier(x)) {
      const f = follow(x, env)
      if (f.kind === 'expr') return filtersOf(f.expr, env)
      throw new Unresolved(`the filter ${x.text}`)
    }
    if (ts.isCallExpression(x)) {
      const m = methodOf(x)
      if ((m === 'and' || m === 'or' || m === 'nor') && x.arguments.length === 1) {
        const lists = listOf(x.arguments[0], env)
        if (m === 'and') return product(lists)
        const all = merge(lists.flat())
        return [{ pinned: [], ranges: [...new Set([...all.pinned, ...all.ranges])] }]
      }
      const { fn, expr } = returnedBy(x)
      return filtersOf(expr, [...env, { fn, call: x }])
    }
    throw new Unresolved(`the filter ${short(x)}`)
  }

  const sortOf = (e: ts.Expression, env: Env): SortKey[] | undefined => {
    const x = unwrap(e)
    if (ts.isIdentifier(x)) {
      const f = follow(x, env)
      if (f.kind === 'absent') return undefined
      if (f.kind === 'expr') return sortOf(f.expr, env)
    }
    if (ts.isObjectLiteralExpression(x)) {
      return x.properties.map((p) => {
        if (!ts.isPropertyAssignment(p)) throw new Unresolved(`the sort ${short(p)}`)
        const v = unwrap(p.initializer)
        const minus = ts.isPrefixUnaryExpression(v) && v.operator === ts.SyntaxKind.MinusToken
        return { field: keyOf(p.name, env), direction: minus ? -1 : 1 }
      })
    }
    throw new Unresolved(`the sort ${short(x)}`)
  }

  interface Step {
    readonly name: string
    readonly args: readonly ts.Expression[]
  }

  /** The method calls made on `node` one after another (`node.a(…).b(…)`). */
  const stepsFrom = (node: ts.Expression): { steps: Step[]; end: ts.Expression } => {
    const steps: Step[] = []
    let at: ts.Expression = node
    for (;;) {
      const p = at.parent
      if (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p)) {
        at = p
        continue
      }
      if (ts.isPropertyAccessExpression(p) && p.expression === at) {
        const call = p.parent
        if (ts.isCallExpression(call) && call.expression === p) {
          steps.push({ name: p.name.text, args: call.arguments })
          at = call
          continue
        }
      }
      return { steps, end: at }
    }
  }

  /** The chain from `.collection(…)`, with the steps made later on a variable holding it. */
  const chainOf = (call: ts.CallExpression): Step[] => {
    const { steps, end } = stepsFrom(call)
    const holder = end.parent
    if (ts.isVariableDeclaration(holder) && holder.initializer === end) {
      const symbol = checker.getSymbolAtLocation(holder.name)
      const scope = holder.parent.parent.parent
      const later: Step[] = []
      const visit = (node: ts.Node): void => {
        if (
          ts.isIdentifier(node) &&
          node !== holder.name &&
          checker.getSymbolAtLocation(node) === symbol
        ) {
          later.push(...stepsFrom(node).steps)
        }
        ts.forEachChild(node, visit)
      }
      if (symbol) visit(scope)
      return [...steps, ...later]
    }
    return steps
  }

  /** The `.collection` of `x.collection(…)`: its line, not the line `x` starts on. */
  const nameOf = (call: ts.CallExpression): ts.Node => {
    const callee = unwrap(call.expression)
    return ts.isPropertyAccessExpression(callee) ? callee.name : call
  }

  const analyse = (call: ts.CallExpression, env: Env): Query => {
    const collection = collectionOf(call.arguments[0], env)
    const steps = chainOf(call)
    let byDoc = false
    let reshaped = false
    const parts: Filter[][] = []
    const sort: SortKey[] = []
    for (const step of steps) {
      if (RESHAPING_STAGES.has(step.name)) reshaped = true
      if (reshaped) continue
      if (step.name === 'doc') byDoc = true
      if ((step.name === 'where' || step.name === 'match') && step.args[0]) {
        parts.push(filtersOf(step.args[0], env))
      }
      if (step.name === 'orderBy' && step.args.length === 2) {
        const direction = stringOf(step.args[1], env)
        if (direction !== 'asc' && direction !== 'desc') {
          throw new Unresolved(`the direction ${short(step.args[1])}`)
        }
        sort.push({ field: stringOf(step.args[0], env), direction: direction === 'asc' ? 1 : -1 })
      }
      if (step.name === 'sort' && step.args[0]) sort.push(...(sortOf(step.args[0], env) ?? []))
    }
    return {
      at: where(nameOf(call)),
      via: env.map((f) => where(f.call)),
      collection,
      byDoc,
      reads: steps.some((s) => READING_STEPS.has(s.name)),
      filters: parts.length ? product(parts) : [],
      sort,
    }
  }

  const expand = (call: ts.CallExpression, env: Env): Query[] => {
    try {
      return [analyse(call, env)]
    } catch (e) {
      const base = { at: where(nameOf(call)), via: env.map((f) => where(f.call)), byDoc: false }
      if (e instanceof NeedsCaller) {
        if (env.length >= MAX_CALLS) {
          return [{ ...base, reads: true, filters: [], sort: [], unresolved: 'too many calls' }]
        }
        return callsOf(e.fn).flatMap((c) => expand(call, [...env, { fn: e.fn, call: c }]))
      }
      if (e instanceof Unresolved) {
        return [{ ...base, reads: true, filters: [], sort: [], unresolved: e.what }]
      }
      throw e
    }
  }

  const queries: Query[] = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      methodOf(node) === 'collection'
    ) {
      queries.push(...expand(node, []))
    }
    ts.forEachChild(node, visit)
  }
  sources.forEach(visit)
  return queries
}

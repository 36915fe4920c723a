/**
 * `npm run deploy`: everything a CloudBase environment must hold for Fengsi, from
 * deploy/declaration.ts, through the ports of deploy/ports.ts (real clients, or the stand-in of a
 * dry run or a test). In order:
 *
 * 1. refuse without the ballot key (POLLS_BALLOT_SECRET, 32+ characters): nothing is called;
 * 2. build the functions (dist-functions/);
 * 3. the ballot key guard: when the deployed polls function runs with another key and a poll is
 *    open, refuse (CloudBase replaces a function's variables whole: a new key mid-poll would give
 *    every voter a second ballot);
 * 4. database: every declared collection; the invite-code migration (before the villages' unique
 *    inviteCode index: MongoDB counts a missing code as null, so two older villages without one
 *    would make the index fail); only the missing indexes (describeCollection first, so a second
 *    run asks for nothing new), then the declared obsolete ones (`dropIndexes`) that still exist —
 *    after the creations, so a uniqueness that replaces another (members: openid →
 *    openid_villageId, #14) is never absent meanwhile; ADMINONLY security rules on every
 *    collection;
 * 5. storage rules;
 * 6. functions: created, or their code and configuration updated (the full variables), and their
 *    timer triggers;
 * 7. every function checked with getFunctionDetail (tcb exits 0 when a deploy failed): it must be
 *    Active and configured as declared, else the deploy fails with what went wrong.
 */
import type { CollectionDeclaration, IndexDeclaration } from '../cloudfunctions/_shared/collections'
import {
  BALLOT_SECRET,
  RELEASE,
  COLLECTIONS_DECLARED,
  DATABASE_ACL,
  FUNCTIONS,
  RUNTIME,
  STORAGE_RULE,
  type FunctionDeclaration,
} from './declaration'
import { needsDependencies } from './functionFiles'
import {
  isNotFound,
  type CreateIndexSpec,
  type DataPort,
  type DeployedFunction,
  type DescribedIndex,
  type FunctionSpec,
  type ManagerPort,
  type TriggerSpec,
} from './ports'

export const MIN_BALLOT_SECRET_LENGTH = 32

/** The deploy would do harm or cannot start: nothing (more) is changed. */
export class DeployRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'DeployRefused'
  }
}

/** The deploy ran but the environment is not as declared. */
export class DeployFailed extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the deploy failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'DeployFailed'
  }
}

export interface DeployPorts {
  readonly manager: ManagerPort
  readonly data: DataPort
  /** Bundles every function into the functions root (scripts/build-functions.ts). */
  build(): Promise<unknown>
}

export interface DeployOptions {
  readonly envId: string
  /** Where the built functions are (each in `<functionRoot>/<name>/`). */
  readonly functionRoot: string
  /** The variables the functions receive come from here (process.env). */
  readonly env: Readonly<Record<string, string | undefined>>
  readonly log: (line: string) => void
  /** The version being deployed (package.json): every function's FENGSI_RELEASE. */
  readonly release: string
  /** A dry run reports a missing ballot key and carries on printing the plan. */
  readonly dryRun?: boolean
  readonly functions?: readonly FunctionDeclaration[]
  readonly collections?: readonly CollectionDeclaration[]
}

/** Why a ballot key cannot be used, or undefined when it can. */
export const ballotSecretProblem = (value: string | undefined): DeployRefused | undefined => {
  if (!value) {
    return new DeployRefused(
      'BALLOT_SECRET_MISSING',
      `${BALLOT_SECRET.name} is not set: the polls function makes ballot ids with it. Set it to a random string of ${MIN_BALLOT_SECRET_LENGTH}+ characters (e.g. \`openssl rand -hex 32\`), keep it safe, and never change it while a poll is open.`,
    )
  }
  if (value.length < MIN_BALLOT_SECRET_LENGTH) {
    return new DeployRefused(
      'BALLOT_SECRET_SHORT',
      `${BALLOT_SECRET.name} has ${value.length} characters; it needs at least ${MIN_BALLOT_SECRET_LENGTH} (e.g. \`openssl rand -hex 32\`).`,
    )
  }
  return undefined
}

/** The variables a function is deployed with: every declared one that is set (the whole set). */
export const envVariablesFor = (
  f: FunctionDeclaration,
  env: DeployOptions['env'],
): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const v of f.env) {
    const value = env[v.name]
    if (value !== undefined && value !== '') out[v.name] = value
  }
  return out
}

/** How a dry run or a log shows a function's variables: secrets as <set>/<unset>. */
export const describeVariables = (f: FunctionDeclaration, env: DeployOptions['env']): string => {
  if (!f.env.length) return 'none declared'
  return f.env
    .map((v) => {
      const value = env[v.name]
      const set = value !== undefined && value !== ''
      return `${v.name}=${set ? (v.secret ? '<set>' : value) : '<unset>'}`
    })
    .join(', ')
}

export const functionSpec = (
  f: FunctionDeclaration,
  env: DeployOptions['env'],
  withTriggers = true,
): FunctionSpec => ({
  name: f.name,
  handler: 'index.main',
  runtime: RUNTIME,
  timeout: f.timeout,
  memorySize: f.memorySize,
  installDependency: needsDependencies(f),
  envVariables: envVariablesFor(f, env),
  ...(withTriggers ? { triggers: f.triggers.map((t) => ({ ...t })) } : {}),
})

export const createIndexSpec = (i: IndexDeclaration): CreateIndexSpec => ({
  IndexName: i.name,
  MgoKeySchema: {
    MgoIsUnique: i.unique === true,
    MgoIndexKeys: i.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })),
  },
})

/** Whether an existing index is the declared one (same keys, same uniqueness). */
const sameIndex = (existing: DescribedIndex, declared: IndexDeclaration): boolean => {
  if (existing.Unique !== undefined && existing.Unique !== (declared.unique === true)) return false
  if (!existing.Keys) return true
  return (
    existing.Keys.length === declared.keys.length &&
    existing.Keys.every(
      (k, i) =>
        k.Name === declared.keys[i].field &&
        (k.Direction === undefined || String(k.Direction) === String(declared.keys[i].direction)),
    )
  )
}

/** A deployed function's variables, by name. */
export const deployedVariables = (d: DeployedFunction): Record<string, string> =>
  Object.fromEntries((d.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]))

/** A deployed timer trigger's cron (TriggerDesc is `{"cron":"…"}` or the cron itself). */
const deployedCron = (t: { TriggerDesc?: string }): string | undefined => {
  const desc = t.TriggerDesc
  if (!desc) return undefined
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown }
    return typeof parsed.cron === 'string' ? parsed.cron : desc
  } catch {
    return desc
  }
}

const detailOrNull = async (
  manager: ManagerPort,
  name: string,
): Promise<DeployedFunction | null> => {
  try {
    return await manager.functions.getFunctionDetail(name)
  } catch (e) {
    if (isNotFound(e)) return null
    throw e
  }
}

/** What differs between a deployed function and its declaration (empty: as declared). */
export const functionProblems = (
  f: FunctionDeclaration,
  spec: FunctionSpec,
  d: DeployedFunction | null,
): string[] => {
  if (!d) return [`${f.name}: not found after the deploy`]
  const problems: string[] = []
  if (d.Status !== 'Active') {
    const reasons = (d.StatusReasons ?? []).map((r) => `[${r.ErrorCode}] ${r.ErrorMessage}`)
    problems.push(
      `${f.name}: status ${d.Status}${d.StatusDesc ? ` (${d.StatusDesc})` : ''}${reasons.length ? `: ${reasons.join('; ')}` : ''}`,
    )
  }
  const expect = (what: string, actual: unknown, wanted: unknown) => {
    if (actual !== wanted)
      problems.push(`${f.name}: ${what} is ${String(actual)}, declared ${String(wanted)}`)
  }
  expect('runtime', d.Runtime, spec.runtime)
  expect('handler', d.Handler, spec.handler)
  expect('timeout', d.Timeout, spec.timeout)
  expect('memorySize', d.MemorySize, spec.memorySize)
  expect('installDependency', d.InstallDependency, spec.installDependency ? 'TRUE' : 'FALSE')
  const deployed = deployedVariables(d)
  const secret = new Set(f.env.filter((v) => v.secret).map((v) => v.name))
  for (const name of new Set([...Object.keys(spec.envVariables), ...Object.keys(deployed)])) {
    const wanted = spec.envVariables[name]
    const actual = deployed[name]
    if (wanted === actual) continue
    if (wanted === undefined)
      problems.push(`${f.name}: variable ${name} is set but not declared or not set here`)
    else if (actual === undefined) problems.push(`${f.name}: variable ${name} is missing`)
    else if (secret.has(name))
      problems.push(`${f.name}: variable ${name} differs from the one deployed`)
    else problems.push(`${f.name}: variable ${name} is ${actual}, wanted ${wanted}`)
  }
  for (const t of f.triggers) {
    const found = (d.Triggers ?? []).find((x) => x.TriggerName === t.name)
    if (!found) problems.push(`${f.name}: timer trigger ${t.name} is missing`)
    else if (deployedCron(found) !== t.config) {
      problems.push(
        `${f.name}: timer trigger ${t.name} runs "${deployedCron(found) ?? ''}", declared "${t.config}"`,
      )
    }
  }
  return problems
}

export const deploy = async (ports: DeployPorts, options: DeployOptions): Promise<void> => {
  const { manager, data } = ports
  const { log, envId, functionRoot } = options
  // FENGSI_RELEASE is ours to set, whatever the shell holds (declaration.ts RELEASE).
  const env = { ...options.env, [RELEASE.name]: options.release }
  const functions = options.functions ?? FUNCTIONS
  const collections = options.collections ?? COLLECTIONS_DECLARED
  const newSecret = env[BALLOT_SECRET.name]

  // 1. The ballot key, before anything is asked of anyone.
  const refused = ballotSecretProblem(newSecret)
  if (refused) {
    if (!options.dryRun) throw refused
    log(`! ${refused.code}: ${refused.message} (a real deploy stops here; the dry run goes on)`)
  } else {
    log(`${BALLOT_SECRET.name}: <set>`)
  }

  // 2. The bundles.
  log('# build the functions')
  await ports.build()

  // 3. The ballot key guard.
  log('# ballot key guard')
  const keyHolders = functions.filter((f) => f.env.some((v) => v.name === BALLOT_SECRET.name))
  /** Deployed key holders whose key this deploy changes: counted again just before they change. */
  const keyChanging = new Set<string>()
  for (const f of keyHolders) {
    const current = await detailOrNull(manager, f.name)
    if (!current) {
      log(`${f.name} is not deployed yet: no poll can be open under another key`)
      continue
    }
    const currentSecret = deployedVariables(current)[BALLOT_SECRET.name]
    if (currentSecret === newSecret) {
      log(`${f.name} runs with the same ${BALLOT_SECRET.name}`)
      continue
    }
    const open = await data.countOpenPolls()
    if (open > 0) {
      throw new DeployRefused(
        'BALLOT_KEY_CHANGE_WHILE_OPEN',
        `${BALLOT_SECRET.name} differs from the one the deployed ${f.name} function runs with, and ${open} poll(s) are open: their ballot ids are made with the old key, so a new key would let every voter vote again. Deploy with the old key, or wait until every poll is closed.`,
      )
    }
    log(`${f.name} runs with another ${BALLOT_SECRET.name}; no poll is open, so it may change`)
    keyChanging.add(f.name)
  }

  // 4. The database.
  log('# database: collections')
  for (const c of collections) await manager.database.createCollectionIfNotExists(c.name)
  log('# database: migrations the indexes depend on (villages without an invite code get one)')
  const migrated = await data.migrateInviteCodes()
  log(`villages given an invite code: ${migrated}`)
  log('# database: indexes (only the missing ones, then the obsolete ones that exist)')
  const problems: string[] = []
  for (const c of collections) {
    const obsolete = c.dropIndexes ?? []
    if (!c.indexes.length && !obsolete.length) continue
    const described = await manager.database.describeCollection(c.name)
    const existing = described.Indexes ?? []
    const missing: IndexDeclaration[] = []
    for (const i of c.indexes) {
      if (obsolete.includes(i.name)) {
        problems.push(`${c.name}: index ${i.name} is both declared and to be dropped`)
        continue
      }
      const found = existing.find((e) => e.Name === i.name)
      if (!found) missing.push(i)
      else if (!sameIndex(found, i)) {
        problems.push(
          `${c.name}: index ${i.name} exists with other keys or uniqueness than declared; drop it in the CloudBase console and deploy again`,
        )
      }
    }
    if (missing.length) {
      await manager.database.updateCollection(c.name, {
        CreateIndexes: missing.map(createIndexSpec),
      })
    }
    const present = obsolete.filter((name) => existing.some((e) => e.Name === name))
    if (present.length) {
      await manager.database.updateCollection(c.name, {
        DropIndexes: present.map((IndexName) => ({ IndexName })),
      })
    }
  }
  if (problems.length) throw new DeployFailed(problems)
  log(
    `# database: security rules (${DATABASE_ACL} on every collection: clients go through functions)`,
  )
  const common = manager.commonService()
  for (const c of collections) {
    await common.call({
      Action: 'ModifyDatabaseACL',
      Param: { EnvId: envId, CollectionName: c.name, AclTag: DATABASE_ACL },
    })
  }

  // 5. Storage.
  log('# storage: security rules')
  await manager.storage.setStorageAcl('CUSTOM', { ...STORAGE_RULE })

  // 6. The functions.
  for (const f of functions) {
    log(`# function ${f.name}: variables ${describeVariables(f, env)}`)
    const current = await detailOrNull(manager, f.name)
    if (!current) {
      await manager.functions.createFunction({
        func: functionSpec(f, env),
        functionRootPath: functionRoot,
        force: false,
      })
      continue
    }
    if (keyChanging.has(f.name)) {
      // A poll may have opened since the guard counted (the database and the other functions
      // took minutes): count again, the moment before the key changes.
      const open = await data.countOpenPolls()
      if (open > 0) {
        throw new DeployRefused(
          'BALLOT_KEY_CHANGE_WHILE_OPEN',
          `${open} poll(s) opened during this deploy, and ${f.name} would now change its ${BALLOT_SECRET.name}: ${f.name} was left as it was (the functions before it in the list are deployed). Deploy again with the old key, or once every poll is closed.`,
        )
      }
    }
    const spec = functionSpec(f, env, false)
    await manager.functions.updateFunctionCode({ func: spec, functionRootPath: functionRoot })
    await manager.functions.waitFunctionActive(f.name)
    await manager.functions.updateFunctionConfig(spec)
    await manager.functions.waitFunctionActive(f.name)
    const deployedTriggers = current.Triggers ?? []
    for (const t of deployedTriggers) {
      const declared = f.triggers.find((x) => x.name === t.TriggerName)
      if (t.TriggerName && (!declared || deployedCron(t) !== declared.config)) {
        await manager.functions.deleteFunctionTrigger(f.name, t.TriggerName)
      }
    }
    const missing: TriggerSpec[] = f.triggers
      .filter(
        (t) =>
          !deployedTriggers.some((x) => x.TriggerName === t.name && deployedCron(x) === t.config),
      )
      .map((t) => ({ ...t }))
    if (missing.length) await manager.functions.createFunctionTriggers(f.name, missing)
  }

  // 7. Check every function.
  log('# check every function')
  const found: string[] = []
  for (const f of functions) {
    found.push(...functionProblems(f, functionSpec(f, env), await detailOrNull(manager, f.name)))
  }
  if (found.length) throw new DeployFailed(found)
  log(
    options.dryRun
      ? `dry run done: ${functions.length} functions and ${collections.length} collections; nothing was sent`
      : `deployed ${functions.length} functions and ${collections.length} collections to ${envId}; each function is Active and as declared`,
  )
}

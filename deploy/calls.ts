/**
 * One line per call a deploy makes, for the dry run's plan, the real run's log and the tests'
 * comparison with a plan written by hand. Secret variables show as <set>; everything else as it is
 * sent.
 */
import { FUNCTIONS } from './declaration'
import type { DeployPorts } from './deploy'
import type { CollectionUpdate, CreateIndexSpec, FunctionSpec, TriggerSpec } from './ports'

export interface Call {
  /** `database.updateCollection`, `functions.createFunction`, `data.countOpenPolls`, `build`, … */
  readonly op: string
  readonly args: readonly unknown[]
}

/** The names of the declared secret variables (never printed). */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(
  FUNCTIONS.flatMap((f) => f.env.filter((v) => v.secret).map((v) => v.name)),
)

const triggersText = (triggers: readonly TriggerSpec[]): string =>
  `[${triggers.map((t) => `${t.name} ${t.type} "${t.config}"`).join(', ')}]`

const specText = (f: FunctionSpec, secrets: ReadonlySet<string>): string => {
  const env = Object.entries(f.envVariables)
    .map(([k, v]) => `${k}=${secrets.has(k) ? '<set>' : v}`)
    .join(', ')
  return [
    f.name,
    `runtime=${f.runtime}`,
    `handler=${f.handler}`,
    `timeout=${f.timeout}s`,
    `memory=${f.memorySize}MB`,
    `installDependency=${f.installDependency}`,
    `env={${env}}`,
    ...(f.triggers ? [`triggers=${triggersText(f.triggers)}`] : []),
  ].join(' ')
}

const indexText = (i: CreateIndexSpec): string =>
  `${i.IndexName}(${i.MgoKeySchema.MgoIndexKeys.map((k) => `${k.Name} ${k.Direction}`).join(', ')}${i.MgoKeySchema.MgoIsUnique ? ', unique' : ''})`

export const describeCall = (
  call: Call,
  secrets: ReadonlySet<string> = SECRET_VARIABLES,
): string => {
  const a = call.args
  switch (call.op) {
    case 'database.updateCollection': {
      const info = a[1] as CollectionUpdate
      const parts = [
        ...(info.CreateIndexes ? [`create ${info.CreateIndexes.map(indexText).join(' ')}`] : []),
        ...(info.DropIndexes ? [`drop ${info.DropIndexes.map((d) => d.IndexName).join(' ')}`] : []),
      ]
      return `${call.op} ${String(a[0])} ${parts.join(' ')}`
    }
    case 'commonService.call': {
      const o = a[0] as { Action: string; Param: Record<string, unknown> }
      return `${call.op} ${o.Action} ${JSON.stringify(o.Param)}`
    }
    case 'storage.setStorageAcl':
      return `${call.op} ${String(a[0])} ${JSON.stringify(a[1])}`
    case 'functions.createFunction': {
      const p = a[0] as { func: FunctionSpec; functionRootPath: string; force: boolean }
      return `${call.op} ${specText(p.func, secrets)} code=${p.functionRootPath}/${p.func.name}${p.force ? ' force' : ''}`
    }
    case 'functions.updateFunctionCode': {
      const p = a[0] as { func: FunctionSpec; functionRootPath: string }
      return `${call.op} ${p.func.name} code=${p.functionRootPath}/${p.func.name} installDependency=${p.func.installDependency}`
    }
    case 'functions.updateFunctionConfig':
      return `${call.op} ${specText(a[0] as FunctionSpec, secrets)}`
    case 'functions.createFunctionTriggers':
      return `${call.op} ${String(a[0])} ${triggersText(a[1] as TriggerSpec[])}`
    case 'data.countOpenPolls':
      return `${call.op} (node-sdk: polls where status == 'open')`
    case 'data.migrateInviteCodes':
      return `${call.op} (node-sdk: villages without an inviteCode get one)`
    default:
      return [call.op, ...a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))].join(' ')
  }
}

type AnyFn = (...args: unknown[]) => Promise<unknown>

const wrap = <T extends object>(target: T, prefix: string, onCall: (call: Call) => void): T =>
  new Proxy(target, {
    get(t, key, receiver) {
      const value = Reflect.get(t, key, receiver) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        onCall({ op: `${prefix}.${String(key)}`, args })
        return (value as AnyFn).apply(t, args)
      }
    },
  })

/**
 * The same ports, telling `onCall` about every call before it is made (the dry run prints them,
 * the real run logs them).
 */
export const traced = (ports: DeployPorts, onCall: (call: Call) => void): DeployPorts => {
  const { manager } = ports
  return {
    manager: {
      database: wrap(manager.database, 'database', onCall),
      functions: wrap(manager.functions, 'functions', onCall),
      storage: wrap(manager.storage, 'storage', onCall),
      commonService: () => wrap(manager.commonService(), 'commonService', onCall),
    },
    data: wrap(ports.data, 'data', onCall),
    build: () => {
      onCall({ op: 'build', args: [] })
      return ports.build()
    },
  }
}

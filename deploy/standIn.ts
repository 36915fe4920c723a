/**
 * A stand-in CloudBase environment for the dry run and the tests: it answers the deploy's calls
 * the way CloudBase does (collections and indexes it keeps, functions it creates and reports with
 * getFunctionDetail, not-found errors for what does not exist) and records every call in order.
 * It sends nothing anywhere.
 *
 * Like MongoDB, it refuses a unique index on villages' inviteCode while two or more villages have
 * no code (a missing field counts as null), so a deploy that creates the index before the
 * invite-code migration fails against it as it would against CloudBase. It drops an index asked
 * to (DropIndexes) and, like CloudBase, refuses to drop one that does not exist.
 */
import type { DeployPorts } from './deploy'
import type { Call } from './calls'
import type {
  CollectionUpdate,
  DeployedFunction,
  DescribedIndex,
  FunctionSpec,
  StorageRule,
  TriggerSpec,
} from './ports'

export interface StandInState {
  /** Existing collections and their indexes. */
  collections?: Record<string, DescribedIndex[]>
  /** Deployed functions, as getFunctionDetail answers them. */
  functions?: Record<string, DeployedFunction>
  /** Polls with status 'open'. */
  openPolls?: number
  /** Villages stored before 邀请码 (no inviteCode field). */
  villagesWithoutInviteCode?: number
  /** Functions CloudBase fails to create or update: the status they are left in. */
  failing?: Record<string, { Status: string; StatusDesc: string }>
}

const notFound = (what: string): Error =>
  Object.assign(new Error(`${what} not found`), { code: 'ResourceNotFound.Function' })

export const deployedFrom = (spec: FunctionSpec, status = 'Active'): DeployedFunction => ({
  FunctionName: spec.name,
  Status: status,
  Runtime: spec.runtime,
  Handler: spec.handler,
  Timeout: spec.timeout,
  MemorySize: spec.memorySize,
  InstallDependency: spec.installDependency ? 'TRUE' : 'FALSE',
  Environment: {
    Variables: Object.entries(spec.envVariables).map(([Key, Value]) => ({ Key, Value })),
  },
  Triggers: (spec.triggers ?? []).map((t) => ({
    TriggerName: t.name,
    Type: t.type,
    TriggerDesc: JSON.stringify({ cron: t.config }),
  })),
})

export class StandInCloud {
  readonly calls: Call[] = []
  readonly collections: Map<string, DescribedIndex[]>
  readonly functions: Map<string, DeployedFunction>
  readonly acl = new Map<string, string>()
  storageRule: StorageRule | undefined
  openPolls: number
  villagesWithoutInviteCode: number
  private readonly failing: NonNullable<StandInState['failing']>

  constructor(state: StandInState = {}) {
    this.collections = new Map(
      Object.entries(state.collections ?? {}).map(([k, v]) => [k, v.map((i) => ({ ...i }))]),
    )
    this.functions = new Map(
      Object.entries(state.functions ?? {}).map(([k, v]) => [k, structuredClone(v)]),
    )
    this.openPolls = state.openPolls ?? 0
    this.villagesWithoutInviteCode = state.villagesWithoutInviteCode ?? 0
    this.failing = state.failing ?? {}
  }

  private record(op: string, ...args: unknown[]): void {
    this.calls.push({ op, args: structuredClone(args) })
  }

  private fn(name: string): DeployedFunction {
    const f = this.functions.get(name)
    if (!f) throw notFound(`function ${name}`)
    return f
  }

  private settle(name: string): void {
    const f = this.fn(name)
    const failing = this.failing[name]
    if (failing) Object.assign(f, failing)
  }

  /** The ports of deploy/deploy.ts, answered by this stand-in. */
  ports(): DeployPorts {
    return {
      build: async () => {
        this.record('build')
      },
      data: {
        countOpenPolls: async () => {
          this.record('data.countOpenPolls')
          return this.openPolls
        },
        migrateInviteCodes: async () => {
          this.record('data.migrateInviteCodes')
          const changed = this.villagesWithoutInviteCode
          this.villagesWithoutInviteCode = 0
          return changed
        },
      },
      manager: {
        database: {
          createCollectionIfNotExists: async (name: string) => {
            this.record('database.createCollectionIfNotExists', name)
            const existed = this.collections.has(name)
            if (!existed) this.collections.set(name, [])
            return { IsCreated: !existed }
          },
          describeCollection: async (name: string) => {
            this.record('database.describeCollection', name)
            const indexes = this.collections.get(name)
            if (!indexes) {
              throw Object.assign(new Error(`collection ${name} not found`), {
                code: 'ResourceNotFound',
              })
            }
            return { Indexes: indexes.map((i) => ({ ...i })) }
          },
          updateCollection: async (name: string, info: CollectionUpdate) => {
            this.record('database.updateCollection', name, info)
            const indexes = this.collections.get(name)
            if (!indexes) throw new Error(`collection ${name} not found`)
            for (const i of info.CreateIndexes ?? []) {
              const onInviteCode =
                name === 'villages' &&
                i.MgoKeySchema.MgoIsUnique &&
                i.MgoKeySchema.MgoIndexKeys.some((k) => k.Name === 'inviteCode')
              if (onInviteCode && this.villagesWithoutInviteCode > 1) {
                throw Object.assign(
                  new Error('E11000 duplicate key error collection: villages index: inviteCode'),
                  { code: 'FailedOperation' },
                )
              }
              indexes.push({
                Name: i.IndexName,
                Unique: i.MgoKeySchema.MgoIsUnique,
                Keys: i.MgoKeySchema.MgoIndexKeys.map((k) => ({ ...k })),
              })
            }
            for (const d of info.DropIndexes ?? []) {
              const at = indexes.findIndex((i) => i.Name === d.IndexName)
              if (at < 0) {
                throw Object.assign(new Error(`index ${d.IndexName} not found`), {
                  code: 'ResourceNotFound',
                })
              }
              indexes.splice(at, 1)
            }
            return {}
          },
        },
        commonService: () => ({
          call: async (options: { Action: string; Param: Record<string, unknown> }) => {
            this.record('commonService.call', options)
            if (options.Action === 'ModifyDatabaseACL') {
              this.acl.set(String(options.Param.CollectionName), String(options.Param.AclTag))
            }
            return {}
          },
        }),
        storage: {
          setStorageAcl: async (acl: 'CUSTOM', rule: StorageRule) => {
            this.record('storage.setStorageAcl', acl, rule)
            this.storageRule = { ...rule }
            return {}
          },
        },
        functions: {
          getFunctionDetail: async (name: string) => {
            this.record('functions.getFunctionDetail', name)
            return structuredClone(this.fn(name))
          },
          createFunction: async (params: {
            func: FunctionSpec
            functionRootPath: string
            force: boolean
          }) => {
            this.record('functions.createFunction', params)
            if (this.functions.has(params.func.name) && !params.force) {
              throw Object.assign(new Error(`function ${params.func.name} exists`), {
                code: 'ResourceInUse.Function',
              })
            }
            this.functions.set(params.func.name, deployedFrom(params.func))
            this.settle(params.func.name)
            return {}
          },
          updateFunctionCode: async (params: { func: FunctionSpec; functionRootPath: string }) => {
            this.record('functions.updateFunctionCode', params)
            const f = this.fn(params.func.name)
            f.InstallDependency = params.func.installDependency ? 'TRUE' : 'FALSE'
            this.settle(params.func.name)
            return {}
          },
          updateFunctionConfig: async (func: FunctionSpec) => {
            this.record('functions.updateFunctionConfig', func)
            const f = this.fn(func.name)
            const next = deployedFrom(func)
            f.Timeout = next.Timeout
            f.MemorySize = next.MemorySize
            f.InstallDependency = next.InstallDependency
            // Like UpdateFunctionConfiguration: variables are replaced whole, when any are sent.
            if (Object.keys(func.envVariables).length) f.Environment = next.Environment
            this.settle(func.name)
            return {}
          },
          createFunctionTriggers: async (name: string, triggers: TriggerSpec[]) => {
            this.record('functions.createFunctionTriggers', name, triggers)
            const f = this.fn(name)
            for (const t of triggers) {
              if ((f.Triggers ?? []).some((x) => x.TriggerName === t.name)) {
                throw Object.assign(new Error(`trigger ${t.name} exists`), {
                  code: 'ResourceInUse.Trigger',
                })
              }
              f.Triggers = [
                ...(f.Triggers ?? []),
                {
                  TriggerName: t.name,
                  Type: t.type,
                  TriggerDesc: JSON.stringify({ cron: t.config }),
                },
              ]
            }
            return {}
          },
          deleteFunctionTrigger: async (name: string, triggerName: string) => {
            this.record('functions.deleteFunctionTrigger', name, triggerName)
            const f = this.fn(name)
            f.Triggers = (f.Triggers ?? []).filter((t) => t.TriggerName !== triggerName)
            return {}
          },
          waitFunctionActive: async (name: string) => {
            this.record('functions.waitFunctionActive', name)
            const f = this.fn(name)
            if (f.Status === 'CreateFailed')
              throw new Error(`function ${name} failed: ${f.StatusDesc ?? ''}`)
            return undefined
          },
        },
      },
    }
  }
}

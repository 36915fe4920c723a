/**
 * What the deploy code asks of CloudBase, as small interfaces (ports): the parts of
 * `@cloudbase/manager-node` it calls (database, functions, storage, commonService — same method
 * names and argument shapes, so a real `CloudBase` manager fits them as it is) and a node-sdk
 * database for the data it reads and migrates (open polls, villages without an invite code).
 *
 * `npm run deploy` fills them with the real clients; `--dry-run` with a printing stand-in and the
 * tests with a recording one (deploy/standIn.ts), so the same code runs in all three.
 */
import { COLLECTION } from '../cloudfunctions/_shared/collections'
import type { Database } from '../cloudfunctions/_shared/cloud'
import { migrateInviteCodes } from '../cloudfunctions/village/migrateInviteCodes'

/** One key of an index, as manager-node's `MgoIndexKeys` ("1" ascending, "-1" descending). */
export interface IndexKeySpec {
  Name: string
  Direction: string
}

/** manager-node's `CreateIndex`. */
export interface CreateIndexSpec {
  IndexName: string
  MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: IndexKeySpec[] }
}

/** An index as `describeCollection` reports it. */
export interface DescribedIndex {
  Name: string
  Unique?: boolean
  Keys?: Array<{ Name?: string; Direction?: string }>
}

/** manager-node's `DropIndex`. */
export interface DropIndexSpec {
  IndexName: string
}

/** What `updateCollection` is sent: indexes to create, or to drop (one kind per call here). */
export interface CollectionUpdate {
  CreateIndexes?: CreateIndexSpec[]
  DropIndexes?: DropIndexSpec[]
}

export interface DatabasePort {
  createCollectionIfNotExists(name: string): Promise<unknown>
  describeCollection(name: string): Promise<{ Indexes?: DescribedIndex[] }>
  updateCollection(name: string, info: CollectionUpdate): Promise<unknown>
}

/** CloudBase's cloud API by action name (`ModifyDatabaseACL`). */
export interface CommonServicePort {
  call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown>
}

export interface StorageRule {
  read: string
  write: string
}

export interface StoragePort {
  setStorageAcl(acl: 'CUSTOM', rule: StorageRule): Promise<unknown>
}

export interface TriggerSpec {
  name: string
  type: 'timer'
  config: string
}

/** manager-node's `ICloudFunction`, the fields we set. */
export interface FunctionSpec {
  name: string
  handler: 'index.main'
  runtime: string
  timeout: number
  memorySize: number
  installDependency: boolean
  envVariables: Record<string, string>
  triggers?: TriggerSpec[]
}

/** What `getFunctionDetail` answers (SCF's GetFunction), the fields we read. */
export interface DeployedFunction {
  FunctionName: string
  Status: string
  StatusDesc?: string
  StatusReasons?: Array<{ ErrorCode: string; ErrorMessage: string }>
  Runtime: string
  Handler: string
  Timeout: number
  MemorySize: number
  InstallDependency: 'TRUE' | 'FALSE'
  Environment?: { Variables?: Array<{ Key: string; Value: string }> }
  Triggers?: Array<{ TriggerName?: string; Type?: string; TriggerDesc?: string }>
}

export interface FunctionsPort {
  /** Throws an error with a `ResourceNotFound…` code when the function does not exist. */
  getFunctionDetail(name: string): Promise<DeployedFunction>
  createFunction(params: {
    func: FunctionSpec
    functionRootPath: string
    force: boolean
  }): Promise<unknown>
  updateFunctionCode(params: { func: FunctionSpec; functionRootPath: string }): Promise<unknown>
  updateFunctionConfig(func: FunctionSpec): Promise<unknown>
  createFunctionTriggers(name: string, triggers: TriggerSpec[]): Promise<unknown>
  deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>
  /** Resolves once the function is no longer creating or updating (rejects when creation failed). */
  waitFunctionActive(name: string): Promise<unknown>
}

/** The parts of a `@cloudbase/manager-node` `CloudBase` the deploy uses. */
export interface ManagerPort {
  readonly database: DatabasePort
  readonly functions: FunctionsPort
  readonly storage: StoragePort
  commonService(): CommonServicePort
}

/** The environment's data, through a node-sdk database. */
export interface DataPort {
  /** How many polls are open (status 'open'). */
  countOpenPolls(): Promise<number>
  /** Gives villages stored before 邀请码 their code; answers how many it changed. */
  migrateInviteCodes(): Promise<number>
}

/** The data port over a real node-sdk database (CloudBase's, or the emulator's). */
export const dataPortFor = (db: Database): DataPort => ({
  countOpenPolls: async () => {
    const res = await db.collection(COLLECTION.polls).where({ status: 'open' }).count()
    return typeof res.total === 'number' ? res.total : 0
  },
  migrateInviteCodes: () => migrateInviteCodes(db),
})

/** Whether a manager-node error says the thing asked for does not exist. */
export const isNotFound = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('ResourceNotFound')
}

// npm run deploy [-- --dry-run] [--env <envId>]
// npm run deploy -- --write-config
// Deploys the functions, their timers, the database (collections, indexes, security rules) and the
// storage rules to a CloudBase environment, from deploy/declaration.ts (see deploy/deploy.ts for
// the order and the checks). Credentials only from the environment: TENCENTCLOUD_SECRETID,
// TENCENTCLOUD_SECRETKEY; the environment id from --env or TCB_ENV_ID; the functions' variables
// (POLLS_BALLOT_SECRET, FENGSI_*) from the environment too.
//   --dry-run       prints every call it would make, in order, against a stand-in of a fresh
//                   environment; touches no network and needs no credentials.
//   --write-config  rewrites cloudbaserc.json from the declaration (for `tcb`) and stops.
import fs from 'node:fs'
import path from 'node:path'
import { cloudbasercText } from '../deploy/cloudbaserc'
import { describeCall, traced } from '../deploy/calls'
import { FUNCTIONS_OUT_DIR } from '../deploy/declaration'
import {
  ballotSecretProblem,
  deploy,
  DeployFailed,
  DeployRefused,
  type DeployPorts,
} from '../deploy/deploy'
import { dataPortFor, type ManagerPort } from '../deploy/ports'
import { StandInCloud } from '../deploy/standIn'

const ROOT = path.resolve(__dirname, '..')
export const CLOUDBASERC = path.join(ROOT, 'cloudbaserc.json')

/** The real clients (constructed only here, never in a dry run or a test). */
const realPorts = async (
  envId: string,
  secretId: string,
  secretKey: string,
): Promise<DeployPorts> => {
  const { default: CloudBase } = await import('@cloudbase/manager-node')
  const { default: tcb } = await import('@cloudbase/node-sdk')
  const { buildFunctions } = await import('./build-functions')
  const app = new CloudBase({ secretId, secretKey, envId })
  const manager: ManagerPort = {
    database: app.database,
    functions: app.functions,
    storage: app.storage,
    commonService: () => app.commonService(),
  }
  const db = tcb.init({ env: envId, secretId, secretKey }).database()
  return { manager, data: dataPortFor(db), build: () => buildFunctions() }
}

/** The version being deployed (every function's FENGSI_RELEASE). */
const release = (): string =>
  (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version

export const USAGE =
  'npm run deploy -- [--dry-run] [--env <envId>] | npm run deploy -- --write-config'

/**
 * Refuses any argument it does not know: a misspelt --dry-run must never start a real deploy.
 * (`npm run deploy --dry-run`, without the `--`, reaches the script as npm_config_dry_run.)
 */
export const parseArgs = (
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { dryRun: boolean; writeConfig: boolean; envId?: string } => {
  let dryRun = env.npm_config_dry_run === 'true'
  let writeConfig = false
  let envId: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--dry-run') dryRun = true
    else if (a === '--write-config') writeConfig = true
    else if (a === '--env' && args[i + 1] && !args[i + 1]?.startsWith('--')) envId = args[++i]
    else throw new DeployRefused('USAGE', `unknown or incomplete argument ${a ?? ''}: ${USAGE}`)
  }
  return { dryRun, writeConfig, ...(envId ? { envId } : {}) }
}

export const main = async (
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  out: (line: string) => void,
): Promise<void> => {
  const parsed = parseArgs(args, env)
  if (parsed.writeConfig) {
    fs.writeFileSync(CLOUDBASERC, cloudbasercText())
    out(`wrote ${path.relative(process.cwd(), CLOUDBASERC) || CLOUDBASERC}`)
    return
  }
  const { dryRun } = parsed
  const envId = parsed.envId ?? env.TCB_ENV_ID
  const functionRoot = path.join(ROOT, FUNCTIONS_OUT_DIR)
  if (dryRun) {
    out('DRY RUN: nothing is sent anywhere. The plan below is for a fresh environment (nothing')
    out(
      'deployed yet); against an existing one, existing indexes are skipped and functions updated.',
    )
    out(`environment: ${envId ?? '<unset> (--env <id> or TCB_ENV_ID)'}`)
    out(
      `credentials: TENCENTCLOUD_SECRETID ${env.TENCENTCLOUD_SECRETID ? '<set>' : '<unset>'}, TENCENTCLOUD_SECRETKEY ${env.TENCENTCLOUD_SECRETKEY ? '<set>' : '<unset>'}`,
    )
    let n = 0
    const ports = traced(new StandInCloud().ports(), (call) => {
      n += 1
      out(`${String(n).padStart(3)}. ${describeCall(call)}`)
    })
    await deploy(ports, {
      envId: envId ?? '<unset>',
      functionRoot: FUNCTIONS_OUT_DIR,
      env,
      log: out,
      release: release(),
      dryRun,
    })
    return
  }
  // Refused before any client exists (deploy() checks it again, first of all).
  const refused = ballotSecretProblem(env.POLLS_BALLOT_SECRET)
  if (refused) throw refused
  const secretId = env.TENCENTCLOUD_SECRETID
  const secretKey = env.TENCENTCLOUD_SECRETKEY
  if (!envId)
    throw new DeployRefused(
      'ENV_ID_MISSING',
      'no environment: pass --env <envId> or set TCB_ENV_ID',
    )
  if (!secretId || !secretKey) {
    throw new DeployRefused(
      'CREDENTIALS_MISSING',
      'set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (an API key of the Tencent Cloud account that owns the environment)',
    )
  }
  const ports = traced(await realPorts(envId, secretId, secretKey), (call) =>
    out(`→ ${describeCall(call)}`),
  )
  await deploy(ports, { envId, functionRoot, env, log: out, release: release() })
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename

if (isMain) {
  main(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`))
    .then(() => process.exit(0))
    .catch((e: unknown) => {
      if (e instanceof DeployRefused)
        process.stderr.write(`deploy refused (${e.code}): ${e.message}\n`)
      else if (e instanceof DeployFailed) process.stderr.write(`${e.message}\n`)
      else process.stderr.write(`deploy failed: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(e instanceof DeployRefused && e.code === 'USAGE' ? 2 : 1)
    })
}

// npm run upload [-- --dry-run]
// Builds the weapp (npm run build:weapp) and uploads dist/ to WeChat through miniprogram-ci as a
// development version, made by ci robot 1, for the admin to submit for review (deploy/upload.ts).
// Version: package.json's. Description: the newest section of CHANGELOG.md (it must be that
// version's). Credentials only from the environment:
//   WX_APPID             the mini-program's AppID
//   WX_UPLOAD_KEY_PATH   the code-upload key file (or WX_UPLOAD_KEY: its content)
// and the machine's IP on the key's whitelist (开发管理 → 开发设置 → 小程序代码上传).
// The build's TARO_APP_* variables come from the environment too (TARO_APP_CLOUD_ENV defaults to
// TCB_ENV_ID).
//   --dry-run  prints the plan (and what is missing) with no credentials; builds and sends nothing.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describeUploadStep, upload, UploadRefused, type UploadPorts } from '../deploy/upload'

const ROOT = path.resolve(__dirname, '..')

const inputs = (env: Readonly<Record<string, string | undefined>>) => ({
  version: (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version,
  changelog: fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'),
  projectPath: 'dist',
  env,
  exists: (file: string) => fs.existsSync(file),
})

/** The dry run's stand-in: prints each step, does nothing. */
const printing = (out: (line: string) => void): UploadPorts => {
  let n = 0
  const step = (op: string, args: unknown[]) => {
    n += 1
    out(`${String(n).padStart(3)}. ${describeUploadStep(op, args)}`)
  }
  return {
    build: async (env) => step('build', [env]),
    createProject: async (options) => step('createProject', [options]),
    upload: async (options) => {
      step('upload', [options])
      return {}
    },
  }
}

/** The real steps: the Taro build, then miniprogram-ci (loaded only here). */
const real = async (out: (line: string) => void): Promise<UploadPorts> => {
  const ci = (await import('miniprogram-ci')) as typeof import('miniprogram-ci')
  return {
    build: (env) =>
      new Promise((resolve, reject) => {
        out(describeUploadStep('build', [env]))
        const child = spawn('npm', ['run', 'build:weapp'], {
          cwd: ROOT,
          stdio: 'inherit',
          env: { ...process.env, ...env },
        })
        child.on('error', reject)
        child.on('exit', (code) =>
          code === 0 ? resolve(undefined) : reject(new Error(`npm run build:weapp exited ${code}`)),
        )
      }),
    createProject: async (options) => {
      out(describeUploadStep('createProject', [options]))
      return new ci.Project({ ...options, projectPath: path.join(ROOT, options.projectPath) })
    },
    upload: async (options) => {
      out(describeUploadStep('upload', [options]))
      return ci.upload({
        ...options,
        project: options.project as InstanceType<typeof ci.Project>,
      })
    },
  }
}

export class UsageError extends Error {}

export const main = async (
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  out: (line: string) => void,
): Promise<void> => {
  // Anything else is refused: a misspelt --dry-run must never start a real upload
  // (`npm run upload --dry-run`, without the `--`, arrives as npm_config_dry_run).
  const unknown = args.filter((a) => a !== '--dry-run')
  if (unknown.length) {
    throw new UsageError(`unknown argument ${unknown.join(' ')}: npm run upload [-- --dry-run]`)
  }
  const dryRun = args.includes('--dry-run') || env.npm_config_dry_run === 'true'
  if (dryRun) {
    out('DRY RUN: nothing is built or sent to WeChat.')
    out(
      `credentials: WX_APPID ${env.WX_APPID ? env.WX_APPID : '<unset>'}, WX_UPLOAD_KEY_PATH ${env.WX_UPLOAD_KEY_PATH ?? '<unset>'}, WX_UPLOAD_KEY ${env.WX_UPLOAD_KEY ? '<set>' : '<unset>'}`,
    )
  }
  const ports = dryRun ? printing(out) : await real(out)
  await upload(ports, inputs(env), { dryRun, log: out })
  out(
    dryRun
      ? 'dry run done: nothing was built or sent'
      : 'uploaded: in the mini-program console (版本管理 → 开发版本), submit it for review',
  )
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename

if (isMain) {
  main(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`))
    // miniprogram-ci leaves handles open: it does not exit by itself.
    .then(() => process.exit(0))
    .catch((e: unknown) => {
      if (e instanceof UploadRefused || e instanceof UsageError) {
        process.stderr.write(`${e.message}\n`)
      } else process.stderr.write(`upload failed: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(e instanceof UsageError ? 2 : 1)
    })
}

// npm run smoke [-- --env <envId> | --url <emulator URL>]
// After a deploy: asks every function of an environment for its health ({ action: 'health' }:
// its name, the version, the database reachable; it reads no document and writes nothing) and
// exits 1 unless every one answers ok with package.json's version (deploy/smoke.ts).
// Credentials only from the environment: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (for
// --url, a running emulator's, which `npm start` prints); the environment id from --env or
// TCB_ENV_ID. Without credentials it says it was skipped and exits 0, so CI stays offline.
import tcb from '@cloudbase/node-sdk'
import fs from 'node:fs'
import path from 'node:path'
import { smoke, smokeLineText, type CallFunction } from '../deploy/smoke'
import { sdkFor } from './seed'

const ROOT = path.resolve(__dirname, '..')

const valueOf = (args: readonly string[], flag: string): string | undefined => {
  const i = args.indexOf(flag)
  return i >= 0 ? args[i + 1] : undefined
}

export const SKIPPED =
  'smoke: skipped — TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY are not set, so no environment was called'

/** Runs the smoke test; resolves to the exit code (0 all ok or skipped, 1 a failure, 2 usage). */
export const main = async (
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  out: (line: string) => void,
): Promise<number> => {
  const secretId = env.TENCENTCLOUD_SECRETID
  const secretKey = env.TENCENTCLOUD_SECRETKEY
  if (!secretId || !secretKey) {
    out(SKIPPED)
    return 0
  }
  const url = valueOf(args, '--url')
  const envId = valueOf(args, '--env') ?? env.TCB_ENV_ID
  if (!url && !envId) {
    out('smoke: no environment — pass --env <envId> or set TCB_ENV_ID (or --url <emulator URL>)')
    return 2
  }
  const app = url
    ? sdkFor(url, { secretId, secretKey })
    : tcb.init({ env: envId, secretId, secretKey })
  const call: CallFunction = async (name, data) => (await app.callFunction({ name, data })).result
  const version = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version
  out(`smoke: ${url ?? envId}, expecting version ${version}`)
  const lines = await smoke(call, version)
  for (const line of lines) out(smokeLineText(line))
  const failed = lines.filter((l) => !l.ok).length
  out(
    failed === 0
      ? `smoke: all ${lines.length} functions ok`
      : `smoke: ${failed} of ${lines.length} functions failed`,
  )
  return failed === 0 ? 0 : 1
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename

if (isMain) {
  main(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((e: unknown) => {
      process.stderr.write(`smoke failed: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(1)
    })
}

// npm run check:weapp [-- <mini-program dir>]   (runs `unshare -n tsx scripts/compile-weapp.ts`)
// Compiles the built mini-program (dist/ by default, after `npm run build:weapp`) with WeChat's
// own compiler, miniprogram-ci's offline `getCompiledResult`, into a zip in a temporary folder,
// and prints how many code files it compiled, the result's size and the time it took. A page
// missing from the build or a broken app.json makes it fail with WeChat's message.
//
// miniprogram-ci also tries to reach WeChat's servers (and carries on when it cannot), so this
// script refuses to run unless it is inside a network namespace with no interface but loopback:
// `unshare -n` (as root) gives it one. It never sends anything out.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')

/** The appid WeChat's tools use for a project without one (the compile does not need a real one). */
export const PLACEHOLDER_APPID = 'touristappid'

/** Any key text does offline: the key is only read to sign requests to WeChat, which never go out. */
const OFFLINE_PRIVATE_KEY =
  '-----BEGIN RSA PRIVATE KEY-----\nfengsi-offline-compile\n-----END RSA PRIVATE KEY-----\n'

/**
 * The network interfaces of this process's namespace other than loopback (none under `unshare -n`).
 * Read from /proc/self/net/dev, which shows the process's own namespace (sysfs shows the host's).
 */
export const nonLoopbackInterfaces = (): string[] => {
  let table: string
  try {
    table = fs.readFileSync('/proc/self/net/dev', 'utf8')
  } catch {
    // No procfs: judge by the interfaces node sees.
    return Object.keys(os.networkInterfaces()).filter((name) => name !== 'lo')
  }
  return table
    .split('\n')
    .slice(2)
    .map((line) => line.split(':')[0].trim())
    .filter((name) => name !== '' && name !== 'lo')
}

const fail = (message: string): never => {
  process.stderr.write(`check:weapp: ${message}\n`)
  process.exit(1)
}

/** A folder as the messages name it: relative when inside the current one. */
const shown = (dir: string): string => {
  const rel = path.relative(process.cwd(), dir)
  return rel && !rel.startsWith('..') ? rel : dir
}

const appidOf = (dir: string): string => {
  const file = path.join(dir, 'project.config.json')
  if (!fs.existsSync(file)) return PLACEHOLDER_APPID
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { appid?: unknown }
  return typeof config.appid === 'string' && config.appid ? config.appid : PLACEHOLDER_APPID
}

const errorText = (e: unknown): string => {
  if (e instanceof Error) return e.message
  if (typeof e === 'object' && e !== null) {
    const { message, msg } = e as { message?: unknown; msg?: unknown }
    if (typeof message === 'string') return message
    if (typeof msg === 'string') return msg
    return JSON.stringify(e)
  }
  return String(e)
}

const main = async (): Promise<void> => {
  const outside = nonLoopbackInterfaces()
  if (outside.length) {
    fail(
      `refusing to run with network interfaces (${outside.join(', ')}): miniprogram-ci tries to ` +
        'reach WeChat. Run it as `npm run check:weapp` (inside `unshare -n`, as root).',
    )
  }
  const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'))
  if (!fs.existsSync(path.join(dir, 'app.json'))) {
    fail(`${shown(dir)} has no app.json: run npm run build:weapp first`)
  }
  // Loaded only once the namespace is known to have no way out.
  const ci = (await import('miniprogram-ci')) as typeof import('miniprogram-ci')
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-compile-'))
  const zip = path.join(tmp, 'compiled.zip')
  const started = Date.now()
  try {
    const project = new ci.Project({
      appid: appidOf(dir),
      type: 'miniProgram',
      projectPath: dir,
      privateKey: OFFLINE_PRIVATE_KEY,
      ignores: ['node_modules/**/*'],
    })
    // The project's attributes would be fetched from WeChat; offline, the defaults stand in.
    project.attr = async () => ci.DefaultProjectAttr
    const result = await ci.getCompiledResult(
      {
        project,
        version: '0.0.0',
        desc: 'offline compile check',
        setting: { useProjectConfig: true },
      },
      zip,
    )
    const seconds = (Date.now() - started) / 1000
    const files = Object.keys(result)
    const scripts = files.filter((f) => f.endsWith('.js')).length
    const kb = fs.statSync(zip).size / 1024
    process.stdout.write(
      `check:weapp: WeChat's compiler compiled ${files.length} files (${scripts} JavaScript) into ${kb.toFixed(0)} KB in ${seconds.toFixed(1)} s\n`,
    )
  } catch (e) {
    fail(`WeChat's compiler refused ${shown(dir)}: ${errorText(e)}`)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

main().then(
  // miniprogram-ci leaves handles open: it does not exit by itself.
  () => process.exit(0),
  (e: unknown) => fail(errorText(e)),
)

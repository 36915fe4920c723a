// npm run emulator -- --port <n> [--memory] [--data <dir>] [--functions <dir>] [--static <dir>] [--dev]
//                     [--collections <module exporting COLLECTIONS>] [--cors-origin <origin>]…
//                     [--public-url <url>] [--import <dir>] [--export-on-exit <dir>]
//                     [--function-env <NAME>]… (hands this process's NAME to every function)
// npm run emulator -- export <dir> [--data <dir>]   (writes <dir>/<collection>.json and exits)
import path from 'node:path'
import { startEmulator, type CollectionSpec } from './index'

interface CliOptions {
  port: number
  memory: boolean
  dataDir: string
  functionsDir?: string
  staticDir?: string
  dev: boolean
  collectionsModule?: string
  corsOrigins: string[]
  /** Names of this process's environment variables handed to every function instance. */
  functionEnv: string[]
  publicUrl?: string
  importDir?: string
  exportOnExit?: string
  /** `export <dir>`: write the data directory's collections and exit. */
  exportTo?: string
}

const USAGE = [
  'usage: cloudbase-emulator [--port <n>] [--memory] [--data <dir>] [--functions <dir>] [--static <dir>] [--dev]',
  '         [--collections <file>] [--cors-origin <origin>]... [--public-url <url>] [--import <dir>] [--export-on-exit <dir>]',
  '         [--function-env <NAME>]...',
  '       cloudbase-emulator export <dir> [--data <dir>] [--collections <file>]',
].join('\n')

/** Flags that take one path or URL, and the option each sets. */
const PATH_FLAGS: Record<
  string,
  | 'dataDir'
  | 'functionsDir'
  | 'staticDir'
  | 'collectionsModule'
  | 'publicUrl'
  | 'importDir'
  | 'exportOnExit'
> = {
  '--data': 'dataDir',
  '--functions': 'functionsDir',
  '--static': 'staticDir',
  '--collections': 'collectionsModule',
  '--public-url': 'publicUrl',
  '--import': 'importDir',
  '--export-on-exit': 'exportOnExit',
}

const parseArgs = (argv: readonly string[]): CliOptions => {
  const out: CliOptions = {
    port: 3100,
    memory: false,
    dataDir: '.data',
    dev: false,
    corsOrigins: [],
    functionEnv: [],
  }
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`)
    return v
  }
  let start = 0
  if (argv[0] === 'export') {
    const dir = argv[1]
    if (dir === undefined || dir.startsWith('--'))
      throw new Error(`export needs a directory\n${USAGE}`)
    out.exportTo = dir
    start = 2
  }
  for (let i = start; i < argv.length; i++) {
    const a = argv[i]
    const field = Object.prototype.hasOwnProperty.call(PATH_FLAGS, a) ? PATH_FLAGS[a] : undefined
    if (field) {
      out[field] = value(i, a)
      i++
      continue
    }
    switch (a) {
      case '--cors-origin': {
        const origin = value(i, a)
        if (!/^https?:\/\/[^/]+$/.test(origin)) {
          throw new Error(`--cors-origin ${origin}: an origin is scheme://host[:port]\n${USAGE}`)
        }
        out.corsOrigins.push(origin)
        i++
        break
      }
      case '--function-env': {
        const name = value(i, a)
        if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) {
          throw new Error(
            `--function-env ${name}: the NAME of a variable of this process\n${USAGE}`,
          )
        }
        if (process.env[name] === undefined) throw new Error(`--function-env ${name}: not set`)
        out.functionEnv.push(name)
        i++
        break
      }
      case '--port': {
        const n = Number(value(i, a))
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`bad --port\n${USAGE}`)
        out.port = n
        i++
        break
      }
      case '--memory':
        out.memory = true
        break
      case '--dev':
        out.dev = true
        break
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`)
        process.exit(0)
        break
      default:
        throw new Error(`unknown argument ${a}\n${USAGE}`)
    }
  }
  return out
}

const loadCollections = (file: string | undefined): CollectionSpec[] => {
  if (!file) return []
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require(path.resolve(file)) as { COLLECTIONS?: CollectionSpec[] }
  if (!Array.isArray(mod.COLLECTIONS)) throw new Error(`${file} does not export COLLECTIONS`)
  return mod.COLLECTIONS
}

const main = async (): Promise<void> => {
  // CloudBase runs functions in UTC; functions here share this process's time zone.
  process.env.TZ = 'UTC'
  const opts = parseArgs(process.argv.slice(2))
  if (opts.exportTo) {
    const source = await startEmulator({
      dataDir: opts.dataDir,
      collections: loadCollections(opts.collectionsModule),
    })
    try {
      const { collections } = source.exportData(opts.exportTo)
      for (const [name, n] of Object.entries(collections)) {
        process.stdout.write(`${name}: ${n} documents\n`)
      }
    } finally {
      await source.close()
    }
    return
  }
  const emulator = await startEmulator({
    port: opts.port,
    memory: opts.memory,
    dataDir: opts.dataDir,
    functionsDir: opts.functionsDir,
    staticDir: opts.staticDir,
    dev: opts.dev,
    collections: loadCollections(opts.collectionsModule),
    corsOrigins: opts.corsOrigins,
    publicUrl: opts.publicUrl,
    importDir: opts.importDir,
    exportOnExit: opts.exportOnExit,
    functionEnv: Object.fromEntries(opts.functionEnv.map((n) => [n, process.env[n] ?? ''])),
  })
  process.stdout.write(`emulator listening on ${emulator.url}\n`)
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})

// npm run emulator -- --port <n> [--memory] [--data <dir>] [--functions <dir>] [--static <dir>] [--dev]
//                     [--collections <module exporting COLLECTIONS>]
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
}

const USAGE =
  'usage: cloudbase-emulator [--port <n>] [--memory] [--data <dir>] [--functions <dir>] [--static <dir>] [--dev] [--collections <file>]'

const parseArgs = (argv: readonly string[]): CliOptions => {
  const out: CliOptions = { port: 3100, memory: false, dataDir: '.data', dev: false }
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`)
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    switch (a) {
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
      case '--data':
        out.dataDir = value(i, a)
        i++
        break
      case '--functions':
        out.functionsDir = value(i, a)
        i++
        break
      case '--static':
        out.staticDir = value(i, a)
        i++
        break
      case '--collections':
        out.collectionsModule = value(i, a)
        i++
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
  const emulator = await startEmulator({
    port: opts.port,
    memory: opts.memory,
    dataDir: opts.dataDir,
    functionsDir: opts.functionsDir,
    staticDir: opts.staticDir,
    dev: opts.dev,
    collections: loadCollections(opts.collectionsModule),
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

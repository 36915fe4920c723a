// npm run build:functions [-- <name> ...]
// Bundles each cloudfunctions/<name>/index.ts (with _shared/ and @cloudbase/node-sdk) into
// cloudfunctions/<name>/index.js, so every function folder deploys alone: index.js + package.json
// + config.json. Folders starting with `_` are shared code, not functions.
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'

export const FUNCTIONS_ROOT = path.resolve(__dirname, '..', 'cloudfunctions')

export interface BuiltFunction {
  readonly name: string
  readonly file: string
  readonly bytes: number
}

/** Names of the function folders under `root` (those with an index.ts). */
export const functionNames = (root: string = FUNCTIONS_ROOT): string[] =>
  fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .filter((d) => fs.existsSync(path.join(root, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()

export const buildFunctions = async (
  options: { root?: string; names?: readonly string[] } = {},
): Promise<BuiltFunction[]> => {
  const root = options.root ?? FUNCTIONS_ROOT
  const names = options.names?.length ? [...options.names] : functionNames(root)
  const built: BuiltFunction[] = []
  for (const name of names) {
    const dir = path.join(root, name)
    for (const required of ['index.ts', 'package.json', 'config.json']) {
      if (!fs.existsSync(path.join(dir, required))) {
        throw new Error(`cloudfunctions/${name} has no ${required}`)
      }
    }
    const file = path.join(dir, 'index.js')
    // Written aside and renamed into place, so a test run loading the function meanwhile never
    // reads a half-written bundle.
    const partial = `${file}.${process.pid}.partial`
    await build({
      entryPoints: [path.join(dir, 'index.ts')],
      outfile: partial,
      bundle: true,
      platform: 'node',
      // the oldest Node.js runtime CloudBase offers
      target: 'node16',
      format: 'cjs',
      logLevel: 'warning',
      legalComments: 'none',
      // Smaller bundles load faster on every cold start; names stay readable in stack traces.
      minifyWhitespace: true,
      minifySyntax: true,
    })
    fs.renameSync(partial, file)
    built.push({ name, file, bytes: fs.statSync(file).size })
  }
  return built
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename

if (isMain) {
  buildFunctions({ names: process.argv.slice(2) })
    .then((built) => {
      for (const f of built) {
        process.stdout.write(
          `built ${path.relative(process.cwd(), f.file)} (${(f.bytes / 1024).toFixed(0)} KB)\n`,
        )
      }
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(1)
    })
}

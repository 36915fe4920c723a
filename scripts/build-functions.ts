// npm run build:functions [-- <name> ...]
// Bundles each cloudfunctions/<name>/index.ts (with _shared/, domain/ and @cloudbase/node-sdk)
// into dist-functions/<name>/index.js and writes its config.json and package.json from
// deploy/declaration.ts, so each built folder deploys alone and holds no TypeScript source.
// Folders of cloudfunctions/ starting with `_` are shared code, not functions.
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import {
  BUNDLE_TARGET,
  FUNCTIONS,
  FUNCTIONS_OUT_DIR,
  functionDeclaration,
} from '../deploy/declaration'
import { configJsonFor, packageJsonFor } from '../deploy/functionFiles'

const ROOT = path.resolve(__dirname, '..')

/** The functions' TypeScript sources (one folder per function, shared code in `_shared/`). */
export const FUNCTIONS_SRC = path.join(ROOT, 'cloudfunctions')

/** The built functions: `<name>/index.js` + `config.json` + `package.json` (what is deployed). */
export const FUNCTIONS_OUT = path.join(ROOT, FUNCTIONS_OUT_DIR)

export interface BuiltFunction {
  readonly name: string
  readonly file: string
  readonly bytes: number
}

/** Names of the function folders under `root` (those with an index.ts). */
export const functionNames = (root: string = FUNCTIONS_SRC): string[] =>
  fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .filter((d) => fs.existsSync(path.join(root, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()

/** The version every bundle reports (its package.json, the `health` action). */
export const projectVersion = (): string =>
  (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version

const writeJson = (file: string, value: unknown): void =>
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)

export const buildFunctions = async (
  options: { src?: string; out?: string; names?: readonly string[] } = {},
): Promise<BuiltFunction[]> => {
  const src = options.src ?? FUNCTIONS_SRC
  const out = options.out ?? FUNCTIONS_OUT
  const names = options.names?.length ? [...options.names] : functionNames(src)
  const version = projectVersion()
  const undeclared = functionNames(src).filter((n) => !FUNCTIONS.some((f) => f.name === n))
  if (undeclared.length) {
    throw new Error(`cloudfunctions/${undeclared[0]} is not declared in deploy/declaration.ts`)
  }
  const built: BuiltFunction[] = []
  for (const name of names) {
    const declared = functionDeclaration(name)
    const entry = path.join(src, name, 'index.ts')
    if (!fs.existsSync(entry)) throw new Error(`cloudfunctions/${name} has no index.ts`)
    const dir = path.join(out, name)
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, 'index.js')
    // Written aside and renamed into place, so a test run loading the function meanwhile never
    // reads a half-written bundle.
    const partial = `${file}.${process.pid}.partial`
    await build({
      entryPoints: [entry],
      outfile: partial,
      bundle: true,
      platform: 'node',
      target: BUNDLE_TARGET,
      format: 'cjs',
      logLevel: 'warning',
      legalComments: 'none',
      // Smaller bundles load faster on every cold start; names stay readable in stack traces.
      minifyWhitespace: true,
      minifySyntax: true,
      define: { __FENGSI_VERSION__: JSON.stringify(version) },
    })
    fs.renameSync(partial, file)
    writeJson(path.join(dir, 'config.json'), configJsonFor(declared))
    writeJson(path.join(dir, 'package.json'), packageJsonFor(declared, version))
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

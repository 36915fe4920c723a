/**
 * Offline check of the built functions (`npm run build:functions` → dist-functions/): every
 * declared function has a folder holding exactly `index.js`, `config.json` and `package.json` (no
 * TypeScript source, nothing else: DevTools and `tcb` upload the folder whole); `index.js`,
 * required in a fresh node process, exports a `main` function (the handler `index.main`); the two
 * JSON files are what deploy/functionFiles.ts generates from the declaration; and no folder there
 * is a function nobody declared.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { FUNCTIONS, type FunctionDeclaration } from '../declaration'
import { configJsonFor, packageJsonFor } from '../functionFiles'

const ROOT = path.resolve(__dirname, '../..')

/** The files a built function's folder holds, and nothing else. */
export const BUNDLE_FILES = ['config.json', 'index.js', 'package.json'] as const

/** The project's version, which every bundle's package.json carries. */
export const projectVersion = (): string =>
  (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? filesUnder(path.join(dir, d.name)).map((f) => `${d.name}/${f}`) : [d.name],
    )
    .sort()

/** `typeof require(file).main` in a fresh node process (or the error it stopped with). */
const mainExportOf = (file: string): string => {
  const run = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(typeof require(process.argv[1]).main)', file],
    { encoding: 'utf8', timeout: 30_000 },
  )
  if (run.status !== 0) {
    const last =
      run.stderr.split('\n').find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? `exit ${run.status}`
    return `a load error (${last.trim()})`
  }
  return run.stdout
}

const readJson = (file: string): { value?: unknown; error?: string } => {
  try {
    return { value: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
}

/** What is wrong with the built functions in `out`, one line each (none: all good). */
export const checkBundles = (
  out: string,
  functions: readonly FunctionDeclaration[] = FUNCTIONS,
  version: string = projectVersion(),
): string[] => {
  if (!fs.existsSync(out)) return [`${out} does not exist: run npm run build:functions`]
  const problems: string[] = []
  const folders = fs
    .readdirSync(out, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
  for (const name of folders) {
    if (!functions.some((f) => f.name === name)) {
      problems.push(`${name}/: a folder for a function deploy/declaration.ts does not declare`)
    }
  }
  for (const f of functions) {
    const dir = path.join(out, f.name)
    if (!fs.existsSync(dir)) {
      problems.push(`${f.name}/: not built`)
      continue
    }
    for (const file of filesUnder(dir)) {
      if (/\.(ts|tsx|mts|cts)$/.test(file)) {
        problems.push(`${f.name}/${file}: TypeScript source in a bundle folder`)
      } else if (!(BUNDLE_FILES as readonly string[]).includes(file)) {
        problems.push(`${f.name}/${file}: not part of a bundle (only ${BUNDLE_FILES.join(', ')})`)
      }
    }
    const index = path.join(dir, 'index.js')
    if (!fs.existsSync(index)) {
      problems.push(`${f.name}/index.js: missing`)
    } else {
      const main = mainExportOf(index)
      if (main !== 'function') problems.push(`${f.name}/index.js: main is ${main}, not a function`)
    }
    const expected: Record<string, unknown> = {
      'config.json': configJsonFor(f),
      'package.json': packageJsonFor(f, version),
    }
    for (const [file, want] of Object.entries(expected)) {
      const at = path.join(dir, file)
      if (!fs.existsSync(at)) {
        problems.push(`${f.name}/${file}: missing`)
        continue
      }
      const got = readJson(at)
      if (got.error !== undefined) {
        problems.push(`${f.name}/${file}: not JSON (${got.error})`)
      } else if (!isDeepStrictEqual(got.value, want)) {
        problems.push(
          `${f.name}/${file}: differs from what deploy/functionFiles.ts generates ` +
            `(${JSON.stringify(got.value)} ≠ ${JSON.stringify(want)})`,
        )
      }
    }
  }
  return problems
}

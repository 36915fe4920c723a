/**
 * Prints the size of the WeChat build's main package and of each subpackage (分包), and fails
 * when one is over WeChat's 2 MB limit or the main package is over our own 1 MB budget (issue
 * #11: every resident page loads fast on a cheap phone; the rest goes into subpackages).
 * Run after `npm run build:weapp`.
 */
import fs from 'node:fs'
import path from 'node:path'

const DIST = path.resolve(__dirname, '..', 'dist')
/** WeChat's limit for every package. */
const LIMIT = 2 * 1024 * 1024
/** Our budget for the main package (the tab pages and what they share). */
const MAIN_BUDGET = 1024 * 1024

interface AppJson {
  subPackages?: Array<{ root: string }>
  subpackages?: Array<{ root: string }>
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

function main() {
  const appJsonPath = path.join(DIST, 'app.json')
  if (!fs.existsSync(appJsonPath)) {
    console.error('dist/app.json is missing: run `npm run build:weapp` first')
    process.exit(1)
  }
  const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as AppJson
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) =>
    p.root.replace(/\/?$/, '/'),
  )
  const sizes = new Map<string, number>([
    ['main', 0],
    ...roots.map((r) => [r, 0] as [string, number]),
  ])
  for (const file of filesUnder(DIST)) {
    // Source maps and license notes are not uploaded to WeChat.
    if (file.endsWith('.map') || file.endsWith('.LICENSE.txt')) continue
    const rel = path.relative(DIST, file).split(path.sep).join('/')
    const owner = roots.find((r) => rel.startsWith(r)) ?? 'main'
    sizes.set(owner, (sizes.get(owner) ?? 0) + fs.statSync(file).size)
  }
  const problems: string[] = []
  let total = 0
  for (const [name, bytes] of sizes) {
    const isMain = name === 'main'
    const limit = isMain ? MAIN_BUDGET : LIMIT
    const label = isMain ? 'main package' : `subpackage ${name}`
    console.log(
      `weapp ${label}: ${(bytes / 1024).toFixed(1)} KB (limit ${limit / 1024} KB${isMain ? ', our budget' : ''})`,
    )
    total += bytes
    if (bytes > limit) {
      problems.push(
        isMain
          ? 'The main package is over its 1 MB budget: move pages into subpackages.'
          : `Subpackage ${name} is over WeChat’s 2 MB limit.`,
      )
    }
  }
  console.log(`weapp total: ${(total / 1024).toFixed(1)} KB`)
  if (problems.length > 0) {
    for (const p of problems) console.error(p)
    process.exit(1)
  }
}

main()

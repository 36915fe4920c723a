/**
 * Offline check of the weapp build's app.json (dist/, after `npm run build:weapp`): it parses;
 * every page of the main package and of each subpackage has its .js, .json, .wxml and .wxss; no
 * page is listed twice; subpackage roots are distinct and none lies inside another; tabBar pages
 * (and entryPagePath) are main-package pages; every page's and component's .json parses and each
 * component it uses (usingComponents) has its .js, .json and .wxml. WeChat refuses a package
 * otherwise, on upload or when the page opens.
 */
import fs from 'node:fs'
import path from 'node:path'

/** The four files every page needs. */
export const PAGE_FILES = ['.js', '.json', '.wxml', '.wxss'] as const

/** The files a custom component needs (its .wxss is optional). */
const COMPONENT_FILES = ['.js', '.json', '.wxml'] as const

interface SubPackage {
  root?: unknown
  pages?: unknown
}

interface AppJson {
  pages?: unknown
  subPackages?: unknown
  subpackages?: unknown
  tabBar?: { list?: unknown }
  entryPagePath?: unknown
}

const parse = (file: string): { value?: unknown; error?: string } => {
  try {
    return { value: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
}

const stringsOf = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined

/** What is wrong with the mini-program built in `dist`, one line each (none: all good). */
export const checkAppJson = (dist: string): string[] => {
  const appFile = path.join(dist, 'app.json')
  if (!fs.existsSync(appFile)) return [`app.json: missing in ${dist} (run npm run build:weapp)`]
  const parsed = parse(appFile)
  if (parsed.error !== undefined) return [`app.json: not JSON (${parsed.error})`]
  const app = parsed.value as AppJson
  const problems: string[] = []

  const mainPages = stringsOf(app.pages)
  if (!mainPages?.length) problems.push('app.json: "pages" must list at least one page')
  const pages: Array<{ page: string; where: string }> = (mainPages ?? []).map((page) => ({
    page,
    where: 'pages',
  }))

  const subs = app.subPackages ?? app.subpackages ?? []
  const roots: string[] = []
  if (!Array.isArray(subs)) problems.push('app.json: "subPackages" is not a list')
  else {
    for (const [i, sub] of (subs as SubPackage[]).entries()) {
      const where = `subPackages[${i}]`
      if (typeof sub.root !== 'string' || !sub.root) {
        problems.push(`app.json: ${where} has no root`)
        continue
      }
      const root = sub.root.replace(/\/+$/, '')
      const subPages = stringsOf(sub.pages)
      if (!subPages?.length) problems.push(`app.json: ${where} (${root}) lists no pages`)
      for (const page of subPages ?? []) pages.push({ page: `${root}/${page}`, where })
      roots.push(root)
    }
  }
  for (const [i, a] of roots.entries()) {
    for (const b of roots.slice(i + 1)) {
      if (a === b) problems.push(`app.json: subpackage root ${a} is declared twice`)
      else if (a.startsWith(`${b}/`) || b.startsWith(`${a}/`)) {
        problems.push(`app.json: subpackage roots ${a} and ${b} lie one inside the other`)
      }
    }
  }
  const inSubPackage = (page: string) => roots.some((r) => page.startsWith(`${r}/`))
  for (const page of mainPages ?? []) {
    if (inSubPackage(page)) problems.push(`app.json: main page ${page} lies in a subpackage root`)
  }

  const seen = new Set<string>()
  const components = new Set<string>()
  for (const { page, where } of pages) {
    if (seen.has(page)) problems.push(`app.json: page ${page} is listed twice`)
    seen.add(page)
    const missing = PAGE_FILES.filter((ext) => !fs.existsSync(path.join(dist, page + ext)))
    if (missing.length) {
      problems.push(`app.json: ${where} page ${page} is not built (no ${missing.join(', ')})`)
    }
    if (!missing.includes('.json')) components.add(page)
  }

  // Every page's .json, then every component they use, transitively.
  const checked = new Set<string>()
  const queue = [...components]
  while (queue.length) {
    const unit = queue.shift() as string
    if (checked.has(unit)) continue
    checked.add(unit)
    const json = parse(path.join(dist, `${unit}.json`))
    if (json.error !== undefined) {
      problems.push(`${unit}.json: not JSON (${json.error})`)
      continue
    }
    const using = (json.value as { usingComponents?: Record<string, unknown> }).usingComponents
    for (const [tag, ref] of Object.entries(using ?? {})) {
      if (typeof ref !== 'string' || ref.startsWith('plugin://')) continue
      const target = ref.startsWith('/')
        ? ref.slice(1)
        : path.posix.normalize(path.posix.join(path.posix.dirname(unit), ref))
      const absent = COMPONENT_FILES.filter((ext) => !fs.existsSync(path.join(dist, target + ext)))
      if (absent.length) {
        problems.push(`${unit}.json: component ${tag} (${ref}) has no ${absent.join(', ')}`)
      } else queue.push(target)
    }
  }

  const tabs = app.tabBar?.list
  if (tabs !== undefined) {
    if (!Array.isArray(tabs)) problems.push('app.json: tabBar.list is not a list')
    else {
      for (const [i, tab] of (tabs as Array<{ pagePath?: unknown }>).entries()) {
        const page = tab.pagePath
        if (typeof page !== 'string' || !(mainPages ?? []).includes(page)) {
          problems.push(
            `app.json: tabBar.list[${i}] page ${String(page)} is not a main-package page`,
          )
        }
      }
    }
  }
  if (app.entryPagePath !== undefined) {
    const entry = app.entryPagePath
    if (typeof entry !== 'string' || !(mainPages ?? []).includes(entry)) {
      problems.push(`app.json: entryPagePath ${String(entry)} is not a main-package page`)
    }
  }
  return problems
}

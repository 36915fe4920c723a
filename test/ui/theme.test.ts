/**
 * 大字模式 rescales every screen through one block of theme variables (`.fs-large` in
 * src/theme.css). That holds only if every font size in our CSS is one of those variables: this
 * test reads every `src/**\/*.css` with postcss and checks each `font-size` (and `font`
 * shorthand) declaration. Custom properties themselves (`--fs-font-size-body: 36px`) are the
 * theme's definitions, not uses, and are only allowed in the theme file.
 */
import fs from 'node:fs'
import path from 'node:path'
import postcss from 'postcss'

const SRC = path.resolve(__dirname, '..', '..', 'src')
const THEME = path.join(SRC, 'theme.css')

function cssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return cssFiles(full)
    return entry.name.endsWith('.css') ? [full] : []
  })
}

/** The variables `.fs-large` redefines: the only font sizes that grow in 大字模式. */
function scaledVariables(): Set<string> {
  const names = new Set<string>()
  postcss.parse(fs.readFileSync(THEME, 'utf8')).walkRules((rule) => {
    if (!rule.selectors.includes('.fs-large')) return
    rule.walkDecls(/^--/, (decl) => {
      names.add(decl.prop)
    })
  })
  return names
}

interface Finding {
  file: string
  line: number
  declaration: string
  why: string
}

/** What is wrong with one font-size value, or undefined when it is a scaled theme variable. */
export function fontSizeProblem(value: string, scaled: Set<string>): string | undefined {
  const v = value.trim()
  if (v === 'inherit') return undefined
  const vars = [...v.matchAll(/var\(\s*(--[\w-]+)\s*(?:,[^)]*)?\)/g)]
  if (vars.length === 0) return 'not a theme variable'
  // A variable times a plain number still scales; anything else with a digit is a literal size.
  const rest = v
    .replace(/var\(\s*--[\w-]+\s*(?:,[^)]*)?\)/g, '')
    .replace(/\*\s*[\d.]+(?![\w%])|[\d.]+\s*\*/g, '')
    .replace(/calc\(|[()\s]/g, '')
  if (/\d/.test(rest)) return `a literal size beside the variable (${rest})`
  const unscaled = vars.map((m) => m[1] as string).filter((name) => !scaled.has(name))
  if (unscaled.length > 0) return `${unscaled.join(', ')} is not redefined in .fs-large`
  return undefined
}

function findings(): { files: number; declarations: number; problems: Finding[] } {
  const scaled = scaledVariables()
  const files = cssFiles(SRC)
  const problems: Finding[] = []
  let declarations = 0
  for (const file of files) {
    const rel = path.relative(SRC, file)
    postcss.parse(fs.readFileSync(file, 'utf8'), { from: file }).walkDecls((decl) => {
      const line = decl.source?.start?.line ?? 0
      if (decl.prop.startsWith('--')) {
        if (/font-size/.test(decl.prop) && file !== THEME) {
          problems.push({
            file: rel,
            line,
            declaration: decl.toString(),
            why: 'font-size variables are defined only in theme.css',
          })
        }
        return
      }
      if (decl.prop !== 'font-size' && decl.prop !== 'font') return
      declarations += 1
      // `font` shorthand: its size is the part before an optional `/line-height` and the family.
      const value =
        decl.prop === 'font'
          ? (decl.value.match(/var\([^)]*\)|[\d.]+[a-z%]+/i)?.[0] ?? decl.value)
          : decl.value
      const why = fontSizeProblem(value, scaled)
      if (why) problems.push({ file: rel, line, declaration: decl.toString(), why })
    })
  }
  return { files: files.length, declarations, problems }
}

describe('theme: every font size scales with 大字模式', () => {
  it('the theme redefines its text sizes in .fs-large', () => {
    const scaled = scaledVariables()
    for (const name of [
      '--fs-font-size-body',
      '--fs-font-size-large',
      '--fs-font-size-title',
      '--fs-font-size-small',
      '--nutui-font-size-base',
    ]) {
      expect(scaled.has(name)).toBe(true)
    }
  })

  it('the check itself tells a literal or an unscaled size from a theme variable', () => {
    const scaled = new Set(['--fs-font-size-body'])
    expect(fontSizeProblem('var(--fs-font-size-body)', scaled)).toBeUndefined()
    expect(fontSizeProblem('calc(var(--fs-font-size-body) * 1.2)', scaled)).toBeUndefined()
    expect(fontSizeProblem('34px', scaled)).toBe('not a theme variable')
    expect(fontSizeProblem('calc(var(--fs-font-size-body) + 4px)', scaled)).toBe(
      'a literal size beside the variable (+4px)',
    )
    expect(fontSizeProblem('var(--other-size)', scaled)).toBe(
      '--other-size is not redefined in .fs-large',
    )
  })

  it('every font-size in src/**/*.css is a variable that .fs-large redefines', () => {
    const { files, declarations, problems } = findings()
    // The lead quotes these counts.
    process.stdout.write(
      `theme: ${files} CSS files, ${declarations} font-size declarations, ${problems.length} problems\n`,
    )
    expect(files).toBeGreaterThan(5)
    expect(declarations).toBeGreaterThan(10)
    expect(problems).toEqual([])
  })
})

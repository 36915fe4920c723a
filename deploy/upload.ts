/**
 * `npm run upload`: the mini-program, built by `npm run build:weapp` into dist/, uploaded to WeChat
 * through miniprogram-ci as a development version (robot 1) for the mini-program's admin to submit
 * for review. The version is package.json's; the description WeChat shows is the newest section of
 * CHANGELOG.md, which must be that version's.
 *
 * The upload takes miniprogram-ci as a port (createProject + upload), so a dry run prints the plan
 * and a test records it; only scripts/upload.ts, in a real run, loads miniprogram-ci itself.
 */

/** What miniprogram-ci's `new ci.Project(…)` takes, the fields we set. */
export interface ProjectOptions {
  appid: string
  type: 'miniProgram'
  projectPath: string
  privateKey?: string
  privateKeyPath?: string
  ignores: string[]
}

/** What miniprogram-ci's `ci.upload(…)` takes, the fields we set (and the project). */
export interface UploadOptions {
  project: unknown
  version: string
  desc: string
  robot: number
  setting: { useProjectConfig: boolean }
}

export interface UploadResult {
  subPackageInfo?: Array<{ name: string; size: number }>
}

export interface UploadPorts {
  /** Builds the weapp into the project folder (`npm run build:weapp`) with these variables. */
  build(env: Readonly<Record<string, string>>): Promise<unknown>
  createProject(options: ProjectOptions): Promise<unknown>
  upload(options: UploadOptions): Promise<UploadResult>
}

/** The ci robot the uploads are made as (WeChat shows it as 「ci机器人1」). */
export const ROBOT = 1

/** How long a description WeChat's upload is given (longer ones are cut, with an ellipsis). */
export const MAX_DESCRIPTION = 200

export class UploadRefused extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`upload refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'UploadRefused'
  }
}

export interface ChangelogSection {
  readonly version: string
  readonly heading: string
  readonly lines: readonly string[]
}

/** The sections of CHANGELOG.md, newest first (each `## <version> — …`). */
export const changelogSections = (text: string): ChangelogSection[] => {
  const sections: ChangelogSection[] = []
  let current: { version: string; heading: string; lines: string[] } | undefined
  for (const line of text.split('\n')) {
    const heading = /^## +(\S+)(.*)$/.exec(line)
    if (heading) {
      current = { version: heading[1], heading: line.slice(3).trim(), lines: [] }
      sections.push(current)
    } else if (current) {
      current.lines.push(line)
    }
  }
  return sections
}

/**
 * A section's description: its first paragraph (or first item) as one plain line, without
 * Markdown marks, cut to `max` characters.
 */
export const descriptionOf = (section: ChangelogSection, max = MAX_DESCRIPTION): string => {
  const lines = section.lines.map((l) => l.trim())
  const start = lines.findIndex((l) => l !== '')
  if (start < 0) return ''
  const paragraph: string[] = []
  for (let i = start; i < lines.length && lines[i] !== ''; i++) {
    // an item ends where the next one starts
    if (i > start && /^[-*] /.test(lines[i])) break
    paragraph.push(lines[i].replace(/^[-*] /, ''))
  }
  const text = paragraph
    .join(' ')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

export interface UploadInputs {
  readonly version: string
  readonly changelog: string
  /** The folder with the built weapp and its project.config.json (dist/). */
  readonly projectPath: string
  readonly env: Readonly<Record<string, string | undefined>>
  /** Whether a file exists (the key file). */
  readonly exists: (file: string) => boolean
}

export interface UploadPlan {
  /** The build's TARO_APP_* variables (compiled into the mini-program). */
  readonly buildEnv: Readonly<Record<string, string>>
  readonly project: ProjectOptions
  readonly upload: Omit<UploadOptions, 'project'>
  /** Why a real upload would be refused (empty: it may go ahead). */
  readonly problems: readonly string[]
}

export const uploadPlan = (inputs: UploadInputs): UploadPlan => {
  const { env } = inputs
  const problems: string[] = []
  const appid = env.WX_APPID
  if (!appid)
    problems.push('WX_APPID is not set: the mini-program’s AppID (wx…, 开发管理 → 开发设置)')
  const keyPath = env.WX_UPLOAD_KEY_PATH
  const key = env.WX_UPLOAD_KEY
  if (!keyPath && !key) {
    problems.push(
      'no upload key: set WX_UPLOAD_KEY_PATH to the key file (or WX_UPLOAD_KEY to its content), downloaded from 开发管理 → 开发设置 → 小程序代码上传',
    )
  } else if (keyPath && !inputs.exists(keyPath)) {
    problems.push(`WX_UPLOAD_KEY_PATH names ${keyPath}, which does not exist`)
  }
  if (env.TARO_APP_DEV_LOGIN) {
    problems.push(
      'TARO_APP_DEV_LOGIN is set: that build lets anyone sign in as a demo member; unset it for an upload',
    )
  }
  const buildEnv: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('TARO_APP_') && name !== 'TARO_APP_DEV_LOGIN' && value)
      buildEnv[name] = value
  }
  // The mini-program calls the environment it is deployed to (empty: the account's default one).
  if (!buildEnv.TARO_APP_CLOUD_ENV && env.TCB_ENV_ID) buildEnv.TARO_APP_CLOUD_ENV = env.TCB_ENV_ID
  const newest = changelogSections(inputs.changelog)[0]
  if (!newest) problems.push('CHANGELOG.md has no section (## <version> — <date>)')
  else if (newest.version !== inputs.version) {
    problems.push(
      `the newest section of CHANGELOG.md is ${newest.version}, but package.json's version is ${inputs.version}: write this version's section first`,
    )
  }
  const desc = newest && newest.version === inputs.version ? descriptionOf(newest) : ''
  return {
    buildEnv,
    project: {
      appid: appid ?? '',
      type: 'miniProgram',
      projectPath: inputs.projectPath,
      ...(keyPath ? { privateKeyPath: keyPath } : key ? { privateKey: key } : {}),
      ignores: ['node_modules/**/*'],
    },
    upload: { version: inputs.version, desc, robot: ROBOT, setting: { useProjectConfig: true } },
    problems,
  }
}

/** One line per step, for the dry run's plan and the tests (the key's content never shown). */
export const describeUploadStep = (op: string, args: readonly unknown[]): string => {
  if (op === 'build') {
    const env = Object.entries(args[0] as Record<string, string>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
    return `build: npm run build:weapp (production, into dist/) with ${env.length ? env.join(' ') : 'no TARO_APP_* variables'}`
  }
  if (op === 'createProject') {
    const p = args[0] as ProjectOptions
    const key = p.privateKeyPath
      ? `privateKeyPath=${p.privateKeyPath}`
      : p.privateKey
        ? 'privateKey=<set>'
        : 'privateKey=<unset>'
    return `miniprogram-ci new Project appid=${p.appid || '<unset>'} type=${p.type} projectPath=${p.projectPath} ${key} ignores=${p.ignores.join(',')}`
  }
  if (op === 'upload') {
    const u = args[0] as UploadOptions
    return `miniprogram-ci upload version=${u.version} robot=${u.robot} useProjectConfig=${u.setting.useProjectConfig} desc="${u.desc}"`
  }
  return `${op} ${JSON.stringify(args)}`
}

export const upload = async (
  ports: UploadPorts,
  inputs: UploadInputs,
  options: { dryRun?: boolean; log: (line: string) => void },
): Promise<UploadResult> => {
  const plan = uploadPlan(inputs)
  if (plan.problems.length) {
    if (!options.dryRun) throw new UploadRefused(plan.problems)
    for (const p of plan.problems)
      options.log(`! ${p} (a real upload stops here; the dry run goes on)`)
  }
  await ports.build(plan.buildEnv)
  const project = await ports.createProject(plan.project)
  const result = await ports.upload({ project, ...plan.upload })
  for (const p of result.subPackageInfo ?? []) {
    const name = p.name === '__FULL__' ? 'whole' : p.name === '__APP__' ? 'main package' : p.name
    options.log(`${name}: ${(p.size / 1024).toFixed(0)} KB`)
  }
  return result
}

/**
 * `cloudbaserc.json` (what `tcb` reads), rendered from deploy/declaration.ts: the environment id
 * and every variable are `{{env.NAME}}` placeholders that `tcb` fills from the environment (or
 * `.env`), so no secret is ever committed. A test fails when the committed file differs from this
 * rendering; `npm run deploy -- --write-config` rewrites it.
 *
 * Pure: no file or platform access.
 */
import { FUNCTIONS, FUNCTIONS_OUT_DIR, RUNTIME, type FunctionDeclaration } from './declaration'
import { needsDependencies } from './functionFiles'

export interface CloudbaseRcFunction {
  name: string
  handler: 'index.main'
  runtime: string
  timeout: number
  memorySize: number
  installDependency: boolean
  envVariables: Record<string, string>
  triggers: Array<{ name: string; type: 'timer'; config: string }>
}

export interface CloudbaseRc {
  version: '2.0'
  envId: string
  functionRoot: string
  functions: CloudbaseRcFunction[]
}

/** `tcb`'s placeholder for an environment variable. */
export const placeholder = (name: string): string => `{{env.${name}}}`

export const renderFunction = (f: FunctionDeclaration): CloudbaseRcFunction => ({
  name: f.name,
  handler: 'index.main',
  runtime: RUNTIME,
  timeout: f.timeout,
  memorySize: f.memorySize,
  installDependency: needsDependencies(f),
  envVariables: Object.fromEntries(f.env.map((v) => [v.name, placeholder(v.name)])),
  triggers: f.triggers.map((t) => ({ name: t.name, type: t.type, config: t.config })),
})

export const renderCloudbaserc = (
  functions: readonly FunctionDeclaration[] = FUNCTIONS,
): CloudbaseRc => ({
  version: '2.0',
  envId: placeholder('TCB_ENV_ID'),
  functionRoot: `./${FUNCTIONS_OUT_DIR}`,
  functions: functions.map(renderFunction),
})

/** The file's text, as committed (2-space JSON and a final newline, as prettier leaves it). */
export const cloudbasercText = (functions: readonly FunctionDeclaration[] = FUNCTIONS): string =>
  `${JSON.stringify(renderCloudbaserc(functions), null, 2)}\n`

/**
 * The two files that sit next to each function's bundle, generated from deploy/declaration.ts:
 * `config.json` (read by WeChat DevTools when it uploads a function, and by the emulator: open-API
 * permissions, the time limit, timer triggers) and `package.json` (wx-server-sdk as the one runtime
 * dependency of functions that call open APIs; everything else is bundled).
 */
import { WX_SERVER_SDK, type FunctionDeclaration } from './declaration'

export interface FunctionConfigJson {
  permissions: { openapi: string[] }
  timeout: number
  triggers?: Array<{ name: string; type: 'timer'; config: string }>
}

export const configJsonFor = (f: FunctionDeclaration): FunctionConfigJson => ({
  permissions: { openapi: [...f.openapi] },
  timeout: f.timeout,
  ...(f.triggers.length ? { triggers: f.triggers.map((t) => ({ ...t })) } : {}),
})

/** Whether CloudBase must install the function's dependencies (only wx-server-sdk, for open APIs). */
export const needsDependencies = (f: FunctionDeclaration): boolean => f.openapi.length > 0

export const packageJsonFor = (f: FunctionDeclaration, version: string) => ({
  name: f.name,
  version,
  private: true,
  description: f.about,
  main: 'index.js',
  ...(needsDependencies(f)
    ? { dependencies: { [WX_SERVER_SDK.name]: WX_SERVER_SDK.version } }
    : {}),
})

/**
 * WeChat's open APIs (content checks, subscription messages) for the two ports that call them:
 * contentCheck.ts and notify.ts. One rule picks both ports' adapter, one loader gives them
 * `wx-server-sdk`.
 *
 * Why `wx-server-sdk` 4.0.2, and only here (#13, point 7): open APIs such as
 * `security.msgSecCheck` and `subscribeMessage.send` are called from a cloud function through
 * `wx-server-sdk`'s `cloud.openapi.*`, which CloudBase authorises with the function's config.json
 * `permissions.openapi` and no access token of ours. `@cloudbase/node-sdk`'s own `callWxOpenApi`
 * is not a drop-in replacement, and calling the HTTPS APIs ourselves would need the mini-program's
 * AppSecret in every function and an access-token cache shared between instances. But
 * `wx-server-sdk` pins `@cloudbase/node-sdk` 3.17.2 exactly (the functions bundle 3.18.3), so it
 * is NOT bundled: only the functions that call open APIs (deploy/declaration.ts `openapi`) list it
 * in their package.json, CloudBase installs it there (`installDependency: true`), and it is
 * required lazily, at the first open-API use, with `createRequire` (esbuild leaves it alone). The
 * database keeps going through the bundled node-sdk 3.18.3; `wx-server-sdk` carries only the
 * open-API calls. It is initialised once per function instance, for the environment the function
 * runs in (`cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })`), however many ports use it.
 *
 * Offline: requiring it opens no connection; its init asks the cloud's metadata service whether it
 * runs in Tencent Cloud unless TENCENTCLOUD_RUNENV=SCF (every function instance, the emulator's
 * too) or TENCENTCLOUD=true is set, exactly like the bundled node-sdk's.
 */
import { createRequire } from 'node:module'

export type Env = Record<string, string | undefined>

/**
 * Whether this instance runs in a real CloudBase environment: a function instance (SCF) whose
 * service is not on this machine. The emulator runs functions as SCF but points them at
 * 127.0.0.1, so it is not CloudBase; neither is a test or a script.
 */
export function inCloudBase(env: Env): boolean {
  return env.TENCENTCLOUD_RUNENV === 'SCF' && !pointsAtLoopback(env.TCB_CONTEXT_CNFG)
}

function pointsAtLoopback(contextConfig: string | undefined): boolean {
  if (!contextConfig) return false
  try {
    const url = (JSON.parse(contextConfig) as { URL?: unknown }).URL
    if (typeof url !== 'string') return false
    const host = new URL(url).hostname
    return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.')
  } catch {
    return false
  }
}

/**
 * The adapter a port uses, the same rule for both: `variable` (FENGSI_CONTENT_CHECK,
 * FENGSI_NOTIFY) when set, to `local` (the port's local adapter) or `wechat`; unset, `wechat` in
 * CloudBase and `local` anywhere else. Any other value is a configuration error (it throws): the
 * content check then refuses every text, and notifications record every message as failed.
 */
export function adapterMode<L extends string>(variable: string, local: L, env: Env): L | 'wechat' {
  const set = env[variable]?.trim()
  if (set === local || set === 'wechat') return set as L | 'wechat'
  if (set) throw new Error(`${variable} must be ${local} or wechat, not ${set}`)
  return inCloudBase(env) ? 'wechat' : local
}

/** What the adapters call (cloud.openapi spelling: camel-cased fields and answers). */
export interface WxOpenApi {
  security: {
    msgSecCheck(request: {
      version: 2
      openid: string
      scene: 1 | 2 | 3 | 4
      content: string
    }): Promise<{
      errCode?: number
      errcode?: number
      errMsg?: string
      errmsg?: string
      result?: { suggest?: string; label?: number }
    }>
  }
  subscribeMessage: {
    send(request: {
      touser: string
      templateId: string
      page: string
      data: Record<string, { value: string }>
      miniprogramState: 'formal' | 'trial' | 'developer'
      lang: 'zh_CN'
    }): Promise<{ errCode?: number; errcode?: number; errMsg?: string; errmsg?: string }>
  }
}

/** The part of `wx-server-sdk` we use. */
export interface WxServerSdk {
  init(options?: { env?: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: WxOpenApi
}

export const WX_SERVER_SDK_NAME = 'wx-server-sdk'

/** Requires `wx-server-sdk` from the function's own folder (its node_modules, as CloudBase installs it). */
export const requireFromFunction = (name: string): unknown => createRequire(__filename)(name)

let loaded: { sdk: WxServerSdk } | { error: Error } | undefined

/**
 * `wx-server-sdk`, required and initialised on first use, once per instance; later calls answer
 * the same (a failure too: the instance's files do not change). A missing package throws an error
 * that says what to do, logged once.
 */
export function wxServerSdk(load: (name: string) => unknown = requireFromFunction): WxServerSdk {
  loaded ??= (() => {
    try {
      const sdk = load(WX_SERVER_SDK_NAME) as WxServerSdk
      sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
      return { sdk }
    } catch (error) {
      const e = error as { code?: unknown; message?: unknown }
      const detail =
        e?.code === 'MODULE_NOT_FOUND'
          ? `${WX_SERVER_SDK_NAME} is not installed in this function: a function that calls WeChat open APIs lists it in its package.json dependencies and is deployed with installDependency: true (npm run deploy does both)`
          : `${WX_SERVER_SDK_NAME} could not be loaded: ${String(e?.message ?? error)}`
      console.error(`[wechat] ${detail}`)
      return { error: new Error(detail) }
    }
  })()
  if ('error' in loaded) throw loaded.error
  return loaded.sdk
}

/** Forgets the loaded SDK (tests only: each test starts like a new instance). */
export function resetWxServerSdk(): void {
  loaded = undefined
}

/**
 * The content-check port: every piece of text a member writes passes here before it is stored
 * (WeChat requires this of mini-programs that publish what users write). Two adapters:
 *
 * - `wechat`: WeChat's content security check, `security.msgSecCheck` version 2, called through
 *   `wx-server-sdk`'s `cloud.openapi`. The package is NOT bundled (the function bundles only the
 *   code in this repository and `@cloudbase/node-sdk`); a deployment that uses this adapter must
 *   1. add `wx-server-sdk` to the function folder's package.json `dependencies` and deploy with the
 *      dependency installed (DevTools "upload and install dependencies", or `installDependency: true`
 *      in cloudbaserc.json),
 *   2. list `security.msgSecCheck` in the function's config.json `permissions.openapi`
 *      (the discussion function's config.json already does),
 *   3. set FENGSI_CONTENT_CHECK=wechat in the function's environment variables.
 *   It is loaded at run time with `createRequire`, so esbuild leaves it alone.
 * - `local`: a word-list check against `domain/discussion/words.ts`, for the emulator and tests:
 *   abusive words answer `reject`, review words (accusations such as 拉票) answer `review`.
 *
 * Which one runs (`contentCheckMode`): FENGSI_CONTENT_CHECK=local|wechat when set (any other value
 * is a configuration error: every check then fails closed). When unset: `wechat` when running in
 * CloudBase (TENCENTCLOUD_RUNENV=SCF) against a non-loopback service, `local` otherwise — the
 * emulator runs functions as SCF but points them at 127.0.0.1, so it gets `local`.
 *
 * Verdicts: `pass` stores the text; `review` stores it hidden until a moderator looks at it;
 * `reject` refuses it and nothing is written. When the check itself fails, nothing is written.
 */
import { createRequire } from 'node:module'
import { localVerdict } from '../../domain/discussion/words'
import { DomainError } from '../../domain/shared/errors'

export type ContentVerdict = 'pass' | 'review' | 'reject'

export interface ContentToCheck {
  text: string
  /** The writer's OPENID (msgSecCheck v2 needs it: the user must have used the app recently). */
  openid: string | undefined
  /** What kind of text it is (msgSecCheck scenes: 1 profile, 2 comment, 3 forum, 4 social log). */
  scene?: 'profile' | 'comment' | 'forum' | 'social'
}

export interface ContentCheck {
  readonly name: 'local' | 'wechat'
  check(content: ContentToCheck): Promise<ContentVerdict>
}

/** The word-list adapter: abusive words refuse, review words hide the text pending review. */
export function localContentCheck(
  lists: { reject?: readonly string[]; review?: readonly string[] } = {},
): ContentCheck {
  return { name: 'local', check: async ({ text }) => localVerdict(text, lists) }
}

/**
 * The part of `wx-server-sdk` the WeChat adapter uses. Answers arrive camel-cased through
 * cloud.openapi (`errCode`, `traceId`); the HTTPS API spells them `errcode`, `trace_id`.
 */
export interface MsgSecCheckRequest {
  version: 2
  openid: string
  scene: 1 | 2 | 3 | 4
  content: string
}

export interface MsgSecCheckResult {
  errCode?: number
  errcode?: number
  errMsg?: string
  errmsg?: string
  result?: { suggest?: string; label?: number }
}

export interface WxOpenApiSecurity {
  openapi: { security: { msgSecCheck(request: MsgSecCheckRequest): Promise<MsgSecCheckResult> } }
}

export interface WxServerSdk extends WxOpenApiSecurity {
  init(options?: { env?: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
}

const SCENES = { profile: 1, comment: 2, forum: 3, social: 4 } as const

/** The WeChat adapter over an initialised `wx-server-sdk` (or anything shaped like it). */
export function wechatContentCheck(wx: WxOpenApiSecurity): ContentCheck {
  return {
    name: 'wechat',
    check: async ({ text, openid, scene = 'comment' }) => {
      if (!openid) throw new Error('msgSecCheck v2 needs the caller OPENID')
      const res = await wx.openapi.security.msgSecCheck({
        version: 2,
        openid,
        scene: SCENES[scene],
        content: text,
      })
      const code = res.errCode ?? res.errcode ?? 0
      if (code !== 0) {
        throw new Error(`msgSecCheck errcode ${code} ${res.errMsg ?? res.errmsg ?? ''}`)
      }
      switch (res.result?.suggest) {
        case 'pass':
          return 'pass'
        case 'review':
          return 'review'
        case 'risky':
          return 'reject'
        default:
          throw new Error(`msgSecCheck answered no suggestion: ${JSON.stringify(res.result)}`)
      }
    },
  }
}

export type ContentCheckMode = 'local' | 'wechat'

/** The documented choice of adapter (see the top of this file); an unknown setting throws. */
export function contentCheckMode(env: Record<string, string | undefined>): ContentCheckMode {
  const set = env.FENGSI_CONTENT_CHECK?.trim()
  if (set === 'local' || set === 'wechat') return set
  if (set) throw new Error(`FENGSI_CONTENT_CHECK must be local or wechat, not ${set}`)
  if (env.TENCENTCLOUD_RUNENV !== 'SCF') return 'local'
  return pointsAtLoopback(env.TCB_CONTEXT_CNFG) ? 'local' : 'wechat'
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

/** Loads and initialises `wx-server-sdk` from the deployed function's node_modules. */
function loadWxServerSdk(): WxServerSdk {
  const wx = createRequire(__filename)('wx-server-sdk') as WxServerSdk
  wx.init({ env: wx.DYNAMIC_CURRENT_ENV })
  return wx
}

let configured: ContentCheck | undefined

/** The adapter this function instance uses, chosen once from its environment. */
export function contentCheck(env: Record<string, string | undefined> = process.env): ContentCheck {
  if (configured) return configured
  let chosen: ContentCheck
  try {
    chosen =
      contentCheckMode(env) === 'wechat'
        ? wechatContentCheck(loadWxServerSdk())
        : localContentCheck()
  } catch (error) {
    // Misconfigured, or wx-server-sdk missing: fail closed, and say why in the log.
    throw unavailable(`not configured: ${error instanceof Error ? error.message : String(error)}`)
  }
  configured = chosen
  return chosen
}

/** The refusal when the check cannot run; `detail` goes to the log, not to the person. */
function unavailable(detail: string): DomainError {
  console.error(`[contentCheck] ${detail}`)
  return new DomainError('INTERNAL', '发言审核暂时不可用，请稍后再试。')
}

/** Checks `content` and answers its verdict; a check that cannot run refuses (fails closed). */
export async function checkContent(content: ContentToCheck): Promise<ContentVerdict> {
  const adapter = contentCheck()
  try {
    return await adapter.check(content)
  } catch (error) {
    throw unavailable(`${adapter.name}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/**
 * Refuses text the content check rejects (INVALID_INPUT with `message`; nothing is written).
 * For text the committee reads before anyone else sees it (a raised matter waits for it), a
 * `review` verdict lets the text through: that reading is the review.
 */
export async function refuseIndecent(
  openid: string | undefined,
  texts: readonly string[],
  message: string,
): Promise<void> {
  const text = texts.filter((x) => x.length > 0).join('\n')
  if (text.length === 0) return
  if ((await checkContent({ text, openid, scene: 'forum' })) === 'reject') {
    throw new DomainError('INVALID_INPUT', message)
  }
}

/**
 * The content-check port: every piece of text a member writes passes here before it is stored
 * (WeChat requires this of mini-programs that publish what users write). Two adapters:
 *
 * - `wechat`: WeChat's content security check, `security.msgSecCheck` version 2, through
 *   `wx-server-sdk`'s `cloud.openapi`. Why that package, and why not bundled (it pins node-sdk
 *   3.17.2; we bundle 3.18.3): see wechat.ts. The functions that check text (discussion,
 *   matters) list `security.msgSecCheck` in deploy/declaration.ts, so their config.json grants
 *   it and their package.json makes CloudBase install `wx-server-sdk`; it is loaded on the first
 *   check, initialised once per instance.
 * - `local`: a word-list check against `domain/discussion/words.ts`, for the emulator and tests:
 *   abusive words answer `reject`, review words (accusations such as 拉票) answer `review`.
 *
 * Which one runs (`contentCheckMode`, the same rule as notify.ts's, wechat.ts `adapterMode`):
 * FENGSI_CONTENT_CHECK=local|wechat when set (any other value is a configuration error: every
 * check then fails closed); unset, `wechat` in CloudBase and `local` in the emulator and tests.
 *
 * Verdicts: `pass` stores the text; `review` stores it hidden until a moderator looks at it;
 * `reject` refuses it and nothing is written. When the check itself cannot run (misconfigured,
 * `wx-server-sdk` missing, WeChat failing), the writer hears UNAVAILABLE, the log says why, and
 * nothing is written.
 */
import { localVerdict } from '../../domain/discussion/words'
import { DomainError } from '../../domain/shared/errors'
import { adapterMode, wxServerSdk, type Env, type WxOpenApi } from './wechat'

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
 * The part of `wx-server-sdk` the WeChat adapter uses (wechat.ts). Answers arrive camel-cased
 * through cloud.openapi (`errCode`, `traceId`); the HTTPS API spells them `errcode`, `trace_id`.
 */
export type MsgSecCheckRequest = Parameters<WxOpenApi['security']['msgSecCheck']>[0]
export type MsgSecCheckResult = Awaited<ReturnType<WxOpenApi['security']['msgSecCheck']>>
export interface WxOpenApiSecurity {
  openapi: Pick<WxOpenApi, 'security'>
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
export function contentCheckMode(env: Env): ContentCheckMode {
  return adapterMode('FENGSI_CONTENT_CHECK', 'local', env)
}

let configured: ContentCheck | undefined

/** The adapter this function instance uses, chosen once from its environment. */
export function contentCheck(env: Env = process.env): ContentCheck {
  if (configured) return configured
  let chosen: ContentCheck
  try {
    chosen =
      contentCheckMode(env) === 'wechat' ? wechatContentCheck(wxServerSdk()) : localContentCheck()
  } catch (error) {
    // Misconfigured, or wx-server-sdk missing: fail closed, and say why in the log.
    throw unavailable(`not configured: ${error instanceof Error ? error.message : String(error)}`)
  }
  configured = chosen
  return chosen
}

export const CHECK_UNAVAILABLE_MESSAGE = '发言审核暂时不可用，请稍后再试。'

/** The refusal when the check cannot run; `detail` goes to the log, not to the person. */
function unavailable(detail: string): DomainError {
  console.error(`[contentCheck] ${detail}`)
  return new DomainError('UNAVAILABLE', CHECK_UNAVAILABLE_MESSAGE)
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

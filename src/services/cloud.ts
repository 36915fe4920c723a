/**
 * The one door to the back end. Pages and hooks call `callFunction`; nothing else talks to a cloud
 * function. WeChat: `Taro.cloud.callFunction`. Browser (H5): an HTTP POST to `<base>/fn/<name>`,
 * where the base URL comes from TARO_APP_API_BASE (empty: the same origin, as the local emulator
 * serves the H5 app and the functions on one port).
 *
 * Every call carries the village the person chose on 我的 → 切换村子 (kept on the phone), when
 * they chose one: which of their memberships the call acts as (FunctionEvent.villageId, #14).
 */
import Taro from '@tarojs/taro'
import type {
  ActionName,
  AppError,
  Envelope,
  FunctionEvent,
  FunctionName,
  RequestOf,
  ResponseOf,
} from '../../types/api'

export const NETWORK_ERROR: AppError = {
  code: 'NETWORK',
  message: '网络不太好，没有连上。请稍后再试。',
}

export const BAD_ANSWER_ERROR: AppError = {
  code: 'FUNCTION_ERROR',
  message: '服务暂时出了点问题，请稍后再试。',
}

/** Header that carries a local developer's sign-in to the emulator (dev mode only). */
export const DEV_TOKEN_HEADER = 'x-fengsi-dev-token'

const VILLAGE_KEY = 'fengsi.villageId'

/** The village chosen on 切换村子, if any (kept on the phone, like 大字模式). */
export function chosenVillage(): string | undefined {
  try {
    const id: unknown = Taro.getStorageSync(VILLAGE_KEY)
    return typeof id === 'string' && id ? id : undefined
  } catch {
    return undefined
  }
}

/** Chooses the village every following call acts in; undefined: the back end's default. */
export function chooseVillage(villageId: string | undefined): void {
  try {
    if (villageId) Taro.setStorageSync(VILLAGE_KEY, villageId)
    else Taro.removeStorageSync(VILLAGE_KEY)
  } catch {
    // Storage unavailable: calls go on with the default village.
  }
}

let devToken: string | undefined
let signingIn: Promise<unknown> = Promise.resolve()

/**
 * Local development: calls wait for the dev sign-in started at launch, so a page's first call
 * already carries it (the page is built before the sign-in answers).
 */
export function holdCallsUntil(ready: Promise<unknown>): void {
  signingIn = ready.catch(() => undefined)
}

/** Set by the local sign-in screen in H5 development; never used by the WeChat build. */
export function setDevToken(token: string | undefined): void {
  devToken = token
}

/** The dev sign-in header for HTTP calls to the local emulator (empty when not signed in). */
export function devHeaders(): Record<string, string> {
  return devToken ? { [DEV_TOKEN_HEADER]: devToken } : {}
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (v.ok === true) return 'data' in v
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error?.message === 'string'
}

function settle<T>(answer: unknown): Envelope<T> {
  return isEnvelope(answer) ? (answer as Envelope<T>) : { ok: false, error: BAD_ANSWER_ERROR }
}

export function apiBase(): string {
  return (process.env.TARO_APP_API_BASE || '').replace(/\/+$/, '')
}

async function postOverHttp(name: string, event: FunctionEvent): Promise<unknown> {
  await signingIn
  const response = await fetch(`${apiBase()}/fn/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...devHeaders() },
    body: JSON.stringify(event),
  })
  return response.json()
}

async function callInWeChat(name: string, event: FunctionEvent): Promise<unknown> {
  const { result } = await Taro.cloud.callFunction({ name, data: event })
  return result
}

/** Calls one action of one function and returns its typed envelope; never throws. */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  payload: RequestOf<F, A>,
): Promise<Envelope<ResponseOf<F, A>>> {
  const villageId = chosenVillage()
  const event: FunctionEvent<A, RequestOf<F, A>> = {
    action,
    payload,
    ...(villageId ? { villageId } : {}),
  }
  try {
    const answer =
      process.env.TARO_ENV === 'weapp'
        ? await callInWeChat(name, event)
        : await postOverHttp(name, event)
    return settle<ResponseOf<F, A>>(answer)
  } catch {
    return { ok: false, error: NETWORK_ERROR }
  }
}

// Shared test setup: an in-process emulator and the REAL @cloudbase/node-sdk pointed at it.
import tcb from '@cloudbase/node-sdk'
import { sign } from '@cloudbase/signature-nodejs'
import { startEmulator, type Emulator, type EmulatorOptions } from '../src/index'

// What a CloudBase function sees; without TENCENTCLOUD the SDK probes a cloud metadata host.
process.env.TENCENTCLOUD = 'true'
process.env.TENCENTCLOUD_SECRETID = 'test-secret-id'
process.env.TENCENTCLOUD_SECRETKEY = 'test-secret-key'

export type App = ReturnType<typeof tcb.init>
export type Db = ReturnType<App['database']>
export type Tx = Awaited<ReturnType<Db['startTransaction']>>

/** The id of an add() result (the SDK types it as optional). */
export const idOf = (res: { id?: string }): string => {
  if (typeof res.id !== 'string') throw new Error('add() returned no id')
  return res.id
}

export const sdkFor = (emulator: Emulator): App =>
  tcb.init({ env: 'local', serviceUrl: emulator.serviceUrl })

export const start = (options: EmulatorOptions = {}): Promise<Emulator> =>
  startEmulator({ memory: true, functionLog: () => undefined, ...options })

/** The rejection of a promise (fails the test if it resolves). */
export const rejectionOf = async (
  p: Promise<unknown>,
): Promise<{ code?: unknown; message?: unknown }> => {
  try {
    await p
  } catch (e) {
    return e as { code?: unknown; message?: unknown }
  }
  throw new Error('expected a rejection')
}

/**
 * A raw `/admin` request, signed as the SDK signs them (the emulator refuses unsigned ones), for
 * tests of what the SDK itself would not send. Resolves with the parsed answer.
 */
export const adminPost = async (
  emulator: Pick<Emulator, 'serviceUrl' | 'credentials'>,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> => {
  const headers = { 'content-type': 'application/json', host: new URL(emulator.serviceUrl).host }
  const { authorization, timestamp } = sign({
    ...emulator.credentials,
    method: 'post',
    url: emulator.serviceUrl,
    headers,
    params: body,
    timestamp: Math.floor(Date.now() / 1000) - 1,
    withSignedParams: true,
  })
  const res = await fetch(emulator.serviceUrl, {
    method: 'POST',
    headers: { ...headers, authorization, 'x-timestamp': String(timestamp) },
    body: JSON.stringify(body),
  })
  return (await res.json()) as Record<string, unknown>
}

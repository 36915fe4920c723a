/**
 * WeChat's open APIs in production (#13, point 7; cloudfunctions/_shared/wechat.ts):
 * - both ports pick their adapter by the same rule (FENGSI_CONTENT_CHECK, FENGSI_NOTIFY);
 * - the real wx-server-sdk 4.0.2 (a devDependency for this test only; deployed functions get it
 *   from CloudBase) has what the adapters call, loads and initialises without any network, and is
 *   initialised once per instance with `cloud.DYNAMIC_CURRENT_ENV`, both ports sharing it;
 * - without the package, in wechat mode, through the emulator with the real bundles: a text is
 *   refused with UNAVAILABLE and nothing is written, a notification is recorded `failed` with the
 *   reason, and the log says what to do.
 */
import { execFileSync } from 'node:child_process'
import dns from 'node:dns'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { contentCheckMode } from '../../../cloudfunctions/_shared/contentCheck'
import { notifyMode } from '../../../cloudfunctions/_shared/notify'
import type { WxServerSdk } from '../../../cloudfunctions/_shared/wechat'
import { buildFunctions } from '../../../scripts/build-functions'
import type { OutboxMessage } from '../../../types/model/notification'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

// The SDKs ask the cloud's metadata service where they run unless told (as in every function
// instance, TENCENTCLOUD_RUNENV=SCF): say so, as support/backend.ts does for node-sdk.
process.env.TENCENTCLOUD = 'true'

const CLOUDBASE = { TENCENTCLOUD_RUNENV: 'SCF' }
const EMULATOR = {
  TENCENTCLOUD_RUNENV: 'SCF',
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'http://127.0.0.1:3100/admin' }),
}
const CLOUDBASE_SERVICE = {
  TENCENTCLOUD_RUNENV: 'SCF',
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'https://tcb-api.tencentcloudapi.com/admin' }),
}

describe('one rule for both ports', () => {
  // [environment, the content check's adapter, notifications' adapter] — written out by hand
  it.each([
    ['a test or script (not SCF)', {}, 'local', 'outbox'],
    ['the emulator (SCF at 127.0.0.1)', EMULATOR, 'local', 'outbox'],
    ['CloudBase (SCF, no local service)', CLOUDBASE, 'wechat', 'wechat'],
    ['CloudBase (SCF, its own service)', CLOUDBASE_SERVICE, 'wechat', 'wechat'],
    [
      'CloudBase, set to the local adapters',
      { ...CLOUDBASE, FENGSI_CONTENT_CHECK: 'local', FENGSI_NOTIFY: 'outbox' },
      'local',
      'outbox',
    ],
    [
      'the emulator, set to wechat',
      { ...EMULATOR, FENGSI_CONTENT_CHECK: 'wechat', FENGSI_NOTIFY: 'wechat' },
      'wechat',
      'wechat',
    ],
    [
      'set with spaces around',
      { FENGSI_CONTENT_CHECK: ' wechat ', FENGSI_NOTIFY: ' wechat ' },
      'wechat',
      'wechat',
    ],
    [
      'set empty (as unset)',
      { ...CLOUDBASE, FENGSI_CONTENT_CHECK: '', FENGSI_NOTIFY: '' },
      'wechat',
      'wechat',
    ],
  ] as const)('%s', (_name, env, check, notify) => {
    expect(contentCheckMode(env)).toBe(check)
    expect(notifyMode(env)).toBe(notify)
  })

  it('another value is a configuration error for either', () => {
    expect(() => contentCheckMode({ FENGSI_CONTENT_CHECK: 'outbox' })).toThrow(
      'FENGSI_CONTENT_CHECK must be local or wechat, not outbox',
    )
    expect(() => notifyMode({ ...CLOUDBASE, FENGSI_NOTIFY: 'local' })).toThrow(
      'FENGSI_NOTIFY must be outbox or wechat, not local',
    )
  })
})

/** Every way a package could reach the network, recorded (and refused) while `work` runs. */
async function recordingNetwork(work: () => Promise<void>): Promise<string[]> {
  const attempts: string[] = []
  const refuse =
    (what: string) =>
    (...args: unknown[]): never => {
      const first = args[0] as { host?: unknown; hostname?: unknown } | string | undefined
      const target =
        typeof first === 'string' ? first : String(first?.hostname ?? first?.host ?? '?')
      attempts.push(`${what} ${target}`)
      throw new Error(`network refused in this test: ${what} ${target}`)
    }
  const saved = {
    httpRequest: http.request,
    httpGet: http.get,
    httpsRequest: https.request,
    httpsGet: https.get,
    lookup: dns.lookup,
    connect: net.Socket.prototype.connect,
    fetch: globalThis.fetch,
  }
  http.request = refuse('http.request') as typeof http.request
  http.get = refuse('http.get') as typeof http.get
  https.request = refuse('https.request') as typeof https.request
  https.get = refuse('https.get') as typeof https.get
  dns.lookup = refuse('dns.lookup') as unknown as typeof dns.lookup
  net.Socket.prototype.connect = refuse('net.connect') as typeof net.Socket.prototype.connect
  globalThis.fetch = refuse('fetch') as typeof fetch
  try {
    await work()
    // the SDK's start-up checks run asynchronously after init: give them time to try
    await new Promise((resolve) => setTimeout(resolve, 300))
  } finally {
    http.request = saved.httpRequest
    http.get = saved.httpGet
    https.request = saved.httpsRequest
    https.get = saved.httpsGet
    dns.lookup = saved.lookup
    net.Socket.prototype.connect = saved.connect
    globalThis.fetch = saved.fetch
  }
  return attempts
}

describe('the real wx-server-sdk 4.0.2', () => {
  const real = createRequire(__filename)('wx-server-sdk') as WxServerSdk & { version?: string }

  it('is the pinned version, with what the adapters call', () => {
    const pkg = createRequire(__filename)('wx-server-sdk/package.json') as { version: string }
    expect(pkg.version).toBe('4.0.2')
    expect(typeof real.init).toBe('function')
    expect(typeof real.DYNAMIC_CURRENT_ENV).toBe('symbol')
    expect(typeof real.openapi.security.msgSecCheck).toBe('function')
    expect(typeof real.openapi.subscribeMessage.send).toBe('function')
  })

  it('both ports initialise it once per instance, for the current environment, offline', async () => {
    let names: string[] = []
    let inits: unknown[][] = []
    let dynamic: unknown
    const attempts = await recordingNetwork(async () => {
      // A fresh instance: a module registry of its own, where the ports, the loader and the
      // package (required by the loader through createRequire) start anew.
      jest.isolateModules(() => {
        /* eslint-disable @typescript-eslint/no-var-requires */
        const sdk = require('wx-server-sdk') as WxServerSdk
        const init = jest.spyOn(sdk, 'init')
        const { contentCheck } =
          require('../../../cloudfunctions/_shared/contentCheck') as typeof import('../../../cloudfunctions/_shared/contentCheck')
        const { notifier } =
          require('../../../cloudfunctions/_shared/notify') as typeof import('../../../cloudfunctions/_shared/notify')
        /* eslint-enable @typescript-eslint/no-var-requires */
        const env = { ...CLOUDBASE_SERVICE, FENGSI_TMPL_MATTER_RAISED: 't-1' }
        names = [contentCheck(env).name, notifier(env).name, contentCheck(env).name]
        inits = init.mock.calls
        dynamic = sdk.DYNAMIC_CURRENT_ENV
      })
    })
    expect(names).toEqual(['wechat', 'wechat', 'wechat'])
    expect(inits).toEqual([[{ env: dynamic }]])
    expect(typeof dynamic).toBe('symbol')
    expect(attempts).toEqual([])
  })
})

describe('wechat mode without wx-server-sdk, through the emulator', () => {
  let backend: Backend
  let dir: string
  const logs: string[] = []
  const COMMITTEE = CAST.committee

  beforeAll(async () => {
    // The bundles, outside the repository: no node_modules above them holds wx-server-sdk, as in
    // a function deployed without installing its dependencies.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-no-wx-'))
    await buildFunctions({ out: dir, names: ['discussion', 'matters', 'notifications'] })
    // (node itself, from a bundle's folder, cannot find it)
    expect(() =>
      execFileSync(process.execPath, ['-e', 'require.resolve("wx-server-sdk")'], {
        cwd: path.join(dir, 'matters'),
        stdio: 'pipe',
      }),
    ).toThrow(/Cannot find module 'wx-server-sdk'/)
    backend = await startBackend({
      functionsDir: dir,
      functionEnv: {
        FENGSI_CONTENT_CHECK: 'wechat',
        FENGSI_NOTIFY: 'wechat',
        FENGSI_TMPL_MATTER_RAISED: 'tmpl-raised',
      },
      functionLog: (name, line) => logs.push(`${name}: ${line}`),
    })
    await seedCast(backend)
    insert(backend, COLLECTION.matters, [storedMatter('wx-open', { status: 'discussing' })])
  })
  afterAll(async () => {
    await backend.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const MISSING = /wx-server-sdk is not installed in this function/

  it('a statement is refused with UNAVAILABLE, nothing is written, and the log says why', async () => {
    const before = await snapshot(backend)
    const res = await backend.call(CAST.resident.openid, 'discussion', 'postStatement', {
      matterId: 'wx-open',
      text: '路灯应该尽快修。',
    })
    expect(res).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: '发言审核暂时不可用，请稍后再试。' },
    })
    expect(await snapshot(backend)).toEqual(before)
    expect(logs.filter((l) => l.startsWith('discussion:')).join('\n')).toMatch(MISSING)
  })

  it('a raised matter is refused the same way (its text is checked first)', async () => {
    const before = await snapshot(backend)
    const res = await backend.call(CAST.resident.openid, 'matters', 'raiseMatter', {
      title: '村口路灯坏了',
      body: '晚上看不见路。',
      photos: [],
    })
    expect(res).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: '发言审核暂时不可用，请稍后再试。' },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('a notification is recorded failed with the reason, never left queued', async () => {
    // the same bundles with the local content check, so the matter itself can be raised
    const local = await startBackend({
      functionsDir: dir,
      functionEnv: {
        FENGSI_CONTENT_CHECK: 'local',
        FENGSI_NOTIFY: 'wechat',
        FENGSI_TMPL_MATTER_RAISED: 'tmpl-raised',
      },
      functionLog: (name, line) => logs.push(`${name}: ${line}`),
    })
    try {
      await seedCast(local)
      const sub = await local.call(COMMITTEE.openid, 'notifications', 'subscribe', {
        topic: 'committee',
        subjectId: 'anything',
        templateIds: ['tmpl-raised'],
      })
      expect(sub.ok).toBe(true)
      const raised = await local.call(CAST.resident.openid, 'matters', 'raiseMatter', {
        title: '村口路灯坏了',
        body: '晚上看不见路。',
        photos: [],
      })
      if (!raised.ok) throw new Error(raised.error.message)
      const outbox = (await local.all(COLLECTION.outbox)) as unknown as OutboxMessage[]
      expect(outbox).toEqual([
        expect.objectContaining({
          _id: `matterRaised_${raised.data.matterId}_${COMMITTEE._id}`,
          memberId: COMMITTEE._id,
          status: 'failed',
          error: expect.stringMatching(MISSING),
        }),
      ])
      expect(logs.filter((l) => l.startsWith('matters:')).join('\n')).toMatch(MISSING)
    } finally {
      await local.close()
    }
  })
})

// Safe on a developer's machine and as strict as the platform (point 5 of the runtime issue): one
// test per point, each of which failed before the change.
import http from 'node:http'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import type { Emulator } from '../src/index'
import { adminPost, rejectionOf, sdkFor, start } from './helpers'

jest.setTimeout(60_000)

const FIXTURES = path.join(__dirname, 'fixtures', 'functions')
const EVIL = 'http://evil.example'
// the smallest PNG: signature, IHDR, IDAT, IEND
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201e2b0d3a40000000049454e44ae426082',
  'hex',
)

const countOf = async (emulator: Emulator, collection: string): Promise<number> =>
  (await sdkFor(emulator).database().collection(collection).count()).total as number

describe('safe local endpoints', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({
      functionsDir: FIXTURES,
      dev: true,
      collections: [{ name: 'calls' }, { name: 'members' }, { name: 'texts' }],
      corsOrigins: ['http://localhost:10086'],
    })
    emulator.bulkInsert('members', [{ _id: 'm-alice', openid: 'o-alice' }])
  })

  afterAll(async () => {
    await emulator.close()
  })

  it('/admin takes only requests signed with the emulator’s credentials, as the SDK signs them', async () => {
    const insert = {
      action: 'database.insertDocument',
      collectionName: 'calls',
      data: [JSON.stringify({ forged: true })],
    }
    const unsigned = await fetch(emulator.serviceUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(insert),
    })
    expect(await unsigned.json()).toMatchObject({ code: 'SIGN_PARAM_INVALID' })
    // a web page's cross-origin POST, as a hostile page would send it
    const fromPage = await fetch(emulator.serviceUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: EVIL },
      body: JSON.stringify(insert),
    })
    expect(await fromPage.json()).toMatchObject({ code: 'INVALID_REQUEST_SOURCE' })
    // the real SDK with a wrong key
    const wrong = tcb.init({
      env: 'local',
      serviceUrl: emulator.serviceUrl,
      secretId: emulator.credentials.secretId,
      secretKey: 'not-the-key',
    })
    expect(await rejectionOf(wrong.database().collection('calls').add({ x: 1 }))).toMatchObject({
      code: 'SIGN_PARAM_INVALID',
    })
    expect(await countOf(emulator, 'calls')).toBe(0)
    // a raw request signed with the SDK's signature library and the emulator's credentials
    expect(await adminPost(emulator, insert)).toMatchObject({
      data: { insertedIds: [expect.any(String)] },
    })
    await sdkFor(emulator).database().collection('calls').where({ forged: true }).remove()
    // the right one, and the functions' own SDK, work
    await sdkFor(emulator).database().collection('calls').add({ ok: true })
    expect(await emulator.invoke('caller', {}, 'o-x')).toMatchObject({
      addedId: expect.any(String),
    })
    expect(await countOf(emulator, 'calls')).toBe(2)
  })

  it('CORS only for the served origin and the flagged ones; other pages cannot sign in', async () => {
    const preflight = (origin: string) =>
      fetch(`${emulator.url}/fn/whoami`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      })
    const served = await preflight(emulator.url)
    expect(served.status).toBe(204)
    expect(served.headers.get('access-control-allow-origin')).toBe(emulator.url)
    const flagged = await preflight('http://localhost:10086')
    expect(flagged.headers.get('access-control-allow-origin')).toBe('http://localhost:10086')
    const evil = await preflight(EVIL)
    expect(evil.status).toBe(403)
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
    const login = await fetch(`${emulator.url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: EVIL },
      body: JSON.stringify({ memberId: 'm-alice' }),
    })
    expect(login.status).toBe(403)
    expect(await login.json()).toMatchObject({
      code: 'INVALID_REQUEST_SOURCE',
      message: '这个网页不能使用本服务。',
    })
  })

  it('limits body size and nesting depth with a clear error, and keeps serving', async () => {
    const big = await fetch(`${emulator.url}/fn/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(25 * 1024 * 1024) }),
    })
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({
      code: 'EXCEED_REQUEST_SIZE_LIMIT',
      message: '发送的内容太大了。',
    })
    const deep = await fetch(`${emulator.url}/fn/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    })
    expect(deep.status).toBe(400)
    expect(await deep.json()).toMatchObject({
      code: 'INVALID_PARAM',
      detail: 'request body is nested deeper than 100 levels',
    })
    // a deep query through the SDK is refused before the database walks it
    let value: unknown = 1
    for (let i = 0; i < 150; i++) value = [value] // arrays: the SDK does not flatten them
    expect(
      await rejectionOf(sdkFor(emulator).database().collection('calls').where({ a: value }).get()),
    ).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('deeper than 100') })
    expect((await fetch(`${emulator.url}/healthz`)).status).toBe(200)
  })

  it('/fn and /storage errors carry a plain Chinese message beside the code', async () => {
    const fn = await fetch(`${emulator.url}/fn/nope`, { method: 'POST', body: '{}' })
    expect(await fn.json()).toMatchObject({
      code: 'FUNCTIONS_NOT_EXIST',
      message: '没有这项服务（云函数不存在）。',
      detail: expect.stringContaining('nope'),
    })
    const boom = await fetch(`${emulator.url}/fn/boom`, { method: 'POST', body: '{}' })
    expect(await boom.json()).toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: '服务出错了，请稍后再试。',
    })
    const token = await fetch(`${emulator.url}/storage/upload`, {
      method: 'POST',
      headers: { 'x-fengsi-dev-token': 'stale' },
      body: new Uint8Array(PNG),
    })
    expect(await token.json()).toMatchObject({
      code: 'DEV_TOKEN_INVALID',
      message: '开发登录已失效，请重新登录。',
    })
    const nowhere = await fetch(`${emulator.url}/storage/nowhere`)
    expect(await nowhere.json()).toMatchObject({ code: 'NOT_FOUND', message: '没有这个地址。' })
  })

  it('an upload never replaces a file that is there', async () => {
    const upload = (bytes: Buffer) =>
      fetch(`${emulator.url}/storage/upload?cloudPath=matters/m1/photo.png`, {
        method: 'POST',
        body: new Uint8Array(bytes),
      })
    expect((await upload(PNG)).status).toBe(200)
    const other = Buffer.concat([PNG, Buffer.from('another caller')])
    const second = await upload(other)
    expect(second.status).toBe(409)
    expect(await second.json()).toMatchObject({ code: 'STORAGE_FILE_EXISTS' })
    const kept = await fetch(`${emulator.url}/storage/files/matters/m1/photo.png`)
    expect(Buffer.from(await kept.arrayBuffer()).equals(PNG)).toBe(true)
  })

  it('temp URLs come from the emulator’s origin, not the request’s Host; files are nosniff', async () => {
    const put = await fetch(`${emulator.url}/storage/upload?cloudPath=matters/m2/a.png`, {
      method: 'POST',
      body: new Uint8Array(PNG),
    })
    const { fileID } = (await put.json()) as { fileID: string }
    const answer = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        `${emulator.url}/storage/urls`,
        { method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json' } },
        (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c.toString()))
          res.on('end', () => resolve(text))
        },
      )
      req.on('error', reject)
      req.end(JSON.stringify({ fileList: [fileID] }))
    })
    const [entry] = (JSON.parse(answer) as { fileList: Array<{ tempFileURL: string }> }).fileList
    expect(entry.tempFileURL).toBe(`${emulator.url}/storage/files/matters/m2/a.png`)
    const file = await fetch(entry.tempFileURL)
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('a regular expression that backtracks catastrophically is refused; others still run', async () => {
    const db = sdkFor(emulator).database()
    await db.collection('texts').add({ s: `${'a'.repeat(32)}!` })
    const t0 = Date.now()
    const stall = db
      .collection('texts')
      .where({ s: db.RegExp({ regexp: '^(a+)+$' }) })
      .get()
    const health = fetch(`${emulator.url}/healthz`).then(() => Date.now() - t0)
    expect(await rejectionOf(stall)).toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('catastrophic backtracking'),
    })
    expect(await health).toBeLessThan(2000)
    const fine = await db
      .collection('texts')
      .where({ s: db.RegExp({ regexp: '^a+!$' }) })
      .get()
    expect(fine.data).toHaveLength(1)
  })
})

// The function runner: identity injection and isolation, callFunction between functions, errors
// and timeouts, dev identities, and the static site on the same port.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { DEV_TOKEN_HEADER, type Emulator } from '../src/index'
import { sdkFor, start } from './helpers'

// Child processes, bundling and worker cold starts: generous when the whole suite shares 2 cores.
jest.setTimeout(60_000)

const FIXTURES = path.join(__dirname, 'fixtures', 'functions')

interface WhoAmI {
  before: string
  after: string
  appId: string
  event: unknown
}

const postFn = async (
  emulator: Emulator,
  name: string,
  event: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> => {
  const res = await fetch(`${emulator.url}/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(event),
  })
  return { status: res.status, body: await res.json() }
}

describe('function runner', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({ functionsDir: FIXTURES, collections: [{ name: 'calls' }] })
  })

  afterAll(async () => {
    await emulator.close()
  })

  it('one function invoked concurrently as two users: each sees only its own OPENID', async () => {
    const calls = Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? 'o-alice' : 'o-bob'))
    const results = (await Promise.all(
      calls.map((openid) => emulator.invoke('whoami', { pauseMs: 150 }, openid)),
    )) as WhoAmI[]
    results.forEach((r, i) => {
      expect(r.before).toBe(calls[i])
      expect(r.after).toBe(calls[i])
      expect(r.appId).toBe('wx-emulator')
    })
  })

  it('serves POST /fn/<name> with the JSON body as the event and the return value as the body', async () => {
    const { status, body } = await postFn(emulator, 'whoami', {
      action: 'whoami',
      payload: { a: 1 },
    })
    expect(status).toBe(200)
    expect(body).toEqual({
      before: '',
      after: '',
      appId: 'wx-emulator',
      event: { action: 'whoami', payload: { a: 1 } },
    })
  })

  it('serves functions.invokeFunction, so app.callFunction works between functions', async () => {
    const result = (await emulator.invoke('caller', {}, 'o-carol')) as {
      callee: WhoAmI
      addedId: string
    }
    expect(result.callee.event).toEqual({ x: 1 })
    // a function called by a function runs without an end-user identity
    expect(result.callee.before).toBe('')
    const db = sdkFor(emulator).database()
    const [doc] = (await db.collection('calls').doc(result.addedId).get()).data
    expect(doc.by).toBe('o-carol')
    const viaSdk = await sdkFor(emulator).callFunction({ name: 'whoami', data: { y: 2 } })
    expect((viaSdk.result as WhoAmI).event).toEqual({ y: 2 })
  })

  it('a function that throws returns an error, over HTTP and through the SDK', async () => {
    const { status, body } = await postFn(emulator, 'boom', {})
    expect(status).toBe(502)
    expect(body).toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: '服务出错了，请稍后再试。',
      detail: expect.stringContaining('boom'),
    })
    await expect(sdkFor(emulator).callFunction({ name: 'boom', data: {} })).rejects.toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
    })
  })

  it('a function that never returns is cut off at its config.json timeout', async () => {
    const t0 = Date.now()
    const { status, body } = await postFn(emulator, 'slow', {})
    const elapsed = Date.now() - t0
    expect(status).toBe(504)
    expect(body).toMatchObject({ code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED' })
    expect(elapsed).toBeGreaterThanOrEqual(1000)
    expect(elapsed).toBeLessThan(5000)
    // the runner is still healthy afterwards
    expect(((await emulator.invoke('whoami', {}, 'o-after')) as WhoAmI).after).toBe('o-after')
  })

  it('an unknown function is FUNCTIONS_NOT_EXIST', async () => {
    const { status, body } = await postFn(emulator, 'nope', {})
    expect(status).toBe(404)
    expect(body).toMatchObject({ code: 'FUNCTIONS_NOT_EXIST' })
    expect((await postFn(emulator, '..%2F..%2Fetc', {})).status).toBe(404)
  })

  it('has no dev login unless started in dev mode', async () => {
    const res = await fetch(`${emulator.url}/dev/login`, {
      method: 'POST',
      body: JSON.stringify({ memberId: 'm1' }),
    })
    expect(res.status).toBe(404)
    // a dev token is ignored outside dev mode: the caller stays anonymous
    const { body } = await postFn(emulator, 'whoami', {}, { [DEV_TOKEN_HEADER]: 'forged' })
    expect((body as WhoAmI).after).toBe('')
  })

  it('counts invocations per function', () => {
    expect(emulator.counters.snapshot().functions.whoami).toBeGreaterThan(0)
  })
})

describe('dev identities', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({
      functionsDir: FIXTURES,
      dev: true,
      collections: [{ name: 'members' }],
    })
    emulator.bulkInsert('members', [
      { _id: 'm-alice', openid: 'o-alice', name: 'Alice' },
      { _id: 'm-bob', openid: 'o-bob', name: 'Bob' },
    ])
  })

  afterAll(async () => {
    await emulator.close()
  })

  const login = async (memberId: string) => {
    const res = await fetch(`${emulator.url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memberId }),
    })
    return { status: res.status, body: (await res.json()) as { token?: string; code?: string } }
  }

  it('maps a dev session token to the seeded member OPENID, concurrently', async () => {
    const alice = (await login('m-alice')).body.token as string
    const bob = (await login('m-bob')).body.token as string
    expect(alice).toMatch(/^[0-9a-f]{48}$/)
    const tokens = [alice, bob, alice, bob]
    const answers = await Promise.all(
      tokens.map((t) => postFn(emulator, 'whoami', { pauseMs: 100 }, { [DEV_TOKEN_HEADER]: t })),
    )
    expect(answers.map((a) => (a.body as WhoAmI).after)).toEqual([
      'o-alice',
      'o-bob',
      'o-alice',
      'o-bob',
    ])
  })

  it('refuses an unknown member and an unknown token', async () => {
    expect(await login('m-nobody')).toMatchObject({
      status: 404,
      body: { code: 'DEV_MEMBER_NOT_FOUND' },
    })
    const { status, body } = await postFn(emulator, 'whoami', {}, { [DEV_TOKEN_HEADER]: 'stale' })
    expect(status).toBe(401)
    expect(body).toMatchObject({ code: 'DEV_TOKEN_INVALID' })
  })

  it('signs in a brand-new WeChat user: a fresh OPENID no member holds, each time another', async () => {
    const newcomer = async () => {
      const res = await fetch(`${emulator.url}/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ newcomer: true }),
      })
      expect(res.status).toBe(200)
      return (await res.json()) as { token: string; memberId: null; openid: string }
    }
    const first = await newcomer()
    const second = await newcomer()
    expect(first).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{48}$/),
      memberId: null,
      openid: expect.stringMatching(/^dev-newcomer-[0-9a-f]{24}$/),
    })
    expect(second.openid).not.toBe(first.openid)
    expect(['o-alice', 'o-bob']).not.toContain(first.openid)
    const { body } = await postFn(emulator, 'whoami', {}, { [DEV_TOKEN_HEADER]: first.token })
    expect((body as WhoAmI).after).toBe(first.openid)
    // not a newcomer flag: still a member id is asked for
    const res = await fetch(`${emulator.url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ newcomer: 'yes' }),
    })
    expect(res.status).toBe(400)
  })

  it('lists the members one can log in as', async () => {
    const res = (await (await fetch(`${emulator.url}/dev/members`)).json()) as {
      members: Array<{ _id: string }>
    }
    expect(res.members.map((m) => m._id)).toEqual(['m-alice', 'm-bob'])
  })
})

describe('the real build', () => {
  it('village.whoami, bundled by build:functions, sees each concurrent caller’s own OPENID', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-build-'))
    const [built] = await buildFunctions({ out: root, names: ['village'] })
    expect(fs.existsSync(built.file)).toBe(true)
    const emulator = await start({ functionsDir: root })
    try {
      const users = ['o-one', 'o-two', 'o-one', 'o-two']
      const answers = await Promise.all(
        users.map((u) => emulator.invoke('village', { action: 'whoami', payload: {} }, u)),
      )
      expect(answers).toEqual(users.map((u) => ({ ok: true, data: { openid: u } })))
      expect(await emulator.invoke('village', { action: 'whoami', payload: {} }, '')).toMatchObject(
        {
          ok: false,
          error: { code: 'UNAUTHENTICATED' },
        },
      )
    } finally {
      await emulator.close()
    }
  })
})

describe('static site', () => {
  it('serves files at / with an index.html fallback, next to the functions', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-static-'))
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>逢四说事</title>')
    fs.mkdirSync(path.join(dir, 'js'))
    fs.writeFileSync(path.join(dir, 'js', 'app.js'), 'console.log(1)')
    const emulator = await start({ staticDir: dir, functionsDir: FIXTURES })
    try {
      const home = await fetch(`${emulator.url}/`)
      expect(home.status).toBe(200)
      expect(home.headers.get('content-type')).toContain('text/html')
      expect(await home.text()).toContain('逢四说事')
      const deep = await fetch(`${emulator.url}/pages/matter/detail?id=1`)
      expect(await deep.text()).toContain('逢四说事')
      const js = await fetch(`${emulator.url}/js/app.js`)
      expect(js.headers.get('content-type')).toContain('javascript')
      expect(await js.text()).toBe('console.log(1)')
      const escape = await fetch(`${emulator.url}/..%2F..%2Fetc%2Fpasswd`)
      expect(await escape.text()).not.toContain('root:')
      expect((await postFn(emulator, 'whoami', {})).status).toBe(200)
    } finally {
      await emulator.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

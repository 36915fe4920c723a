// The command line as a child process: its one ready line, loopback only, --memory, and
// durability: acknowledged writes survive SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { sdkFor, type Tx } from './helpers'
import type { Emulator } from '../src/index'

// Child processes, bundling and worker cold starts: generous when the whole suite shares 2 cores.
jest.setTimeout(60_000)

const ROOT = path.resolve(__dirname, '..', '..')
const CLI = path.join(ROOT, 'emulator', 'src', 'cli.ts')
const COLLECTIONS = path.join(__dirname, 'fixtures', 'collections.ts')
const READY = /^emulator listening on http:\/\/127\.0\.0\.1:(\d+)\n$/

interface Child {
  readonly proc: ChildProcess
  readonly port: number
  readonly stdout: () => string
}

const startChild = (args: string[]): Promise<Child> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`no ready line; stderr: ${err}`)), 20_000)
    proc.stderr?.on('data', (c: Buffer) => (err += c.toString()))
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = READY.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ proc, port: Number(m[1]), stdout: () => out })
      }
    })
    proc.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code}; stderr: ${err}`))
    })
  })

const killHard = (proc: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    proc.once('exit', () => resolve())
    proc.kill('SIGKILL')
  })

const asEmulator = (port: number) => ({ serviceUrl: `http://127.0.0.1:${port}/admin` }) as Emulator

describe('cloudbase-emulator CLI', () => {
  let dir: string

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-cli-'))
  })

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('prints exactly one ready line, picks a free port for --port 0 and binds 127.0.0.1 only', async () => {
    const child = await startChild(['--port', '0', '--memory', '--data', dir])
    try {
      expect(child.port).toBeGreaterThan(0)
      await new Promise((r) => setTimeout(r, 200))
      expect(child.stdout()).toMatch(READY)
      // --memory writes nothing to disk
      expect(fs.readdirSync(dir)).toEqual([])
      const external = Object.values(os.networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal)
      if (external) {
        const refused = await new Promise<boolean>((resolve) => {
          const s = net.connect(child.port, external.address)
          s.once('connect', () => {
            s.destroy()
            resolve(false)
          })
          s.once('error', () => resolve(true))
        })
        expect(refused).toBe(true)
      }
    } finally {
      await killHard(child.proc)
    }
  })

  it('acknowledged writes survive kill -9', async () => {
    const args = ['--port', '0', '--data', dir, '--collections', COLLECTIONS]
    const first = await startChild(args)
    const db = sdkFor(asEmulator(first.port)).database()
    const _ = db.command
    const ids: string[] = []
    for (let batch = 0; batch < 5; batch++) {
      const added = await Promise.all(
        Array.from({ length: 20 }, (_x, i) =>
          db.collection('notes').add({ owner: 'o1', i: batch * 20 + i }),
        ),
      )
      ids.push(...added.map((a) => a.id as string))
    }
    await db.collection('notes').doc('counter').set({ n: 0 })
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db
          .collection('notes')
          .doc('counter')
          .update({ n: _.inc(1) }),
      ),
    )
    await db.runTransaction(async (tx: Tx) => {
      await tx.collection('notes').doc('counter').update({ committed: true })
    })
    // the last acknowledged write, then straight to SIGKILL
    await killHard(first.proc)

    const second = await startChild(args)
    try {
      const db2 = sdkFor(asEmulator(second.port)).database()
      expect((await db2.collection('notes').where({ owner: 'o1' }).count()).total).toBe(100)
      const got = await db2.collection('notes').where({ owner: 'o1' }).limit(1000).get()
      expect(new Set(got.data.map((d: { _id: string }) => d._id))).toEqual(new Set(ids))
      expect((await db2.collection('notes').doc('counter').get()).data[0]).toEqual({
        _id: 'counter',
        n: 50,
        committed: true,
      })
      expect(fs.existsSync(path.join(dir, 'cloudbase.sqlite'))).toBe(true)
    } finally {
      await killHard(second.proc)
    }
  })

  it('fires a function’s timer trigger on its schedule, in real time', async () => {
    const functions = path.join(__dirname, 'fixtures', 'cli-timers')
    const args = ['--port', '0', '--memory', '--collections', COLLECTIONS, '--functions', functions]
    const child = await startChild(args)
    try {
      const db = sdkFor(asEmulator(child.port)).database()
      let seen: string[] = []
      for (let i = 0; i < 50 && seen.length < 2; i++) {
        await new Promise((r) => setTimeout(r, 200))
        const { data } = await db.collection('ticks').get()
        seen = (data as Array<{ event: { Time: string } }>).map((d) => d.event.Time).sort()
      }
      expect(seen.length).toBeGreaterThanOrEqual(2)
      // once per due time: every second, whole seconds, no repeats
      expect(new Set(seen).size).toBe(seen.length)
      for (const t of seen) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    } finally {
      await killHard(child.proc)
    }
  })

  it('refuses a bad cron expression at start with a clear message', async () => {
    const functions = path.join(dir, 'functions')
    fs.mkdirSync(path.join(functions, 'job'), { recursive: true })
    fs.writeFileSync(path.join(functions, 'job', 'index.js'), 'exports.main = async () => 1')
    fs.writeFileSync(
      path.join(functions, 'job', 'config.json'),
      JSON.stringify({ triggers: [{ name: 'daily', type: 'timer', config: '0 0 2 1 * *' }] }),
    )
    const failure = await startChild(['--port', '0', '--memory', '--functions', functions]).then(
      () => 'started',
      (e: Error) => e.message,
    )
    expect(failure).toMatch(
      /exited with 1; stderr: .*job\/config\.json: trigger daily: bad cron expression "0 0 2 1 \* \*": 6 fields; CloudBase needs 7/,
    )
  })
})

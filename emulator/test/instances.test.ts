// Warm instances with CloudBase's semantics: reuse with module state, one invocation at a time per
// instance, the caller's identity per invocation, a concurrency limit with a bounded queue, idle
// recycling, a changed bundle picked up, and a timeout or crash discarding only its instance.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Emulator, EmulatorOptions } from '../src/index'
import { rejectionOf, start } from './helpers'

jest.setTimeout(120_000)

const FIXTURES = path.join(__dirname, 'fixtures', 'functions')

interface Count {
  instanceId: string
  invocations: number
  before: string
  after: string
  env: string
}

const withEmulator = async (
  options: EmulatorOptions,
  body: (emulator: Emulator) => Promise<void>,
): Promise<void> => {
  const emulator = await start({ functionsDir: FIXTURES, ...options })
  try {
    await body(emulator)
  } finally {
    await emulator.close()
  }
}

const count = (emulator: Emulator, event: object, openid = ''): Promise<Count> =>
  emulator.invoke('counter', event, openid) as Promise<Count>

describe('warm instances', () => {
  it('reuse one instance: module state persists from one invocation to the next', () =>
    withEmulator({}, async (emulator) => {
      const first = await count(emulator, {}, 'o-a')
      const second = await count(emulator, {}, 'o-b')
      const third = await count(emulator, {}, '')
      expect([first.invocations, second.invocations, third.invocations]).toEqual([1, 2, 3])
      expect(new Set([first.instanceId, second.instanceId, third.instanceId]).size).toBe(1)
      // the identity is the invocation's own, and cleared for an anonymous one
      expect([first.after, second.after, third.after]).toEqual(['o-a', 'o-b', ''])
      expect(third.env).toBe('')
      expect(emulator.counters.snapshot().starts).toEqual({ counter: { cold: 1, warm: 2 } })
      expect(emulator.invocations().map((i) => i.cold)).toEqual([false, false, true])
    }))

  it('200 concurrent invocations by 20 callers across warm instances each answer their own caller', () =>
    withEmulator({ functionConcurrency: 6, functionQueueLimit: 300 }, async (emulator) => {
      const callers = Array.from({ length: 200 }, (_, i) => `o-caller-${i % 20}`)
      const answers = await Promise.all(callers.map((c) => count(emulator, { pauseMs: 5 }, c)))
      answers.forEach((a, i) => {
        expect(a.before).toBe(callers[i])
        expect(a.after).toBe(callers[i])
        expect(a.env).toBe(callers[i])
      })
      const instances = new Set(answers.map((a) => a.instanceId))
      expect(instances.size).toBeGreaterThan(1)
      expect(instances.size).toBeLessThanOrEqual(6)
      // one invocation at a time per instance: each instance counted 1, 2, 3… without a gap
      for (const id of instances) {
        const seen = answers
          .filter((a) => a.instanceId === id)
          .map((a) => a.invocations)
          .sort((x, y) => x - y)
        expect(seen).toEqual(seen.map((_, i) => i + 1))
      }
      const starts = emulator.counters.snapshot().starts.counter
      expect(starts.cold).toBe(instances.size)
      expect(starts.warm).toBe(200 - instances.size)
    }))

  it('past the concurrency limit and the queue, an invocation is FUNCTION_EXCEED_RESOURCE_LIMIT', () =>
    withEmulator({ functionConcurrency: 1, functionQueueLimit: 1 }, async (emulator) => {
      const running = count(emulator, { pauseMs: 800 }, 'o-1')
      const queued = count(emulator, { pauseMs: 0 }, 'o-2')
      const refused = rejectionOf(count(emulator, {}, 'o-3'))
      expect(await refused).toMatchObject({ code: 'FUNCTION_EXCEED_RESOURCE_LIMIT' })
      const res = await fetch(`${emulator.url}/fn/counter`, { method: 'POST', body: '{}' })
      expect(res.status).toBe(429)
      expect(await res.json()).toMatchObject({ code: 'FUNCTION_EXCEED_RESOURCE_LIMIT' })
      // the queued one ran after the first, on the same instance
      expect((await running).invocations).toBe(1)
      expect(await queued).toMatchObject({ invocations: 2, after: 'o-2' })
    }))

  it('a timeout discards only the instance it happened in', () =>
    withEmulator({}, async (emulator) => {
      const [x, y] = await Promise.all([
        count(emulator, { pauseMs: 300 }),
        count(emulator, { pauseMs: 300 }),
      ])
      expect(x.instanceId).not.toBe(y.instanceId)
      expect(await rejectionOf(count(emulator, { spin: true }))).toMatchObject({
        code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
      })
      expect(emulator.instances().counter.live).toBe(1)
      const after = await count(emulator, {})
      expect([x.instanceId, y.instanceId]).toContain(after.instanceId)
      expect(after.invocations).toBe(2)
    }))

  it('a crash discards only its instance; the next call gets a working one', () =>
    withEmulator({}, async (emulator) => {
      const first = await count(emulator, {})
      expect(await rejectionOf(count(emulator, { crash: true }))).toMatchObject({
        code: 'FUNCTIONS_EXECUTE_FAIL',
      })
      const next = await count(emulator, {})
      expect(next.instanceId).not.toBe(first.instanceId)
      expect(next.invocations).toBe(1)
    }))

  it('an idle instance is recycled: the next call is a cold start', () =>
    withEmulator({ functionIdleMs: 150 }, async (emulator) => {
      const first = await count(emulator, {})
      await new Promise((r) => setTimeout(r, 600))
      expect(emulator.instances().counter.live).toBe(0)
      const next = await count(emulator, {})
      expect(next.instanceId).not.toBe(first.instanceId)
      expect(emulator.invocations()[0].cold).toBe(true)
    }))

  it('a changed bundle on disk is picked up without a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-fn-'))
    fs.mkdirSync(path.join(dir, 'v'))
    const file = path.join(dir, 'v', 'index.js')
    fs.writeFileSync(file, 'exports.main = async () => "one"')
    const emulator = await start({ functionsDir: dir })
    try {
      expect(await emulator.invoke('v', {})).toBe('one')
      expect(await emulator.invoke('v', {})).toBe('one')
      fs.writeFileSync(file, 'exports.main = async () => "two, longer"')
      expect(await emulator.invoke('v', {})).toBe('two, longer')
      expect(emulator.counters.snapshot().starts.v).toEqual({ cold: 2, warm: 1 })
      expect(emulator.instances().v.live).toBe(1)
    } finally {
      await emulator.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

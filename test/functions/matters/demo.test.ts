/**
 * The demo village's matters read back through the real functions: every state renders as a
 * detail, the overdue one shows on the committee's overdue list, and the agenda lists in order.
 */
import { seedDemo } from '../../../scripts/seed'
import { DEMO_POLL, demoMatters } from '../../../domain/matters/demo'
import { startBackend, TEST_BALLOT_SECRET, TEST_NOW, type Backend } from '../support/backend'

let backend: Backend
const COMMITTEE = 'dev-openid-committee'

beforeAll(async () => {
  backend = await startBackend()
  await seedDemo({
    serviceUrl: backend.emulator.serviceUrl,
    now: TEST_NOW,
    ballotSecret: TEST_BALLOT_SECRET,
  })
})
afterAll(() => backend.close())

describe('demo matters', () => {
  it('every demo matter opens as a detail with its timeline, newest first, starting at its status', async () => {
    for (const m of demoMatters(TEST_NOW).matters) {
      const res = await backend.call(COMMITTEE, 'matters', 'getMatter', { matterId: m._id })
      if (!res.ok) throw new Error(`${m._id}: ${res.error.message}`)
      // The seeded poll's count moved its matter on from 表决中 to 已决议.
      const status = m._id === DEMO_POLL.matterId ? 'decided' : m.status
      expect({ id: m._id, status: res.data.status }).toEqual({ id: m._id, status })
      const latest = res.data.timeline.find((e) => e.to)
      expect({ id: m._id, to: latest?.to }).toEqual({ id: m._id, to: status })
    }
  })

  it('the overdue list holds the matter nobody answered within three days', async () => {
    const res = await backend.call(COMMITTEE, 'matters', 'listMatters', { overdue: true })
    if (!res.ok) throw new Error(res.error.message)
    expect(res.data.items.map((m) => m.id)).toEqual(['demo-matter-overdue'])
    expect(res.data.items[0]?.overdue).toBe(true)
  })

  it('lists page through all matters newest first without repeats', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 10; page += 1) {
      const res = await backend.call(COMMITTEE, 'matters', 'listMatters', { limit: 4, cursor })
      if (!res.ok) throw new Error(res.error.message)
      seen.push(...res.data.items.map((m) => m.id))
      cursor = res.data.nextCursor
      if (!cursor) break
    }
    const all = demoMatters(TEST_NOW).matters
    expect(seen).toHaveLength(all.length)
    expect(new Set(seen).size).toBe(all.length)
    const times = all.map((m) => [m._id, m.raisedAt.getTime()] as const)
    const order = [...times].sort((a, b) => b[1] - a[1]).map(([id]) => id)
    expect(seen).toEqual(order)
  })

  it('the Art. 24 demo matter shows its category and its three 四议 steps; the register is seeded', async () => {
    const res = await backend.call(COMMITTEE, 'matters', 'getMatter', {
      matterId: 'demo-matter-deciding',
    })
    if (!res.ok) throw new Error(res.error.message)
    expect(res.data.category).toMatchObject({ key: 'collectiveEnterprise', art24: true })
    expect(res.data.procedure.map((p) => [p.step, p.expected, p.present])).toEqual([
      ['proposal', 5, 5],
      ['consultation', 9, 8],
      ['review', 32, 27],
    ])
    const persons = await backend.call(COMMITTEE, 'village', 'listPersons', { limit: 50 })
    if (!persons.ok) throw new Error(persons.error.message)
    expect(persons.data.persons.length).toBeGreaterThanOrEqual(30)
    expect(persons.data.persons.filter((p) => p.accounts > 0).length).toBeGreaterThan(0)
  })
})

/**
 * The whistles' rules under 50 simultaneous callers: 50 committee members blowing to the same
 * department on one matter → one whistle; 50 staff acknowledging one whistle → one step; 50
 * scheduler ticks at once → one escalated step per level. No INTERNAL, BUSY at most once in 50.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { TEST_NOW, type Backend } from '../support/backend'
import { insert, member, VILLAGE_A } from '../support/fixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { DEPT_WATER, DISTRICT, staff } from '../support/townshipFixtures'
import {
  auditsOf,
  blow,
  HOUR,
  matterDoc,
  seedMatter,
  tick,
  whistleBackend,
  whistleDoc,
} from './support'

let backend: Backend
const N = 50

beforeAll(async () => {
  backend = await whistleBackend({ functionConcurrency: 10, functionQueueLimit: 400 })
})
afterAll(() => backend.close())
afterEach(() => backend.emulator.clock.set(TEST_NOW))

async function whistlesOf(matterId: string) {
  const { data } = await backend.db.collection(COLLECTION.whistles).where({ matterId }).get()
  return data as Array<{ _id: string }>
}

describe('races', () => {
  it('50 committee members blow to one department on one matter: one whistle', async () => {
    const chairs = Array.from({ length: N }, (_, i) =>
      member(`race-com${i}`, VILLAGE_A, ['resident', 'committee']),
    )
    insert(backend, COLLECTION.members, chairs)
    const matterId = seedMatter(backend, 'race-blow')
    const { tally, results } = await race(
      'blowWhistle',
      chairs.map(
        (c) => () =>
          backend.call(c.openid, 'whistles', 'blowWhistle', {
            matterId,
            departmentId: DEPT_WATER,
            tier: 'danger',
            note: '',
          }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, N)
    expect(tally.ok).toBe(1)
    expect(tally.CONFLICT).toBe(N - 1 - (tally.BUSY ?? 0))
    for (const r of results) {
      if (!r.ok && r.error.code === 'CONFLICT') {
        expect(r.error.message).toBe('已经向区水务局吹过哨，还没有办结，不能再吹。')
      }
    }
    expect((await whistlesOf(matterId)).map((w) => w._id)).toEqual(['race-blow_w1'])
    expect(await matterDoc(backend, matterId)).toMatchObject({
      whistleCount: 1,
      openWhistles: [DEPT_WATER],
    })
    expect((await auditsOf(backend, matterId)).map((a) => a.action)).toEqual(['blowWhistle'])
  })

  it('50 staff of the department acknowledge one whistle: one acknowledged step', async () => {
    const crew = Array.from({ length: N }, (_, i) =>
      staff(`race-w${i}`, { kind: 'department', districtId: DISTRICT, departmentId: DEPT_WATER }),
    )
    insert(backend, COLLECTION.staff, crew)
    const matterId = seedMatter(backend, 'race-ack')
    const { id } = await blow(backend, matterId)
    const { tally } = await race(
      'acknowledgeWhistle',
      crew.map(
        (s) => () => backend.call(s.openid, 'whistles', 'acknowledgeWhistle', { whistleId: id }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, N)
    expect(tally.ok).toBe(1)
    expect(tally.CONFLICT).toBe(N - 1 - (tally.BUSY ?? 0))
    const w = await whistleDoc(backend, id)
    expect(w.steps.filter((s) => s.kind === 'acknowledged')).toHaveLength(1)
    expect(
      (await auditsOf(backend, matterId)).filter((a) => a.action === 'acknowledgeWhistle'),
    ).toHaveLength(1)
  })

  it('50 scheduler ticks at once: one escalated step per level', async () => {
    const matterId = seedMatter(backend, 'race-tick')
    const { id } = await blow(backend, matterId)
    const due = TEST_NOW.getTime() + 2 * HOUR
    const ticks = () => Array.from({ length: N }, () => () => tick(backend) as never)
    backend.emulator.clock.set(due + 1)
    const first = await race('scheduler at the township', ticks())
    expect(first.tally).toEqual({ ok: N })
    backend.emulator.clock.set(due + 2 * HOUR + 1)
    const second = await race('scheduler at the district', ticks())
    expect(second.tally).toEqual({ ok: N })
    const w = await whistleDoc(backend, id)
    expect(w.steps.map((s) => s.level ?? s.kind)).toEqual(['raised', 'township', 'district'])
    expect(w.escalatedTo).toBe('district')
    const escalations = (await auditsOf(backend, matterId)).filter(
      (a) => a.action === 'escalateWhistle',
    )
    expect(escalations.map((a) => a.to)).toEqual(['township', 'district'])
  })
})

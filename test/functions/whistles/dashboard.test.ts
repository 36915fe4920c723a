/**
 * A whistle's answer reaches the dashboards (#14): acknowledging or returning a whistle adds it to
 * its village's rollup in the same transaction, so 响应率 counts it — in time or late — and a
 * late one shows under its department. Through the real functions: blow, answer, getDashboard.
 * Expected figures counted by hand.
 */
import { TEST_NOW, type Backend } from '../support/backend'
import { CAST } from '../support/fixtures'
import { DEPT_WATER, STAFF } from '../support/townshipFixtures'
import { blow, HOUR, op, seedMatter, whistleBackend } from './support'

let backend: Backend

beforeAll(async () => {
  backend = await whistleBackend()
})
afterAll(() => backend.close())

const dashboard = async () => {
  const res = await backend.call(CAST.committee.openid, 'township', 'getDashboard', {
    unit: 'village',
    month: '2026-11',
  })
  if (!res.ok) throw new Error(JSON.stringify(res))
  return res.data.current
}

describe('whistles on the village dashboard', () => {
  it('one answered in time and one returned late: 响应率 1 of 2, one overdue at 区水务局', async () => {
    // nothing of November yet (the seeded matters were accepted in February)
    expect((await dashboard()).responseRate).toMatchObject({ numerator: 0, denominator: 0 })

    const inTime = await blow(backend, seedMatter(backend, 'dash-1'))
    const late = await blow(backend, seedMatter(backend, 'dash-2'))

    // 2-hour clocks from 09:00: acknowledged at 10:00 (in time), returned at 12:00 (late)
    backend.emulator.clock.set(TEST_NOW.getTime() + HOUR)
    const ack = await backend.call(op(STAFF.water), 'whistles', 'acknowledgeWhistle', {
      whistleId: inTime.id,
    })
    expect(ack.ok).toBe(true)
    backend.emulator.clock.set(TEST_NOW.getTime() + 3 * HOUR)
    const ret = await backend.call(op(STAFF.water), 'whistles', 'returnWhistle', {
      whistleId: late.id,
      reason: '不归我局管',
    })
    expect(ret.ok).toBe(true)

    const current = await dashboard()
    expect(current.responseRate).toMatchObject({ numerator: 1, denominator: 2, text: '50.0%' })
    expect(current.overdueByDepartment).toEqual([
      { departmentId: DEPT_WATER, name: '区水务局', count: 1 },
    ])
  })
})

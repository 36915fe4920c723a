/**
 * Issue #14's Done-when: a whistle unanswered past its clock escalates, with the emulator's clock
 * moved by the test — a 2-hour whistle goes to the township 1 ms after its dueAt, to the district
 * 1 ms after dueAt + 2 h, each once (a step, an audit record, the matter's timeline), and an
 * answered one goes nowhere. Expected words and instants written out by hand.
 */
import { TEST_NOW, type Backend } from '../support/backend'
import { CAST } from '../support/fixtures'
import { snapshot } from '../support/snapshot'
import { STAFF } from '../support/townshipFixtures'
import { auditsOf, blow, HOUR, op, seedMatter, tick, whistleBackend, whistleDoc } from './support'

let backend: Backend

beforeAll(async () => {
  backend = await whistleBackend()
})
afterAll(() => backend.close())
afterEach(() => backend.emulator.clock.set(TEST_NOW))

/** TEST_NOW + 2 h: 2026-11-21 11:00 in Shanghai. */
const DUE = new Date('2026-11-21T03:00:00Z')

describe('a whistle unanswered past its clock', () => {
  it('goes to the township 1 ms after dueAt, to the district 1 ms after dueAt + 2 h, once each', async () => {
    const matterId = seedMatter(backend, 'esc-1', { title: '水管爆裂' })
    const view = await blow(backend, matterId, { note: '村口水管爆了' })
    expect(view).toMatchObject({
      id: 'esc-1_w1',
      departmentName: '区水务局',
      tier: 'danger',
      tierLabel: '危及生命财产安全',
      status: 'raised',
      raisedAt: TEST_NOW.toISOString(),
      dueAt: DUE.toISOString(),
      level: 'department',
      overdue: false,
      clockWords: '还剩 2 小时',
    })

    // at dueAt itself the clock has not run out: nothing happens
    backend.emulator.clock.set(DUE)
    expect((await tick(backend)).data.escalated).toEqual([])
    expect((await whistleDoc(backend, 'esc-1_w1')).escalatedTo).toBeUndefined()

    backend.emulator.clock.set(DUE.getTime() + 1)
    expect((await tick(backend)).data.escalated).toEqual(['esc-1_w1:township'])
    const w = await whistleDoc(backend, 'esc-1_w1')
    expect(w.escalatedTo).toBe('township')
    expect(w.steps.map((s) => [s.kind, s.by, s.level])).toEqual([
      ['raised', CAST.committee._id, undefined],
      ['escalated', 'scheduler', 'township'],
    ])
    expect(w.status).toBe('raised')
    const audits = await auditsOf(backend, matterId)
    expect(audits.map((a) => [a.action, a.actorName, a.note])).toEqual([
      [
        'blowWhistle',
        CAST.committee.name,
        '已吹哨：区水务局（危及生命财产安全，2 小时内报到）。村口水管爆了',
      ],
      ['escalateWhistle', '系统', '区水务局超时未报到，已升级到乡镇（东镇）'],
    ])
    // the raiser sees it on the matter's timeline, newest first
    const detail = await backend.call(CAST.resident.openid, 'matters', 'getMatter', { matterId })
    expect(detail.ok && detail.data.timeline.slice(0, 2)).toEqual([
      {
        at: new Date(DUE.getTime() + 1).toISOString(),
        actorName: '系统',
        action: 'escalateWhistle',
        note: '区水务局超时未报到，已升级到乡镇（东镇）',
      },
      {
        at: TEST_NOW.toISOString(),
        actorName: CAST.committee.name,
        action: 'blowWhistle',
        note: '已吹哨：区水务局（危及生命财产安全，2 小时内报到）。村口水管爆了',
      },
    ])
    // the clock in the village's view, computed now
    const shown = await backend.call(CAST.resident.openid, 'whistles', 'matterWhistles', {
      matterId,
    })
    expect(shown.ok && shown.data.items[0]).toMatchObject({
      level: 'township',
      overdue: true,
      clockWords: '已超时 不到 1 分钟，已转乡镇',
    })

    // another tick in the township's period records nothing more
    backend.emulator.clock.set(DUE.getTime() + 2 * HOUR)
    let before = await snapshot(backend)
    expect((await tick(backend)).data.escalated).toEqual([])
    expect(await snapshot(backend)).toEqual(before)

    backend.emulator.clock.set(DUE.getTime() + 2 * HOUR + 1)
    expect((await tick(backend)).data.escalated).toEqual(['esc-1_w1:district'])
    const top = await whistleDoc(backend, 'esc-1_w1')
    expect(top.escalatedTo).toBe('district')
    expect(top.steps.map((s) => s.level ?? s.kind)).toEqual(['raised', 'township', 'district'])
    const last = (await auditsOf(backend, matterId)).at(-1)
    expect(last).toMatchObject({
      action: 'escalateWhistle',
      actorId: 'scheduler',
      note: '区水务局超时未报到，已升级到区（示范区）',
      villageId: 'village-a',
      subjectType: 'matter',
    })
    // the district is the top: later ticks change nothing
    backend.emulator.clock.set(DUE.getTime() + 30 * 24 * HOUR)
    before = await snapshot(backend)
    expect((await tick(backend)).data.escalated).toEqual([])
    expect(await snapshot(backend)).toEqual(before)
  })

  it('runs on the timer trigger too: the clock moved past dueAt, the trigger fires and escalates', async () => {
    const matterId = seedMatter(backend, 'esc-timer')
    await blow(backend, matterId)
    backend.emulator.clock.set(DUE.getTime() - 30_000)
    await backend.emulator.clock.advance(120_000)
    expect((await whistleDoc(backend, 'esc-timer_w1')).escalatedTo).toBe('township')
  })

  it('a whistle found late, already due at the district, gets both steps in order in one run', async () => {
    const matterId = seedMatter(backend, 'esc-late')
    await blow(backend, matterId)
    backend.emulator.clock.set(DUE.getTime() + 5 * HOUR)
    const ran = (await tick(backend)).data.escalated
    expect(ran.filter((e) => e.startsWith('esc-late_'))).toEqual([
      'esc-late_w1:township',
      'esc-late_w1:district',
    ])
    const w = await whistleDoc(backend, 'esc-late_w1')
    expect(w.steps.map((s) => s.level ?? s.kind)).toEqual(['raised', 'township', 'district'])
  })

  it('an acknowledged whistle does not escalate', async () => {
    const matterId = seedMatter(backend, 'esc-ack')
    const view = await blow(backend, matterId)
    backend.emulator.clock.set(DUE.getTime() - 1)
    const ack = await backend.call(op(STAFF.water), 'whistles', 'acknowledgeWhistle', {
      whistleId: view.id,
    })
    expect(ack).toMatchObject({
      ok: true,
      data: { status: 'acknowledged', level: 'department', overdue: false, clockWords: '已报到' },
    })
    backend.emulator.clock.set(DUE.getTime() + 10 * HOUR)
    const before = [await whistleDoc(backend, view.id), await auditsOf(backend, matterId)]
    const ran = (await tick(backend)).data.escalated
    expect(ran.filter((e) => e.startsWith('esc-ack_'))).toEqual([])
    expect([await whistleDoc(backend, view.id), await auditsOf(backend, matterId)]).toEqual(before)
    expect(before[0]).not.toHaveProperty('escalatedTo')
  })

  it('once at the township, its staff may answer; before, only the department', async () => {
    const matterId = seedMatter(backend, 'esc-town')
    const view = await blow(backend, matterId)
    const early = await snapshot(backend)
    expect(
      await backend.call(op(STAFF.townshipA), 'whistles', 'acknowledgeWhistle', {
        whistleId: view.id,
      }),
    ).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '这次吹哨还没有超时转到您的单位，请等部门报到办理。' },
    })
    expect(await snapshot(backend)).toEqual(early)
    backend.emulator.clock.set(DUE.getTime() + HOUR)
    await tick(backend)
    const ack = await backend.call(op(STAFF.townshipA), 'whistles', 'acknowledgeWhistle', {
      whistleId: view.id,
    })
    expect(ack).toMatchObject({
      ok: true,
      data: { status: 'acknowledged', level: 'township', clockWords: '已报到（超时）' },
    })
    const w = await whistleDoc(backend, view.id)
    expect(w.steps.at(-1)).toMatchObject({ kind: 'acknowledged', by: 'tsa', unit: 'township' })
    expect((await auditsOf(backend, matterId)).at(-1)).toMatchObject({
      action: 'acknowledgeWhistle',
      actorName: '东镇',
      note: '东镇已报到（超时）',
    })
    // answered: the district's time never comes
    backend.emulator.clock.set(DUE.getTime() + 10 * HOUR)
    await tick(backend)
    expect((await whistleDoc(backend, view.id)).escalatedTo).toBe('township')
  })

  it('the lists: the department at once, the township past dueAt, the district past dueAt + 2 h', async () => {
    const matterId = seedMatter(backend, 'esc-list')
    const view = await blow(backend, matterId)
    const ids = async (openid: string) => {
      const res = await backend.call(openid, 'whistles', 'listWhistles', {})
      if (!res.ok) throw new Error(JSON.stringify(res))
      return res.data.items.map((i) => i.id)
    }
    expect(await ids(op(STAFF.water))).toContain(view.id)
    expect(await ids(op(STAFF.townshipA))).not.toContain(view.id)
    expect(await ids(op(STAFF.districtAdmin))).not.toContain(view.id)
    backend.emulator.clock.set(DUE.getTime() + 1)
    expect(await ids(op(STAFF.townshipA))).toContain(view.id)
    expect(await ids(op(STAFF.townshipB))).not.toContain(view.id)
    expect(await ids(op(STAFF.districtAdmin))).not.toContain(view.id)
    backend.emulator.clock.set(DUE.getTime() + 2 * HOUR + 1)
    expect(await ids(op(STAFF.districtAdmin))).toContain(view.id)
    expect(await ids(op(STAFF.townshipA))).toContain(view.id)
  })
})

/**
 * 吹哨报到's messages to the staff who must answer, through the bundled functions and the emulator:
 * a staff member subscribes on their 工作台 (notifications.subscribe, topic `staff`, their own
 * staff record from the platform's OPENID), a blown whistle queues one message per subscribed
 * staff record of the department it names, the scheduler's escalation one per subscribed staff
 * record of the township and then of the district (the emulator's clock moved), and nothing more
 * on a second pass or once a one-time subscription is used. A failure to notify never fails the
 * blow. Expected messages written out by hand.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { OutboxMessage, StaffSubscription } from '../../../types/model/notification'
import { TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert } from '../support/fixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { snapshot } from '../support/snapshot'
import { DEPT_WATER, DISTRICT, STAFF, STATION_A, staff } from '../support/townshipFixtures'
import { blow, HOUR, op, seedMatter, tick, whistleBackend } from './support'

let backend: Backend

/** Three more of 区水务局's staff: one who subscribes, one who never does, one removed later. */
const WATER_2 = staff('water2', {
  kind: 'department',
  districtId: DISTRICT,
  departmentId: DEPT_WATER,
})
const WATER_QUIET = staff('water3', {
  kind: 'department',
  districtId: DISTRICT,
  departmentId: DEPT_WATER,
})

const WATER_GONE = staff('water4', {
  kind: 'department',
  districtId: DISTRICT,
  departmentId: DEPT_WATER,
})

beforeAll(async () => {
  backend = await whistleBackend()
  insert(backend, COLLECTION.staff, [WATER_2, WATER_QUIET, WATER_GONE])
})
afterAll(() => backend.close())

/** TEST_NOW + 2 h (the danger tier): 2026-11-21 11:00 in Shanghai. */
const DUE = new Date('2026-11-21T03:00:00Z')

const outbox = async () =>
  ((await backend.all(COLLECTION.outbox)) as unknown as OutboxMessage[]).sort((a, b) =>
    a._id.localeCompare(b._id),
  )
const subscriptionOf = async (id: string) =>
  ((await backend.all(COLLECTION.subscriptions)) as unknown as StaffSubscription[]).find(
    (s) => s._id === id,
  )
const subscribe = (
  openid: string | undefined,
  subjectId: string,
  templateIds = ['local-whistle'],
) => backend.call(openid, 'notifications', 'subscribe', { topic: 'staff', subjectId, templateIds })
const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code)

describe('notifications.subscribe, topic staff', () => {
  it('refuses a record that is not the caller’s own active one, and writes nothing', async () => {
    const before = await snapshot(backend)
    const cases: Array<[string, string | undefined, string, string, string[]?]> = [
      ['anonymous', undefined, STAFF.water._id, 'FORBIDDEN'],
      // a village member, even the committee, holds no staff record
      ['committee member', CAST.committee.openid, STAFF.water._id, 'FORBIDDEN'],
      // another unit's staff naming the water department's record
      ['township staff, another’s record', op(STAFF.townshipA), STAFF.water._id, 'FORBIDDEN'],
      ['removed record', op(STAFF.removed), STAFF.removed._id, 'FORBIDDEN'],
      ['no such record', op(STAFF.water), 'no-such-staff', 'FORBIDDEN'],
      ['bad id', op(STAFF.water), 'not an id!', 'INVALID_INPUT'],
      ['no template', op(STAFF.water), STAFF.water._id, 'INVALID_INPUT', []],
    ]
    for (const [who, openid, subjectId, expected, templateIds] of cases) {
      expect({ who, code: code(await subscribe(openid, subjectId, templateIds)) }).toEqual({
        who,
        code: expected,
      })
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('records one subscription keyed by the staff record, even for 50 identical calls at once', async () => {
    const { results, tally } = await race(
      'staff subscribe ×50',
      Array.from({ length: 50 }, () => () => subscribe(op(STAFF.water), STAFF.water._id)),
    )
    expectNoCrashAndLittleBusy(tally, 50)
    expect(results.filter((r) => r.ok).every((r) => r.ok && r.data.subscribed)).toBe(true)
    const subs = (await backend.all(COLLECTION.subscriptions)).filter((s) => s.topic === 'staff')
    expect(subs).toEqual([
      {
        _id: 'staff_department_dept-water_water',
        staffId: 'water',
        districtId: DISTRICT,
        topic: 'staff',
        subjectId: 'department_dept-water',
        templateIds: ['local-whistle'],
        createdAt: TEST_NOW,
      },
    ])
  })
})

describe('whistleBlown and whistleEscalated', () => {
  afterAll(() => backend.emulator.clock.set(TEST_NOW))

  it('a blown whistle: one message to each subscribed staff member of its department, none to others', async () => {
    // 区水务局: water (above) and water2 subscribe, water3 does not; 东镇综治中心's staff and the
    // township's subscribe too, and must hear nothing of a whistle to 区水务局
    for (const s of [
      WATER_2,
      WATER_GONE,
      STAFF.stationA,
      STAFF.townshipA,
      STAFF.townshipB,
      STAFF.districtAdmin,
    ]) {
      expect(code(await subscribe(op(s), s._id))).toBe('ok')
    }
    // water4 subscribed, then left the department: its record is read again, and it hears nothing
    await backend.db.collection(COLLECTION.staff).doc(WATER_GONE._id).update({ status: 'removed' })
    const matterId = seedMatter(backend, 'nt-w-1', {
      title: '村口水管爆裂，整条街停水了好几天，老人孩子都没水喝',
    })
    const view = await blow(backend, matterId, { note: '村口水管爆了' })
    expect(view.id).toBe('nt-w-1_w1')
    const message = (staffId: string) => ({
      _id: `whistleBlown_nt-w-1_w1_${staffId}`,
      staffId,
      districtId: DISTRICT,
      event: 'whistleBlown',
      subjectId: 'nt-w-1_w1',
      page: 'packages/township/pages/whistle/index?id=nt-w-1_w1&matterId=nt-w-1',
      data: {
        thing1: '村口水管爆裂，整条街停水了好几天，老人…',
        thing2: '示范村',
        thing3: '危及生命财产安全',
        time4: '2026年11月21日 11:00',
        thing5: '村里吹哨，请按时报到办理',
      },
      createdAt: TEST_NOW,
      status: 'queued',
    })
    expect(await outbox()).toEqual([message('water'), message('water2')])
    expect((await subscriptionOf('staff_department_dept-water_water'))?.usedAt).toEqual(TEST_NOW)
    expect((await subscriptionOf('staff_department_station-east_sta'))?.usedAt).toBeUndefined()
    expect((await subscriptionOf('staff_department_dept-water_water4'))?.usedAt).toBeUndefined()
  })

  it('a used subscription sends nothing more: a second whistle to the department queues nothing', async () => {
    const matterId = seedMatter(backend, 'nt-w-2')
    // 复杂诉求 (15 days): it stays with the department for the rest of this file
    await blow(backend, matterId, { tier: 'complex' })
    expect((await outbox()).map((m) => m._id)).toEqual([
      'whistleBlown_nt-w-1_w1_water',
      'whistleBlown_nt-w-1_w1_water2',
    ])
  })

  it('escalated: to the township’s subscribed staff, then the district’s, once each however many passes', async () => {
    backend.emulator.clock.set(DUE.getTime() + 1)
    expect((await tick(backend)).data.escalated).toEqual(['nt-w-1_w1:township'])
    const escalated = (await outbox()).filter((m) => m.event === 'whistleEscalated')
    expect(escalated).toEqual([
      {
        _id: 'whistleEscalated_nt-w-1_w1_tsa',
        staffId: 'tsa',
        districtId: DISTRICT,
        event: 'whistleEscalated',
        subjectId: 'nt-w-1_w1',
        page: 'packages/township/pages/whistle/index?id=nt-w-1_w1&matterId=nt-w-1',
        data: {
          thing1: '村口水管爆裂，整条街停水了好几天，老人…',
          thing2: '示范村',
          thing3: '危及生命财产安全',
          time4: '2026年11月21日 13:00',
          thing5: '部门超时未报到，已转到乡镇',
        },
        createdAt: new Date(DUE.getTime() + 1),
        status: 'queued',
      },
    ])
    // the message's transaction wrote the whistle (so an answer meanwhile conflicts with it)
    const stored = (await backend.all(COLLECTION.whistles)) as Array<{
      _id: string
      writeSeq?: number
    }>
    expect(stored.find((w) => w._id === 'nt-w-1_w1')?.writeSeq).toBe(1)
    // 西街道's staff (another township) heard nothing; its subscription waits
    expect((await subscriptionOf('staff_township_township-west_tsb'))?.usedAt).toBeUndefined()

    // a second pass (and 10 more at once) in the township's period: nothing at all changes
    backend.emulator.clock.set(DUE.getTime() + HOUR)
    const before = await snapshot(backend)
    const passes = await Promise.all(Array.from({ length: 10 }, () => tick(backend)))
    expect(passes.map((p) => p.data.escalated)).toEqual(Array.from({ length: 10 }, () => []))
    expect(await snapshot(backend)).toEqual(before)

    backend.emulator.clock.set(DUE.getTime() + 2 * HOUR + 1)
    expect((await tick(backend)).data.escalated).toEqual(['nt-w-1_w1:district'])
    const top = (await outbox()).filter((m) => m.event === 'whistleEscalated')
    expect(top.map((m) => [m._id, m.staffId, m.data.time4, m.data.thing5, m.createdAt])).toEqual([
      [
        'whistleEscalated_nt-w-1_w1_dadmin',
        'dadmin',
        '2026年11月21日 13:00',
        '乡镇也已超时，已转到区里',
        new Date(DUE.getTime() + 2 * HOUR + 1),
      ],
      [
        'whistleEscalated_nt-w-1_w1_tsa',
        'tsa',
        '2026年11月21日 13:00',
        '部门超时未报到，已转到乡镇',
        new Date(DUE.getTime() + 1),
      ],
    ])
    // the top: later passes write nothing
    backend.emulator.clock.set(DUE.getTime() + 3 * HOUR)
    const after = await snapshot(backend)
    await tick(backend)
    expect(await snapshot(backend)).toEqual(after)
  })
})

describe('a failure to notify', () => {
  afterAll(() => backend.emulator.clock.set(TEST_NOW))

  it('never fails the blow: the whistle is blown, the others are told, the broken one is skipped', async () => {
    backend.emulator.clock.set(TEST_NOW)
    // a staff record stored without its unit, with a subscription for 东镇综治中心: reading it
    // throws inside its message's transaction
    insert(backend, COLLECTION.staff, [{ ...staff('broken', STAFF.stationA.unit), unit: null }])
    insert(backend, COLLECTION.subscriptions, [
      {
        _id: 'staff_department_station-east_broken',
        staffId: 'broken',
        districtId: DISTRICT,
        topic: 'staff',
        subjectId: 'department_station-east',
        templateIds: ['local-whistle'],
        createdAt: TEST_NOW,
      },
    ])
    const matterId = seedMatter(backend, 'nt-w-3', { title: '邻里纠纷' })
    const view = await blow(backend, matterId, { departmentId: STATION_A, tier: 'general' })
    expect(view).toMatchObject({
      id: 'nt-w-3_w1',
      status: 'raised',
      departmentName: '东镇综治中心',
    })
    expect(
      (await outbox()).filter((m) => m.subjectId === 'nt-w-3_w1').map((m) => [m._id, m.data]),
    ).toEqual([
      [
        'whistleBlown_nt-w-3_w1_sta',
        {
          thing1: '邻里纠纷',
          thing2: '示范村',
          thing3: '一般诉求',
          time4: '2026年11月28日 09:00',
          thing5: '村里吹哨，请按时报到办理',
        },
      ],
    ])
    expect((await subscriptionOf('staff_department_station-east_broken'))?.usedAt).toBeUndefined()
  })
})

/**
 * A department's answer seen by the village: 报到, progress and 办结 on the matter's timeline as the
 * raiser reads it; a return with its reason; a second whistle to the same department once the
 * first has ended. Then every refusal, each with the whole database unchanged.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, member, STRANGER, village } from '../support/fixtures'
import { CHINESE, snapshot } from '../support/snapshot'
import { DEPT_WATER, DISTRICT, STAFF, STATION_A, TOWNSHIP_B } from '../support/townshipFixtures'
import {
  auditsOf,
  blow,
  HOUR,
  matterDoc,
  op,
  seedMatter,
  whistleBackend,
  whistleDoc,
} from './support'

let backend: Backend

beforeAll(async () => {
  backend = await whistleBackend()
  // a station of the other township, a village of no township with its committee member
  insert(backend, COLLECTION.departments, [
    {
      _id: 'station-west',
      districtId: DISTRICT,
      townshipId: TOWNSHIP_B,
      name: '西街道城管科',
      categories: ['environment'],
      createdAt: TEST_NOW,
      updatedAt: TEST_NOW,
    },
  ])
  insert(backend, COLLECTION.villages, [village('village-c', '独村')])
  insert(backend, COLLECTION.members, [member('ccom', 'village-c', ['resident', 'committee'])])
})
afterAll(() => backend.close())
afterEach(() => backend.emulator.clock.set(TEST_NOW))

const act = (openid: string, action: string, payload: Record<string, unknown>) =>
  backend.call(openid, 'whistles', action as 'acknowledgeWhistle', payload as never)

describe("the department's journey", () => {
  it('acknowledge, progress, resolve: each step on the timeline the raiser reads', async () => {
    const matterId = seedMatter(backend, 'j-1', { title: '自来水停了三天' })
    const { id } = await blow(backend, matterId, { tier: 'utilities' })
    backend.emulator.clock.set(TEST_NOW.getTime() + HOUR)
    expect(await act(op(STAFF.water), 'acknowledgeWhistle', { whistleId: id })).toMatchObject({
      ok: true,
      data: { status: 'acknowledged', clockWords: '已报到' },
    })
    backend.emulator.clock.set(TEST_NOW.getTime() + 2 * HOUR)
    const progress = await act(op(STAFF.water), 'reportWhistleProgress', {
      whistleId: id,
      text: '  已派抢修队到现场\u200b  ',
    })
    expect(progress).toMatchObject({ ok: true, data: { status: 'acknowledged' } })
    backend.emulator.clock.set(TEST_NOW.getTime() + 5 * HOUR)
    const done = await act(op(STAFF.water), 'resolveWhistle', {
      whistleId: id,
      text: '管道已修复，恢复供水',
    })
    expect(done).toMatchObject({
      ok: true,
      data: {
        status: 'resolved',
        clockWords: '已办结',
        overdue: false,
        departmentName: '区水务局',
        matterTitle: '自来水停了三天',
        villageName: '示范村',
        tierLabel: '水电气热',
      },
    })
    expect(done.ok && done.data.steps).toEqual([
      { kind: 'raised', at: TEST_NOW.toISOString(), byLabel: '村委会' },
      {
        kind: 'acknowledged',
        at: new Date(TEST_NOW.getTime() + HOUR).toISOString(),
        byLabel: '区水务局',
      },
      {
        kind: 'progress',
        at: new Date(TEST_NOW.getTime() + 2 * HOUR).toISOString(),
        byLabel: '区水务局',
        text: '已派抢修队到现场',
      },
      {
        kind: 'resolved',
        at: new Date(TEST_NOW.getTime() + 5 * HOUR).toISOString(),
        byLabel: '区水务局',
        text: '管道已修复，恢复供水',
      },
    ])
    const detail = await backend.call(CAST.resident.openid, 'matters', 'getMatter', { matterId })
    expect(detail.ok && detail.data.timeline.map((e) => [e.actorName, e.action, e.note])).toEqual([
      ['区水务局', 'resolveWhistle', '区水务局已办结：管道已修复，恢复供水'],
      ['区水务局', 'reportWhistleProgress', '区水务局报告进展：已派抢修队到现场'],
      ['区水务局', 'acknowledgeWhistle', '区水务局已报到'],
      [CAST.committee.name, 'blowWhistle', '已吹哨：区水务局（水电气热，24 小时内报到）'],
    ])
    // the whistle's statuses are not the matter's: no from/to on the timeline
    expect(detail.ok && detail.data.timeline.every((e) => !e.from && !e.to)).toBe(true)
    expect(await matterDoc(backend, matterId)).toMatchObject({
      status: 'accepted',
      whistleCount: 1,
      openWhistles: [],
    })
    expect(await whistleDoc(backend, id)).toMatchObject({
      acknowledgedAt: new Date(TEST_NOW.getTime() + HOUR),
      resolvedAt: new Date(TEST_NOW.getTime() + 5 * HOUR),
    })
    // ended: the same department may be whistled again, the next id
    const again = await blow(backend, matterId)
    expect(again.id).toBe('j-1_w2')
  })

  it('return with a reason: 退回 on the timeline, the whistle ended', async () => {
    const matterId = seedMatter(backend, 'j-ret', { status: 'handling' })
    const { id } = await blow(backend, matterId, { departmentId: STATION_A, tier: 'general' })
    const res = await act(op(STAFF.stationA), 'returnWhistle', {
      whistleId: id,
      reason: '属于村内邻里纠纷，请村里先调解',
    })
    expect(res).toMatchObject({ ok: true, data: { status: 'returned', clockWords: '已退回' } })
    expect((await whistleDoc(backend, id)).returnedAt).toEqual(TEST_NOW)
    expect((await auditsOf(backend, matterId)).at(-1)).toMatchObject({
      action: 'returnWhistle',
      actorName: '东镇综治中心',
      actorId: STAFF.stationA._id,
      note: '东镇综治中心退回：属于村内邻里纠纷，请村里先调解',
    })
    expect((await matterDoc(backend, matterId)).openWhistles).toEqual([])
  })

  it('whistleOptions: the district’s departments and the township’s stations, with the tiers', async () => {
    const res = await backend.call(CAST.committee.openid, 'whistles', 'whistleOptions', {})
    expect(res).toEqual({
      ok: true,
      data: {
        departments: [
          { id: DEPT_WATER, name: '区水务局', level: 'district', categories: ['roadsUtilities'] },
          {
            id: STATION_A,
            name: '东镇综治中心',
            level: 'township',
            categories: ['neighbourhood', 'publicOrder'],
          },
        ],
        tiers: [
          { tier: 'danger', label: '危及生命财产安全', responseHours: 2 },
          { tier: 'utilities', label: '水电气热', responseHours: 24 },
          { tier: 'general', label: '一般诉求', responseHours: 168 },
          { tier: 'complex', label: '复杂诉求', responseHours: 360 },
        ],
      },
    })
  })
})

describe('refusals write nothing', () => {
  let open = ''
  beforeAll(async () => {
    seedMatter(backend, 'r-open')
    open = (await blow(backend, 'r-open')).id
    seedMatter(backend, 'r-closed', { status: 'closed' })
    seedMatter(backend, 'r-raised', { status: 'raised' })
    seedMatter(backend, 'r-c', { villageId: 'village-c', raisedBy: 'ccom' })
  })

  type Call = { openid: string; action: string; payload: Record<string, unknown> }
  const blowAs = (openid: string, over: Record<string, unknown> = {}): Call => ({
    openid,
    action: 'blowWhistle',
    payload: { matterId: 'r-open', departmentId: STATION_A, tier: 'danger', note: '', ...over },
  })
  const ackAs = (openid: string): Call => ({
    openid,
    action: 'acknowledgeWhistle',
    payload: { whistleId: open },
  })

  const CASES: Array<[string, () => Call, string, string?]> = [
    ['a stranger blows', () => blowAs(STRANGER), 'UNAUTHENTICATED'],
    ['a resident blows', () => blowAs(CAST.resident.openid), 'FORBIDDEN'],
    ['a pending applicant blows', () => blowAs(CAST.pending.openid), 'UNAUTHENTICATED'],
    [
      "village B's committee blows on A's matter",
      () => blowAs(CAST.otherCommittee.openid),
      'NOT_FOUND',
      '找不到这件事，可能已被删除。',
    ],
    ['a staff member blows', () => blowAs(op(STAFF.water)), 'UNAUTHENTICATED'],
    [
      'on a closed matter',
      () => blowAs(CAST.committee.openid, { matterId: 'r-closed' }),
      'CONFLICT',
      '这件事现在是“已关闭”，不能吹哨。',
    ],
    [
      'on a matter not yet accepted',
      () => blowAs(CAST.committee.openid, { matterId: 'r-raised' }),
      'CONFLICT',
      '这件事现在是“待受理”，不能吹哨。',
    ],
    [
      'an unknown tier',
      () => blowAs(CAST.committee.openid, { tier: 'whenever' }),
      'INVALID_INPUT',
      '请选择诉求类别',
    ],
    [
      'an unknown department',
      () => blowAs(CAST.committee.openid, { departmentId: 'dept-none' }),
      'NOT_FOUND',
      '找不到这个部门。',
    ],
    [
      "another township's station",
      () => blowAs(CAST.committee.openid, { departmentId: 'station-west' }),
      'NOT_FOUND',
      '找不到这个部门。',
    ],
    [
      'a second open whistle to the same department',
      () => blowAs(CAST.committee.openid, { departmentId: DEPT_WATER }),
      'CONFLICT',
      '已经向区水务局吹过哨，还没有办结，不能再吹。',
    ],
    [
      'a village of no township',
      () => blowAs('openid-ccom', { matterId: 'r-c' }),
      'CONFLICT',
      '本村还没有编入乡镇（街道），不能吹哨。请联系区里把本村加进来。',
    ],
    [
      'a text of hidden characters',
      () => blowAs(CAST.committee.openid, { note: 'a\u0000b' }),
      'INVALID_INPUT',
    ],
    [
      'a stranger acknowledges',
      () => ackAs(STRANGER),
      'FORBIDDEN',
      '您不是这个单位的工作人员，不能做这件事。',
    ],
    ['a resident acknowledges', () => ackAs(CAST.resident.openid), 'FORBIDDEN'],
    ['the committee acknowledges', () => ackAs(CAST.committee.openid), 'FORBIDDEN'],
    [
      "township B's staff acknowledges",
      () => ackAs(op(STAFF.townshipB)),
      'NOT_FOUND',
      '找不到这次吹哨。',
    ],
    [
      "the wrong department's staff acknowledges",
      () => ackAs(op(STAFF.stationA)),
      'NOT_FOUND',
      '找不到这次吹哨。',
    ],
    ['a removed staff record acknowledges', () => ackAs(op(STAFF.removed)), 'FORBIDDEN'],
    [
      'a made-up whistle',
      () => ({ ...ackAs(op(STAFF.water)), payload: { whistleId: 'r-open_w9' } }),
      'NOT_FOUND',
      '找不到这次吹哨。',
    ],
    [
      'progress before 报到',
      () => ({
        openid: op(STAFF.water),
        action: 'reportWhistleProgress',
        payload: { whistleId: open, text: '在办' },
      }),
      'CONFLICT',
      '这次吹哨现在是“待报到”，不能报告进展，请先报到。',
    ],
    [
      'an empty reason',
      () => ({
        openid: op(STAFF.water),
        action: 'returnWhistle',
        payload: { whistleId: open, reason: ' \u3000 ' },
      }),
      'INVALID_INPUT',
      '请填写退回理由',
    ],
    [
      "village B's committee reads A's whistles",
      () => ({
        openid: CAST.otherCommittee.openid,
        action: 'matterWhistles',
        payload: { matterId: 'r-open' },
      }),
      'NOT_FOUND',
      '找不到这件事，可能已被删除。',
    ],
    [
      "township B's staff reads A's whistles",
      () => ({
        openid: op(STAFF.townshipB),
        action: 'matterWhistles',
        payload: { matterId: 'r-open' },
      }),
      'NOT_FOUND',
      '找不到这件事，可能已被删除。',
    ],
    [
      'a stranger reads them',
      () => ({ openid: STRANGER, action: 'matterWhistles', payload: { matterId: 'r-open' } }),
      'UNAUTHENTICATED',
    ],
    [
      'a resident lists whistles',
      () => ({ openid: CAST.resident.openid, action: 'listWhistles', payload: {} }),
      'FORBIDDEN',
    ],
    [
      "a staff member lists for another's record",
      () => ({ openid: op(STAFF.water), action: 'listWhistles', payload: { staffId: 'tsa' } }),
      'FORBIDDEN',
    ],
  ]

  // (each row as [name, code, case]: a row shorter than the callback's arguments would make jest
  // pass `done` in the missing place)
  const ROWS = CASES.map(
    ([name, arrange, code, message]) => [name, code, { arrange, message }] as const,
  )

  it.each(ROWS)('%s → %s', async (_name, code, { arrange, message }) => {
    const { openid, action, payload } = arrange()
    const before = await snapshot(backend)
    const res = await act(openid, action, payload)
    expect(res).toEqual({
      ok: false,
      error: { code, message: message ?? expect.stringMatching(CHINESE) },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('the same open whistle is still open, acknowledged by its department after all that', async () => {
    expect(await act(op(STAFF.water), 'acknowledgeWhistle', { whistleId: open })).toMatchObject({
      ok: true,
      data: { status: 'acknowledged' },
    })
    const before = await snapshot(backend)
    expect(await act(op(STAFF.water), 'acknowledgeWhistle', { whistleId: open })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '这次吹哨现在是“已报到”，不能报到。' },
    })
    expect(await snapshot(backend)).toEqual(before)
  })
})

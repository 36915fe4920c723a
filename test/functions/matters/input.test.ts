/**
 * Bad input to the `matters` function: every action refuses missing, oversized and wrongly typed
 * fields with INVALID_INPUT and a plain Chinese message, and writes nothing; a fast-check fuzz of
 * every action's payload finds no crash and no write (but a newly raised matter or topic); an
 * OPENID in the payload is ignored; and the detail screen costs one call and at most four
 * database requests.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { MattersApi } from '../../../types/api/matters'
import { MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter } from '../support/fixtures'
import { fieldsOf, fuzzId, fuzzPayloads } from '../support/fuzz'
import { CHINESE, snapshot } from '../support/snapshot'

type MatterAction = keyof MattersApi

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.matters, [
    storedMatter('m-raised'),
    storedMatter('m-resolved', {
      status: 'resolved',
      ratingEndsAt: new Date(TEST_NOW.getTime() + 86400e3),
    }),
  ])
})
afterAll(() => backend.close())

const long = (n: number) => '字'.repeat(n)
const photo = (i: number) => `cloud://local.local-emulator/matters/2026-11/photo000${i}.jpg`

/** [action, payload, the message the person reads]. */
const BAD: Array<[MatterAction, unknown, string]> = [
  ['raiseMatter', {}, '请填写标题'],
  ['acceptMatter', { matterId: 'm-raised', urgent: true }, '请选择事项类别'],
  ['acceptMatter', { matterId: 'm-raised', category: 'roads' }, '请选择事项类别'],
  ['openTopic', { title: '修路', body: '内容', urgent: true }, '请选择事项类别'],
  ['changeCategory', { matterId: 'm-raised', category: '' }, '请选择事项类别'],
  [
    'recordProcedureStep',
    {
      matterId: 'm-raised',
      step: 'vote',
      date: '2026-11-20',
      expected: 5,
      present: 5,
      result: '同意',
    },
    '请选择是哪一议',
  ],
  [
    'recordProcedureStep',
    {
      matterId: 'm-raised',
      step: 'review',
      date: '2026-11-20',
      expected: -1,
      present: 0,
      result: '同意',
    },
    '应到人数应当是 0 到 100000 之间的整数',
  ],
  [
    'recordProcedureStep',
    { matterId: 'm-raised', step: 'review', date: '2026-11-20', expected: 5, present: 5 },
    '请填写会议结果',
  ],
  ['raiseMatter', { title: '路灯' }, '请填写内容'],
  ['raiseMatter', { title: long(61), body: '内容' }, '标题不能超过 60 个字'],
  ['raiseMatter', { title: '路灯', body: long(2001) }, '内容不能超过 2000 个字'],
  ['raiseMatter', { title: 42, body: '内容' }, '标题应当是文字'],
  ['raiseMatter', { title: '  ', body: '内容' }, '请填写标题'],
  [
    'raiseMatter',
    { title: '路灯', body: '内容', photos: Array.from({ length: 10 }, (_, i) => photo(i)) },
    '照片最多 9 张',
  ],
  [
    'raiseMatter',
    { title: '路灯', body: '内容', photos: ['http://evil/x.jpg'] },
    '照片不对，请重新上传',
  ],
  ['raiseMatter', { title: '路灯', body: '内容', photos: 'cloud://x' }, '照片不对'],
  ...[
    'cloud://local.local-emulator/../../etc/passwd',
    'cloud://local.local-emulator/matters/2026-11/../../../etc/passwd.jpg',
    'cloud://local.local-emulator/openid-res/2026-11/photo0001.jpg',
    'cloud://local.local-emulator/uploads/2026-11/photo0001.jpg',
    // A well-formed id of another environment: not a file of this one
    'cloud://prod-1a2b.7072-prod-1a2b-1250000000/matters/2026-11/photo0001.jpg',
  ].map((id): [MatterAction, unknown, string] => [
    'raiseMatter',
    { title: '路灯', body: '内容', photos: [photo(1), id] },
    '照片不对，请重新上传',
  ]),
  [
    'reportProgress',
    {
      matterId: 'm-raised',
      text: '进展',
      photos: ['cloud://other.other-emulator/matters/2026-11/photo0001.jpg'],
    },
    '照片不对，请重新上传',
  ],
  ['raiseMatter', ['路灯'], '请求内容不对'],
  [
    'openTopic',
    { category: 'other', title: '修路', body: '内容', urgent: 'yes' },
    '急事应当是“是”或“否”',
  ],
  ['withdrawMatter', {}, '请填写事项编号'],
  ['withdrawMatter', { matterId: { $ne: null } }, '事项编号不对'],
  [
    'acceptMatter',
    { category: 'other', matterId: 'm-raised', talkDay: '2026-02-30' },
    '说事日不是一个真实的日期',
  ],
  [
    'acceptMatter',
    { category: 'other', matterId: 'm-raised', talkDay: '24号' },
    '说事日应当是日期，例如 2026-11-24',
  ],
  ['declineMatter', { matterId: 'm-raised' }, '请填写不予受理的理由'],
  ['declineMatter', { matterId: 'm-raised', reason: long(201) }, '不予受理的理由不能超过 200 个字'],
  ['mergeMatter', { matterId: 'm-raised', intoId: '../x' }, '要合并到的事项不对'],
  ['recordDecision', { matterId: 'm-raised', decision: long(2001) }, '决议不能超过 2000 个字'],
  ['assignHandling', { matterId: 'm-raised', handlerId: 'res' }, '请填写办理期限'],
  ['reportProgress', { matterId: 'm-raised', text: '' }, '请填写办理进展'],
  ['resolveMatter', { matterId: 'm-raised', outcome: 7 }, '办理结果应当是文字'],
  ['rateMatter', { matterId: 'm-resolved', score: 6 }, '请选择 1 到 5 颗星'],
  ['rateMatter', { matterId: 'm-resolved', score: 3.5 }, '请选择 1 到 5 颗星'],
  ['rateMatter', { matterId: 'm-resolved', score: 5, comment: long(201) }, '评价不能超过 200 个字'],
  ['moveAgendaItem', { matterId: 'm-raised' }, '请填写说事日'],
  ['reorderAgenda', { talkDay: '2026-12-04', matterIds: 'a,b' }, '议程不对'],
  [
    'recordMinutes',
    { matterId: 'm-raised', talkDay: '2026-12-04', text: long(2001) },
    '会议纪要不能超过 2000 个字',
  ],
  ['startDiscussion', { matterId: 123 }, '事项编号不对'],
  ['closeMatter', {}, '请填写事项编号'],
  ['getMatter', { matterId: '' }, '事项编号不对'],
  ['listTimeline', { matterId: 'm-raised', cursor: 'x|y' }, '翻页位置不对'],
  ['listMatters', { status: 'lost' }, '状态不对'],
  ['listMatters', { limit: 51 }, '每页最多 50 条'],
  ['listMatters', { status: 'closed', statuses: ['merged'] }, '状态只能按一种方式选'],
  ['listMatters', { statuses: [] }, '请至少选一种状态'],
  ['listMatters', { q: '  ' }, '请填写要搜索的词'],
  ['listMatters', { q: 'x'.repeat(21) }, '要搜索的词不能超过 20 个字'],
  ['getHome', 'home', '请求内容不对'],
]

describe('matters bad input', () => {
  it('is INVALID_INPUT with a plain Chinese message, and writes nothing', async () => {
    const before = await snapshot(backend)
    for (const [action, payload, message] of BAD) {
      const res = await backend.call(
        CAST.committee.openid,
        'matters',
        action as 'getMatter',
        payload as never,
      )
      expect({ action, payload, res }).toEqual({
        action,
        payload,
        res: { ok: false, error: { code: 'INVALID_INPUT', message } },
      })
      expect(message).toMatch(CHINESE)
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('every action has a bad-input case above', () => {
    const covered = new Set(BAD.map(([a]) => a))
    const missing = Object.keys(MATTER_SCHEMAS).filter((a) => !covered.has(a as MatterAction))
    expect(missing).toEqual([])
  })

  it('an unknown action is refused in plain words', async () => {
    const res = await backend.call(CAST.committee.openid, 'matters', 'dropTable' as 'getMatter', {})
    expect(res).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '不认识这个操作。' },
    })
  })
})

describe('matters payload fuzz', () => {
  it('an envelope, a known refusal in Chinese, and no write, for any payload (every action)', async () => {
    // Random matterIds name no stored matter; only raising a new matter or topic may write.
    await fuzzPayloads(backend, {
      fn: 'matters',
      actions: Object.keys(MATTER_SCHEMAS) as MatterAction[],
      caller: CAST.committee.openid,
      fields: fieldsOf(MATTER_SCHEMAS),
      wellFormed: { matterId: fuzzId, intoId: fuzzId },
      mayWrite: ['raiseMatter', 'openTopic'],
      numRuns: 40,
      seed: 20261127,
    })
  })
})

describe('identity', () => {
  it('an OPENID placed in the payload is ignored: the platform says who is calling', async () => {
    const res = await backend.call(CAST.resident.openid, 'matters', 'raiseMatter', {
      title: '冒名的事',
      body: '内容',
      openid: CAST.committee.openid,
      OPENID: CAST.committee.openid,
      raisedBy: CAST.committee._id,
    })
    if (!res.ok) throw new Error(res.error.message)
    const { data } = await backend.db.collection(COLLECTION.matters).doc(res.data.matterId).get()
    expect((data as Array<{ raisedBy: string }>)[0]?.raisedBy).toBe(CAST.resident._id)
    const forged = await backend.call(CAST.resident.openid, 'matters', 'acceptMatter', {
      category: 'other',
      matterId: res.data.matterId,
      openid: CAST.committee.openid,
    })
    expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('an anonymous caller (no OPENID) is asked to join first', async () => {
    const res = await backend.call(undefined, 'matters', 'listMatters', {})
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('the detail screen', () => {
  // the caller, the matter, its timeline, its discussion, its agenda slots (minutes), its polls,
  // its village (the name, for the 决议公告's heading: read beside the others, no extra round trip),
  // its mediation case by id (调解中 / 已调解 on the page; #14) — all started at once
  it('costs one call and at most eight database requests', async () => {
    backend.emulator.counters.reset()
    const res = await backend.call(CAST.resident.openid, 'matters', 'getMatter', {
      matterId: 'm-raised',
    })
    expect(res.ok).toBe(true)
    const counts = backend.emulator.counters.snapshot()
    expect(counts.functions).toEqual({ matters: 1 })
    const requests = backend.emulator.counters.total()
    expect(requests).toBeLessThanOrEqual(8)
  })
})

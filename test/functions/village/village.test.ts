// village: the village itself (getVillage, updateVillage) and the household register import.
import { createHash } from 'node:crypto'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, seedCast, VILLAGE_A, VILLAGE_B } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend

/** A person's id as documented in cloudfunctions/_shared/persons.ts, computed here on its own. */
const pid = (villageId: string, number: string, name: string) =>
  `p_${createHash('sha256').update(`${villageId}\n${number}\n${name}`).digest('hex').slice(0, 32)}`

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
})
afterAll(() => backend.close())

const villageDoc = async (id: string) =>
  (await backend.all(COLLECTION.villages)).find((v) => v._id === id)
const audits = async (action: string) =>
  (await backend.all(COLLECTION.auditLogs)).filter((a) => a.action === action)

describe('village.getVillage', () => {
  it('a member sees their own village', async () => {
    expect(await backend.call(CAST.resident.openid, 'village', 'getVillage', {})).toEqual({
      ok: true,
      data: {
        id: VILLAGE_A,
        name: '示范村',
        talkDays: [4, 14, 24],
        counts: { adults: 40, households: 12, representatives: 6 },
        settings: {
          agendaSize: 10,
          responseDeadlineDays: 3,
          reportThreshold: 3,
          ratingWindowDays: 7,
          pollNoticeDays: 3,
          proxyLimit: 3,
        },
      },
    })
  })
})

describe('village.updateVillage', () => {
  it('the committee changes 说事日 and settings; merged, normalised and audited', async () => {
    const res = await backend.call(CAST.committee.openid, 'village', 'updateVillage', {
      talkDays: [25, 5, 15, 5],
      settings: { agendaSize: 8 },
      counts: { representatives: 7 },
    })
    expect(res).toEqual({
      ok: true,
      data: expect.objectContaining({
        changed: true,
        talkDays: [5, 15, 25],
        settings: {
          agendaSize: 8,
          responseDeadlineDays: 3,
          reportThreshold: 3,
          ratingWindowDays: 7,
          pollNoticeDays: 3,
          proxyLimit: 3,
        },
        counts: { adults: 40, households: 12, representatives: 7 },
      }),
    })
    expect(await villageDoc(VILLAGE_A)).toMatchObject({
      name: '示范村',
      talkDays: [5, 15, 25],
      settings: {
        agendaSize: 8,
        responseDeadlineDays: 3,
        reportThreshold: 3,
        ratingWindowDays: 7,
        pollNoticeDays: 3,
        proxyLimit: 3,
      },
      counts: { adults: 40, households: 12, representatives: 7 },
    })
    const [record] = await audits('updateVillage')
    expect(record).toMatchObject({ villageId: VILLAGE_A, actorId: CAST.committee._id })
    expect(JSON.parse(String(record.from))).toMatchObject({ talkDays: [4, 14, 24] })
    expect(JSON.parse(String(record.to))).toMatchObject({ talkDays: [5, 15, 25] })
    expect(await villageDoc(VILLAGE_B)).toMatchObject({ talkDays: [4, 14, 24] })
  })

  it('an edit that changes nothing writes nothing', async () => {
    const before = await snapshot(backend)
    const res = await backend.call(CAST.committee.openid, 'village', 'updateVillage', {
      talkDays: [5, 15, 25],
      settings: { agendaSize: 8 },
    })
    expect(res.ok && res.data.changed).toBe(false)
    expect(await snapshot(backend)).toEqual(before)
  })

  it('the committee records the assembly’s delegation (授权) and the poll settings, audited', async () => {
    const res = await backend.call(CAST.committee.openid, 'village', 'updateVillage', {
      settings: {
        pollNoticeDays: 5,
        proxyLimit: 2,
        delegation: { date: '2026-10-04', note: ' 村民会议授权村民代表会议决定宅基地使用方案 ' },
      },
    })
    const settings = {
      agendaSize: 8,
      responseDeadlineDays: 3,
      reportThreshold: 3,
      ratingWindowDays: 7,
      pollNoticeDays: 5,
      proxyLimit: 2,
      delegation: { date: '2026-10-04', note: '村民会议授权村民代表会议决定宅基地使用方案' },
    }
    expect(res.ok && res.data).toMatchObject({ changed: true, settings })
    expect((await villageDoc(VILLAGE_A))?.settings).toEqual(settings)
    const records = await audits('updateVillage')
    const record = records[records.length - 1]
    expect(JSON.parse(String(record.from)).settings.delegation).toBeUndefined()
    expect(JSON.parse(String(record.to)).settings.delegation).toEqual(settings.delegation)
    const seen = await backend.call(CAST.resident.openid, 'village', 'getVillage', {})
    expect(seen.ok && seen.data.settings).toEqual(settings)
  })

  it('a delegation is cleared with null: gone from the stored settings, audited', async () => {
    const res = await backend.call(CAST.committee.openid, 'village', 'updateVillage', {
      settings: { delegation: null },
    })
    const settings = {
      agendaSize: 8,
      responseDeadlineDays: 3,
      reportThreshold: 3,
      ratingWindowDays: 7,
      pollNoticeDays: 5,
      proxyLimit: 2,
    }
    expect(res.ok && res.data).toMatchObject({ changed: true, settings })
    expect((await villageDoc(VILLAGE_A))?.settings).toEqual(settings)
    const records = await audits('updateVillage')
    const record = records[records.length - 1]
    expect(JSON.parse(String(record.from)).settings.delegation).toEqual({
      date: '2026-10-04',
      note: '村民会议授权村民代表会议决定宅基地使用方案',
    })
    expect(JSON.parse(String(record.to)).settings.delegation).toBeUndefined()
    const before = await snapshot(backend)
    const again = await backend.call(CAST.committee.openid, 'village', 'updateVillage', {
      settings: { delegation: null },
    })
    expect(again.ok && again.data.changed).toBe(false)
    expect(await snapshot(backend)).toEqual(before)
  })

  it('bad 说事日 or settings are INVALID_INPUT in plain Chinese, and nothing is written', async () => {
    const before = await snapshot(backend)
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ talkDays: [] }, '说事日设置有误：至少要有一天'],
      [{ talkDays: [4, 32] }, '说事日设置有误：“32”不是 1 到 31 之间的日子'],
      [{ talkDays: [4.5] }, '说事日设置有误：“4.5”不是 1 到 31 之间的日子'],
      [{ talkDays: '4,14' }, '说事日应当是日期的列表'],
      [{ settings: { agendaSize: 0 } }, '每个说事日的议题数应当是 1 到 50 之间的整数'],
      [{ settings: { ratingWindowDays: 365 } }, '测评期限（天）应当是 1 到 60 之间的整数'],
      [{ settings: 'big' }, '设置不对'],
      [{ settings: { pollNoticeDays: 0 } }, '表决的公告期（天）应当是 1 到 30 之间的整数'],
      [{ settings: { proxyLimit: 11 } }, '每人每次表决可代投的票数应当是 0 到 10 之间的整数'],
      [
        { settings: { delegation: { date: '2026-02-30', note: '授权' } } },
        '授权日期不是一个真实的日期',
      ],
      [{ settings: { delegation: { date: '2026-10-04', note: ' ' } } }, '请填写授权内容'],
      [{ settings: { delegation: '有' } }, '授权应当写明日期和内容'],
      [{ counts: { adults: -1 } }, '18 岁以上村民人数应当是 0 到 100000 之间的整数'],
      [{ name: '村'.repeat(31) }, '村名不能超过 30 个字'],
      [{ name: '  ' }, '请填写村名'],
    ]
    for (const [payload, message] of bad) {
      const res = await backend.call(CAST.committee.openid, 'village', 'updateVillage', payload)
      expect({ payload, res }).toEqual({
        payload,
        res: { ok: false, error: { code: 'INVALID_INPUT', message } },
      })
    }
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('village.importHouseholds', () => {
  const CSV = [
    '户号,户主,姓名,是否成年',
    '001,张三,张三,是',
    '001,张三,李梅,是',
    '001,张三,张小宝,否',
    '002,王五,王五,是',
    '002,王五,王小五,成年',
    '003,赵六,赵六,是',
    ',无名,无名,是',
  ].join('\r\n')

  it('imports the register with a per-row report, and sets the village’s counts', async () => {
    const res = await backend.call(CAST.committee.openid, 'village', 'importHouseholds', {
      csv: CSV,
    })
    expect(res).toEqual({
      ok: true,
      data: {
        rows: [
          { row: 2, ok: true },
          { row: 3, ok: true },
          { row: 4, ok: true },
          { row: 5, ok: true },
          { row: 6, ok: false, reason: '“是否成年”应当填“是”或“否”' },
          { row: 7, ok: true },
          { row: 8, ok: false, reason: '户号是空的' },
        ],
        created: 3,
        updated: 0,
        unchanged: 0,
        persons: { created: 5, updated: 0, unchanged: 0, removed: [], kept: [] },
        // 村民代表 follow the register now: nobody on it is one yet (the hand-set 7 goes).
        counts: { adults: 4, households: 3, representatives: 0 },
      },
    })
    const households = await backend.all(COLLECTION.households)
    expect(households.find((h) => h._id === `${VILLAGE_A}_001`)).toEqual({
      _id: `${VILLAGE_A}_001`,
      villageId: VILLAGE_A,
      number: '001',
      head: '张三',
      people: ['张三', '李梅', '张小宝'],
      adults: 2,
    })
    expect(households).toHaveLength(3)
    const persons = await backend.all(COLLECTION.persons)
    expect(persons.find((p) => p._id === pid(VILLAGE_A, '001', '张小宝'))).toEqual({
      _id: pid(VILLAGE_A, '001', '张小宝'),
      villageId: VILLAGE_A,
      householdId: `${VILLAGE_A}_001`,
      name: '张小宝',
      adult: false,
      representative: false,
      memberIds: [],
      createdAt: TEST_NOW,
      updatedAt: TEST_NOW,
    })
    expect(persons.map((p) => [p.householdId, p.name, p.adult]).sort()).toEqual([
      [`${VILLAGE_A}_001`, '张三', true],
      [`${VILLAGE_A}_001`, '张小宝', false],
      [`${VILLAGE_A}_001`, '李梅', true],
      [`${VILLAGE_A}_002`, '王五', true],
      [`${VILLAGE_A}_003`, '赵六', true],
    ])
    expect(await villageDoc(VILLAGE_A)).toMatchObject({
      counts: { adults: 4, households: 3, representatives: 0 },
    })
    expect(await audits('importHouseholds')).toEqual([
      expect.objectContaining({
        villageId: VILLAGE_A,
        note: '新增 3 户，更新 0 户，未变 0 户；跳过 2 行；名册新增 5 人，更新 0 人，移出 0 人',
      }),
    ])
  })

  it('importing the same file again changes nothing: every document identical', async () => {
    const before = await snapshot(backend)
    const res = await backend.call(CAST.committee.openid, 'village', 'importHouseholds', {
      csv: CSV,
    })
    expect(res.ok && res.data).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
      persons: { created: 0, updated: 0, unchanged: 5, removed: [], kept: [] },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('a changed household is replaced, others stay, counts follow', async () => {
    const res = await backend.call(CAST.committee.openid, 'village', 'importHouseholds', {
      csv: '户号,户主,姓名,是否成年\n002,王五,王五,是\n002,王五,王小五,是\n004,孙七,孙七,是\n',
    })
    expect(res.ok && res.data).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 0,
      persons: { created: 2, updated: 0, unchanged: 1, removed: [], kept: [] },
      counts: { adults: 6, households: 4 },
    })
    const h = (await backend.all(COLLECTION.households)).find((x) => x._id === `${VILLAGE_A}_002`)
    expect(h).toMatchObject({ people: ['王五', '王小五'], adults: 2 })
  })

  it('a person no longer in the file leaves the register; one linked to an account stays, and both are named', async () => {
    const liMei = pid(VILLAGE_A, '001', '李梅')
    await backend.db
      .collection(COLLECTION.persons)
      .doc(liMei)
      .update({ memberIds: [CAST.resident._id] })
    await backend.db
      .collection(COLLECTION.members)
      .doc(CAST.resident._id)
      .update({ personId: liMei })
    const res = await backend.call(CAST.committee.openid, 'village', 'importHouseholds', {
      csv: '户号,户主,姓名,是否成年\n001,张三,张三,是\n',
    })
    expect(res.ok && res.data).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 0,
      persons: {
        created: 0,
        updated: 0,
        unchanged: 1,
        removed: [{ householdNo: '001', name: '张小宝' }],
        kept: [{ householdNo: '001', name: '李梅' }],
      },
      counts: { adults: 6, households: 4, representatives: 0 },
    })
    const persons = await backend.all(COLLECTION.persons)
    const of001 = persons.filter((p) => p.householdId === `${VILLAGE_A}_001`).map((p) => p.name)
    expect(of001.sort()).toEqual(['张三', '李梅'])
    const h = (await backend.all(COLLECTION.households)).find((x) => x._id === `${VILLAGE_A}_001`)
    expect(h).toMatchObject({ people: ['张三', '李梅'], adults: 2 })
    const [record] = (await audits('importHouseholds')).slice(-1)
    expect(record.note).toBe(
      '新增 0 户，更新 1 户，未变 0 户；跳过 0 行；名册新增 0 人，更新 0 人，移出 1 人（001户张小宝）；' +
        '已关联账号、未移出 1 人（001户李梅）',
    )
  })

  it('a file it cannot read is INVALID_INPUT with a clear message, and writes nothing', async () => {
    const before = await snapshot(backend)
    const big = `户号,户主,姓名,是否成年\n${'001,张三,张三,是\n'.repeat(20_000)}`
    const cases: Array<[unknown, RegExp]> = [
      ['户号,户主,姓名\n001,张三,张三', /缺少“是否成年”这一列/],
      ['户号,户主,姓名,是否成年\n', /除了表头没有内容/],
      [big, /文件太大了/],
      ['', /请选择要导入的表格/],
      [42, /应当是表格文字/],
    ]
    for (const [csv, message] of cases) {
      const res = await backend.call(CAST.committee.openid, 'village', 'importHouseholds', { csv })
      expect(res).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) },
      })
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('another village’s committee imports into its own village only', async () => {
    const res = await backend.call(CAST.otherCommittee.openid, 'village', 'importHouseholds', {
      csv: '户号,户主,姓名,是否成年\n001,钱八,钱八,是\n',
    })
    expect(res.ok && res.data.created).toBe(1)
    const households = await backend.all(COLLECTION.households)
    expect(households.find((h) => h._id === `${VILLAGE_B}_001`)).toMatchObject({ head: '钱八' })
    expect(households.find((h) => h._id === `${VILLAGE_A}_001`)).toMatchObject({ head: '张三' })
  })
})

describe('village.importHouseholds at the size limit', () => {
  it('takes the largest file the limits allow in one call, and again with no change', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const h = Math.floor(i / 3)
      return `H${h},户主${h},人${i},${i % 3 === 2 ? '否' : '是'}`
    })
    const csv = ['户号,户主,姓名,是否成年', ...rows].join('\n')
    const first = await backend.call(CAST.otherCommittee.openid, 'village', 'importHouseholds', {
      csv,
    })
    expect(first.ok && first.data).toMatchObject({
      created: 667,
      persons: { created: 2000, updated: 0, unchanged: 0 },
      counts: { households: 668, adults: 1334 + 1 },
    })
    const again = await backend.call(CAST.otherCommittee.openid, 'village', 'importHouseholds', {
      csv,
    })
    expect(again.ok && again.data).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 667,
      persons: { created: 0, updated: 0, unchanged: 2000 },
    })
  })
})

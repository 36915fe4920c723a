/**
 * #14's Done-when, through the emulator with the bundled function: a need claimed and confirmed
 * becomes a ledger entry and is rated. Village A's committee raises a need; 东镇's staff member
 * registers a service and claims the need with it on the provider's behalf; the committee
 * confirms — a ledger entry of the Shanghai month (the clock set just past midnight of
 * 1 December in Shanghai, still 30 November in UTC); the staff member reports progress and
 * completes it; the committee rates it; the month's CSV is compared with text written by hand.
 * Then the two other ways a pair is made: the village claims a service and the provider confirms;
 * the township assigns and the village confirms, or declines.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { LedgerEntry, Need, Service } from '../../../types/model/township'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, seedCast, VILLAGE_A } from '../support/fixtures'
import { seedLists, storedNeed, storedService } from '../support/listFixtures'
import { DISTRICT, seedDistrict, STAFF, TOWNSHIP_A } from '../support/townshipFixtures'

let backend: Backend
const com = CAST.committee.openid
const tsa = STAFF.townshipA.openid as string

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  await seedDistrict(backend)
})
afterAll(() => backend.close())

const docs = async <T>(collection: string, id: string) =>
  (await backend.all(collection)).find((d) => d._id === id) as unknown as T
const auditsOf = async (subjectId: string) =>
  (await backend.all(COLLECTION.auditLogs))
    .filter((a) => a.subjectId === subjectId)
    .map(({ _id, ...rest }) => rest)

/** 00:30 on 1 December 2026 in Shanghai: 16:30 on 30 November in UTC. */
const CONFIRMED = new Date('2026-11-30T16:30:00Z')
const COMPLETED = new Date('2026-12-09T10:00:00+08:00')

describe('a need claimed and confirmed becomes a ledger entry and is rated', () => {
  it('runs from the need to the exported ledger', async () => {
    // the committee raises a need, its text as typed (spaces, a zero-width space, CR LF)
    const raised = await backend.call(com, 'township', 'raiseNeed', {
      category: 'elderly',
      description: '  独居老人午餐\u200b配送\r\n每周三次 ',
      place: '村东头',
      when: '每周一、三、五中午',
      peopleAffected: 12,
      openid: 'openid-someone-else',
    })
    expect(raised).toEqual({
      ok: true,
      data: {
        id: expect.any(String),
        townshipId: TOWNSHIP_A,
        villageId: VILLAGE_A,
        villageName: '示范村',
        category: 'elderly',
        description: '独居老人午餐配送\n每周三次',
        place: '村东头',
        when: '每周一、三、五中午',
        peopleAffected: 12,
        status: 'open',
        createdAt: TEST_NOW.toISOString(),
      },
    })
    const needId = raised.ok ? raised.data.id : ''

    // the township registers a service of a social organisation
    const offered = await backend.call(tsa, 'township', 'offerService', {
      providerKind: 'organisation',
      providerName: '东镇社工站',
      category: 'elderly',
      what: '老年餐桌送餐上门',
      capacity: '30 人',
      area: '东镇各村',
      time: '工作日中午',
    })
    expect(offered).toEqual({
      ok: true,
      data: {
        id: expect.any(String),
        townshipId: TOWNSHIP_A,
        provider: { kind: 'organisation', name: '东镇社工站' },
        category: 'elderly',
        what: '老年餐桌送餐上门',
        capacity: '30 人',
        area: '东镇各村',
        time: '工作日中午',
        status: 'open',
        createdAt: TEST_NOW.toISOString(),
      },
    })
    const serviceId = offered.ok ? offered.data.id : ''

    // the staff member claims the need with it, for the provider
    backend.emulator.clock.set(new Date('2026-11-25T09:00:00+08:00'))
    const claimed = await backend.call(tsa, 'township', 'claimNeed', { needId, serviceId })
    expect(claimed).toMatchObject({
      ok: true,
      data: {
        id: needId,
        status: 'claimed',
        claim: { by: 'provider', serviceId, at: '2026-11-25T01:00:00.000Z' },
      },
    })
    expect(await docs<Service>(COLLECTION.services, serviceId)).toMatchObject({
      status: 'claimed',
      claim: { by: 'provider', needId, claimedBy: STAFF.townshipA._id },
    })

    // the committee confirms: a ledger entry of December in Shanghai
    backend.emulator.clock.set(CONFIRMED)
    const confirmed = await backend.call(com, 'township', 'confirmClaim', { needId })
    expect(confirmed).toEqual({
      ok: true,
      data: {
        id: expect.any(String),
        villageId: VILLAGE_A,
        villageName: '示范村',
        needId,
        serviceId,
        category: 'elderly',
        month: '2026-12',
        status: 'inProgress',
        needDescription: '独居老人午餐配送\n每周三次',
        serviceWhat: '老年餐桌送餐上门',
        providerName: '东镇社工站',
        progress: [],
      },
    })
    const entryId = confirmed.ok ? confirmed.data.id : ''
    expect(await docs<Need>(COLLECTION.needs, needId)).toMatchObject({
      status: 'matched',
      updatedAt: CONFIRMED,
    })
    expect(await docs<Service>(COLLECTION.services, serviceId)).toMatchObject({
      status: 'matched',
      updatedAt: CONFIRMED,
    })

    // progress, completion, rating
    backend.emulator.clock.set(new Date('2026-12-02T10:00:00+08:00'))
    const progress = await backend.call(tsa, 'township', 'addLedgerProgress', {
      entryId,
      text: '已送餐 6 次',
    })
    expect(progress).toMatchObject({
      ok: true,
      data: { progress: [{ at: '2026-12-02T02:00:00.000Z', text: '已送餐 6 次' }] },
    })
    // the committee may not mark it done; the township does
    expect(await backend.call(com, 'township', 'completeLedgerEntry', { entryId })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您不是这个单位的工作人员，不能做这件事。' },
    })
    backend.emulator.clock.set(COMPLETED)
    const completed = await backend.call(tsa, 'township', 'completeLedgerEntry', { entryId })
    expect(completed).toMatchObject({
      ok: true,
      data: { status: 'completed', completedAt: COMPLETED.toISOString() },
    })
    const rated = await backend.call(com, 'township', 'rateLedgerEntry', {
      entryId,
      score: 5,
      comment: '老人们很满意，=送得准时',
    })
    expect(rated).toMatchObject({
      ok: true,
      data: { rating: { score: 5, comment: '老人们很满意，=送得准时' } },
    })
    expect(
      await backend.call(com, 'township', 'rateLedgerEntry', { entryId, score: 4, comment: '' }),
    ).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '这条台账已经评价过了，不能再评。' },
    })

    const stored = await docs<LedgerEntry>(COLLECTION.ledger, entryId)
    expect(stored).toEqual({
      _id: entryId,
      districtId: DISTRICT,
      townshipId: TOWNSHIP_A,
      villageId: VILLAGE_A,
      needId,
      serviceId,
      category: 'elderly',
      month: '2026-12',
      status: 'completed',
      progress: [
        { at: new Date('2026-12-02T02:00:00Z'), by: STAFF.townshipA._id, text: '已送餐 6 次' },
        { at: COMPLETED, by: STAFF.townshipA._id, text: '已完成' },
      ],
      completedAt: COMPLETED,
      rating: {
        score: 5,
        comment: '老人们很满意，=送得准时',
        by: CAST.committee._id,
        at: COMPLETED,
      },
      createdAt: CONFIRMED,
      updatedAt: COMPLETED,
    })

    // every change audited, on the need, the service and the entry
    const staffWho = { actorId: STAFF.townshipA._id, actorName: STAFF.townshipA.name }
    const comWho = { actorId: CAST.committee._id, actorName: CAST.committee.name }
    const owner = { villageId: VILLAGE_A, townshipId: TOWNSHIP_A }
    expect(await auditsOf(needId)).toEqual([
      {
        ...owner,
        subjectType: 'need',
        subjectId: needId,
        action: 'raiseNeed',
        ...comWho,
        at: TEST_NOW,
        to: 'open',
      },
      {
        ...owner,
        subjectType: 'need',
        subjectId: needId,
        action: 'claimNeed',
        ...staffWho,
        at: new Date('2026-11-25T01:00:00Z'),
        from: 'open',
        to: 'claimed',
        note: '东镇社工站以服务“老年餐桌送餐上门”认领',
      },
      {
        ...owner,
        subjectType: 'need',
        subjectId: needId,
        action: 'confirmClaim',
        ...comWho,
        at: CONFIRMED,
        from: 'claimed',
        to: 'matched',
        note: `台账 ${entryId}`,
      },
    ])
    expect((await auditsOf(serviceId)).map((a) => [a.action, a.villageId, a.to])).toEqual([
      ['offerService', TOWNSHIP_A, 'open'],
      ['claimNeed', VILLAGE_A, 'claimed'],
      ['confirmClaim', VILLAGE_A, 'matched'],
    ])
    expect((await auditsOf(entryId)).map((a) => [a.action, a.actorId, a.from, a.to])).toEqual([
      ['confirmClaim', CAST.committee._id, undefined, 'inProgress'],
      ['addLedgerProgress', STAFF.townshipA._id, 'inProgress', 'inProgress'],
      ['completeLedgerEntry', STAFF.townshipA._id, 'inProgress', 'completed'],
      ['rateLedgerEntry', CAST.committee._id, 'completed', 'completed'],
    ])

    // the month's ledger, on screen and as a CSV file; November's holds nothing
    const listed = await backend.call(tsa, 'township', 'listLedger', { month: '2026-12' })
    expect(listed.ok && listed.data.items.map((e) => e.id)).toEqual([entryId])
    const mine = await backend.call(com, 'township', 'listLedger', {})
    expect(mine.ok && [mine.data.month, mine.data.items.map((e) => e.id)]).toEqual([
      '2026-12',
      [entryId],
    ])
    const exported = await backend.call(tsa, 'township', 'exportLedger', { month: '2026-12' })
    expect(exported).toEqual({
      ok: true,
      data: {
        filename: '台账-东镇-2026-12.csv',
        csv:
          '\uFEFF月份,类别,村,需求,服务,提供方,状态,完成日期,评分,评价\r\n' +
          '2026-12,养老助老,示范村,"独居老人午餐配送\n每周三次",老年餐桌送餐上门,东镇社工站,已完成,2026-12-09,5,老人们很满意，=送得准时\r\n',
      },
    })
    expect(await backend.call(tsa, 'township', 'exportLedger', { month: '2026-11' })).toEqual({
      ok: true,
      data: {
        filename: '台账-东镇-2026-11.csv',
        csv: '\uFEFF月份,类别,村,需求,服务,提供方,状态,完成日期,评分,评价\r\n',
      },
    })
    backend.emulator.clock.set(TEST_NOW)
  })
})

describe('the other two ways a pair is made', () => {
  beforeAll(() => {
    seedLists(backend, {
      needs: [storedNeed('j-need-1'), storedNeed('j-need-2'), storedNeed('j-need-3')],
      services: [storedService('j-svc-1'), storedService('j-svc-2'), storedService('j-svc-3')],
    })
  })

  it('the village claims a service and the provider confirms', async () => {
    const res = await backend.call(com, 'township', 'claimService', {
      needId: 'j-need-1',
      serviceId: 'j-svc-1',
    })
    expect(res).toMatchObject({
      ok: true,
      data: { id: 'j-svc-1', status: 'claimed', claim: { by: 'village', needId: 'j-need-1' } },
    })
    // the village may not confirm its own claim
    expect(await backend.call(com, 'township', 'confirmClaim', { needId: 'j-need-1' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能确认自己的认领，要由服务的提供方确认。' },
    })
    const confirmed = await backend.call(tsa, 'township', 'confirmClaim', { needId: 'j-need-1' })
    expect(confirmed).toMatchObject({
      ok: true,
      data: { needId: 'j-need-1', serviceId: 'j-svc-1', month: '2026-11', status: 'inProgress' },
    })
    expect((await docs<Need>(COLLECTION.needs, 'j-need-1')).status).toBe('matched')
  })

  it('the township assigns, and the village confirms', async () => {
    const res = await backend.call(tsa, 'township', 'assignPair', {
      needId: 'j-need-2',
      serviceId: 'j-svc-2',
    })
    expect(res).toMatchObject({
      ok: true,
      data: { status: 'claimed', claim: { by: 'township', serviceId: 'j-svc-2' } },
    })
    // the provider does not answer a township's assignment: the village does
    expect(await backend.call(tsa, 'township', 'confirmClaim', { needId: 'j-need-2' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能确认自己的认领，要由需求所在的村确认。' },
    })
    const confirmed = await backend.call(com, 'township', 'confirmClaim', { needId: 'j-need-2' })
    expect(confirmed).toMatchObject({ ok: true, data: { needId: 'j-need-2', month: '2026-11' } })
  })

  it('the township assigns, and the village declines: both open again, the claim gone', async () => {
    await backend.call(tsa, 'township', 'assignPair', { needId: 'j-need-3', serviceId: 'j-svc-3' })
    const declined = await backend.call(com, 'township', 'declineClaim', {
      needId: 'j-need-3',
      reason: '时间\u0007对不上',
    })
    expect(declined).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '理由里有无法显示的字符，请删掉后重新输入' },
    })
    const ok = await backend.call(com, 'township', 'declineClaim', {
      needId: 'j-need-3',
      reason: '  时间对不上 ',
    })
    expect(ok).toMatchObject({ ok: true, data: { id: 'j-need-3', status: 'open' } })
    expect(ok.ok && 'claim' in ok.data).toBe(false)
    const need = await docs<Need>(COLLECTION.needs, 'j-need-3')
    const service = await docs<Service>(COLLECTION.services, 'j-svc-3')
    expect([need.status, 'claim' in need, service.status, 'claim' in service]).toEqual([
      'open',
      false,
      'open',
      false,
    ])
    const audits = await auditsOf('j-need-3')
    expect(audits.map((a) => [a.action, a.from, a.to, a.note])).toEqual([
      ['assignPair', 'open', 'claimed', '对接服务“服务j-svc-3”（社工站j-svc-3）'],
      ['declineClaim', 'claimed', 'open', '时间对不上'],
    ])
  })
})

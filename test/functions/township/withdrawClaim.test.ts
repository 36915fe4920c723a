/**
 * 撤回认领 (township.withdrawClaim) through the emulator with the bundled function: the side that
 * claimed takes its claim back, named from either end of the pair — village A's committee its
 * claim of a service, 东镇's staff member the claim it made for its provider, another staff
 * member of 东镇 the township's assignment. Both ends are open again, the claim gone, one audit
 * record on each. Refused (the whole database compared before and after): the other side, a
 * colleague who is not the provider, a resident, an entry not waiting for an answer, two halves
 * of different claims, another township's staff or village, a made-up id, bad input. Races: the
 * claimant taking back while the other side confirms, and 50 takings back of one claim — exactly
 * one of them happens. Answers written by hand; the clock is TEST_NOW.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Envelope } from '../../../types/api'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, seedCast, STRANGER } from '../support/fixtures'
import { claimedPair, seedLists, storedNeed, storedService } from '../support/listFixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { CHINESE, snapshot } from '../support/snapshot'
import { DISTRICT, seedDistrict, staff, STAFF, TOWNSHIP_A } from '../support/townshipFixtures'

let backend: Backend
const com = CAST.committee.openid
const tsa = STAFF.townshipA.openid as string
const tsb = STAFF.townshipB.openid as string
/** A second staff member of 东镇: not the one who registered the services. */
const colleague = staff('tsa2', { kind: 'township', districtId: DISTRICT, townshipId: TOWNSHIP_A })
const N = 50

beforeAll(async () => {
  backend = await startBackend({ functionConcurrency: 10, functionQueueLimit: 400 })
  await seedCast(backend)
  await seedDistrict(backend)
  insert(backend, COLLECTION.staff, [colleague])
  const pairs = [
    claimedPair('wc-vil-n', 'wc-vil-s', 'village', CAST.committee._id),
    claimedPair('wc-prov-n', 'wc-prov-s', 'provider', STAFF.townshipA._id),
    claimedPair('wc-town-n', 'wc-town-s', 'township', STAFF.townshipA._id),
    // only listed, never changed: who sees 撤回认领 on the staff's lists
    claimedPair('l-prov-n', 'l-prov-s', 'provider', STAFF.townshipA._id),
    claimedPair('l-town-n', 'l-town-s', 'township', STAFF.townshipA._id),
    // refused below
    claimedPair('r-vil-n', 'r-vil-s', 'village', CAST.committee._id),
    claimedPair('r-prov-n', 'r-prov-s', 'provider', STAFF.townshipA._id),
    claimedPair('r-m-n', 'r-m-s', 'provider', STAFF.townshipA._id, {
      need: { status: 'matched' },
      service: { status: 'matched' },
    }),
    // the need names r-x-s, but r-x-s's claim names another need
    claimedPair('r-x-n', 'r-x-s', 'village', CAST.committee._id, {
      service: {
        claim: {
          by: 'village',
          needId: 'r-elsewhere',
          claimedBy: CAST.committee._id,
          at: new Date('2026-11-01T02:00:00Z'),
        },
      },
    }),
  ]
  seedLists(backend, {
    needs: [...pairs.map((p) => p.need), storedNeed('r-open')],
    services: pairs.map((p) => p.service),
  })
})
afterAll(() => backend.close())

const doc = async (collection: string, id: string) =>
  (await backend.all(collection)).find((d) => d._id === id)
const auditsOf = async (subjectId: string) =>
  (await backend.all(COLLECTION.auditLogs))
    .filter((a) => a.subjectId === subjectId)
    .map(({ _id, ...rest }) => rest)

const CREATED = '2026-11-01T02:00:00.000Z'

describe('withdrawClaim: the claiming side takes its claim back', () => {
  it('the committee takes back its village’s claim, named by the need: both open, audited', async () => {
    const res = await backend.call(com, 'township', 'withdrawClaim', {
      kind: 'need',
      id: 'wc-vil-n',
    })
    expect(res).toEqual({
      ok: true,
      data: {
        need: {
          id: 'wc-vil-n',
          townshipId: 'township-east',
          villageId: 'village-a',
          villageName: '示范村',
          category: 'elderly',
          description: '需求wc-vil-n',
          place: '村委会',
          when: '每周六上午',
          peopleAffected: 10,
          status: 'open',
          createdAt: CREATED,
        },
        service: {
          id: 'wc-vil-s',
          townshipId: 'township-east',
          provider: { kind: 'organisation', name: '社工站wc-vil-s' },
          category: 'elderly',
          what: '服务wc-vil-s',
          capacity: '20 人',
          area: '全镇',
          time: '周六上午',
          status: 'open',
          createdAt: CREATED,
        },
      },
    })
    // stored without the claim (a missing field, not null), updated now
    expect(await doc(COLLECTION.needs, 'wc-vil-n')).toEqual(
      storedNeed('wc-vil-n', { updatedAt: TEST_NOW }),
    )
    expect(await doc(COLLECTION.services, 'wc-vil-s')).toEqual(
      storedService('wc-vil-s', { updatedAt: TEST_NOW }),
    )
    const record = {
      villageId: 'village-a',
      townshipId: 'township-east',
      action: 'withdrawClaim',
      actorId: 'com',
      actorName: '村民com',
      at: TEST_NOW,
      from: 'claimed',
      to: 'open',
      note: '撤回认领：需求“需求wc-vil-n”，服务“服务wc-vil-s”',
    }
    expect(await auditsOf('wc-vil-n')).toEqual([
      { ...record, subjectType: 'need', subjectId: 'wc-vil-n' },
    ])
    expect(await auditsOf('wc-vil-s')).toEqual([
      { ...record, subjectType: 'service', subjectId: 'wc-vil-s' },
    ])
    // open again: the village may claim another service for it, or this one again
    expect(
      await backend.call(com, 'township', 'claimService', {
        needId: 'wc-vil-n',
        serviceId: 'wc-vil-s',
      }),
    ).toMatchObject({ ok: true, data: { id: 'wc-vil-s', status: 'claimed' } })
  })

  it('东镇’s staff member takes back the claim it made for its provider, named by the service', async () => {
    const res = await backend.call(tsa, 'township', 'withdrawClaim', {
      kind: 'service',
      id: 'wc-prov-s',
    })
    expect(res).toMatchObject({
      ok: true,
      data: {
        need: { id: 'wc-prov-n', status: 'open' },
        service: { id: 'wc-prov-s', status: 'open' },
      },
    })
    expect(res.ok && ['claim' in res.data.need, 'claim' in res.data.service]).toEqual([
      false,
      false,
    ])
    expect(await doc(COLLECTION.needs, 'wc-prov-n')).toEqual(
      storedNeed('wc-prov-n', { updatedAt: TEST_NOW }),
    )
    expect(await doc(COLLECTION.services, 'wc-prov-s')).toEqual(
      storedService('wc-prov-s', { updatedAt: TEST_NOW }),
    )
    expect(
      (await auditsOf('wc-prov-s')).map((a) => [a.action, a.actorId, a.actorName, a.from, a.to]),
    ).toEqual([['withdrawClaim', 'tsa', '干部tsa', 'claimed', 'open']])
  })

  it('another staff member of 东镇 takes back the township’s assignment', async () => {
    const res = await backend.call(colleague.openid, 'township', 'withdrawClaim', {
      kind: 'need',
      id: 'wc-town-n',
    })
    expect(res).toMatchObject({
      ok: true,
      data: { need: { status: 'open' }, service: { status: 'open' } },
    })
    expect(await doc(COLLECTION.services, 'wc-town-s')).toEqual(
      storedService('wc-town-s', { updatedAt: TEST_NOW }),
    )
    expect((await auditsOf('wc-town-n')).map((a) => [a.actorId, a.from, a.to])).toEqual([
      ['tsa2', 'claimed', 'open'],
    ])
  })
})

type Case = [string, string | undefined, Record<string, unknown>, string, string]

const NOT_THEIRS = '只有认领的一方可以撤回这次认领。'

const CASES: Case[] = [
  // who
  ['anonymous', undefined, { kind: 'need', id: 'r-vil-n' }, 'UNAUTHENTICATED', '请先登录微信。'],
  [
    'a stranger',
    STRANGER,
    { kind: 'need', id: 'r-vil-n' },
    'UNAUTHENTICATED',
    '您还不是村里的认证村民，也不是乡镇（街道）的工作人员，不能查看或办理两张清单。',
  ],
  [
    'a resident of the claiming village',
    CAST.resident.openid,
    { kind: 'need', id: 'r-vil-n' },
    'FORBIDDEN',
    '这件事要由村委会来办。',
  ],
  [
    'the committee, the provider’s claim',
    com,
    { kind: 'need', id: 'r-prov-n' },
    'FORBIDDEN',
    NOT_THEIRS,
  ],
  [
    'the committee, the provider’s claim by its service',
    com,
    { kind: 'service', id: 'r-prov-s' },
    'FORBIDDEN',
    NOT_THEIRS,
  ],
  [
    'the provider, the village’s claim',
    tsa,
    { kind: 'service', id: 'r-vil-s' },
    'FORBIDDEN',
    NOT_THEIRS,
  ],
  [
    'a colleague who did not register the service, the provider’s claim',
    colleague.openid,
    { kind: 'need', id: 'r-prov-n' },
    'FORBIDDEN',
    NOT_THEIRS,
  ],
  // another township, another village, a department, nothing at all
  [
    '西街道’s staff on 东镇’s need',
    tsb,
    { kind: 'need', id: 'r-prov-n' },
    'NOT_FOUND',
    '找不到这条需求，可能已被撤回。',
  ],
  [
    '西街道’s staff on 东镇’s service',
    tsb,
    { kind: 'service', id: 'r-prov-s' },
    'NOT_FOUND',
    '找不到这项服务，可能已被撤回。',
  ],
  [
    'village B’s committee (in 西街道) on 东镇’s service',
    CAST.otherCommittee.openid,
    { kind: 'service', id: 'r-vil-s' },
    'NOT_FOUND',
    '找不到这项服务，可能已被撤回。',
  ],
  [
    'a district department on 东镇’s need',
    STAFF.water.openid,
    { kind: 'need', id: 'r-prov-n' },
    'NOT_FOUND',
    '找不到这条需求，可能已被撤回。',
  ],
  [
    'a made-up need',
    com,
    { kind: 'need', id: 'no-such-need' },
    'NOT_FOUND',
    '找不到这条需求，可能已被撤回。',
  ],
  // what state
  [
    'an open need',
    com,
    { kind: 'need', id: 'r-open' },
    'CONFLICT',
    '这条需求现在是“待认领”，不能撤回认领。',
  ],
  [
    'a matched service',
    tsa,
    { kind: 'service', id: 'r-m-s' },
    'CONFLICT',
    '这项服务现在是“已对接”，不能撤回认领。',
  ],
  [
    'two halves of different claims',
    com,
    { kind: 'need', id: 'r-x-n' },
    'CONFLICT',
    '这条需求和这项服务不是同一次认领，请刷新后再试。',
  ],
  // what input
  [
    'a kind that is no list',
    com,
    { kind: 'ledger', id: 'r-vil-n' },
    'INVALID_INPUT',
    '请说明是需求还是服务',
  ],
  ['no id', com, { kind: 'need' }, 'INVALID_INPUT', '请填写需求或服务'],
  ['an id that is no id', com, { kind: 'need', id: 'r vil n' }, 'INVALID_INPUT', '需求或服务不对'],
]

describe('withdrawClaim refusals write nothing', () => {
  it.each(CASES)('%s (%s): %j → %s', async (_who, openid, payload, code, message) => {
    const before = await snapshot(backend)
    const res = await backend.call(openid, 'township', 'withdrawClaim', payload)
    expect(res).toEqual({ ok: false, error: { code, message } })
    expect(message).toMatch(CHINESE)
    expect(await snapshot(backend)).toEqual(before)
  })
})

/** The refusals of a race: each a code and its message, counted. */
const refusals = (results: ReadonlyArray<Envelope<unknown>>) =>
  results.filter((r) => !r.ok).map((r) => (r.ok ? '' : `${r.error.code} ${r.error.message}`))

describe('races on one claim', () => {
  it('the provider taking back its claim while the committee confirms it: exactly one happens', async () => {
    const { need, service } = claimedPair('race-wc1-n', 'race-wc1-s', 'provider', 'tsa')
    seedLists(backend, { needs: [need], services: [service] })
    const calls = Array.from({ length: N }, (_, i): (() => Promise<Envelope<unknown>>) =>
      i % 2 === 0
        ? () => backend.call(tsa, 'township', 'withdrawClaim', { kind: 'need', id: 'race-wc1-n' })
        : () => backend.call(com, 'township', 'confirmClaim', { needId: 'race-wc1-n' }),
    )
    const { results, tally } = await race('withdrawClaim against confirmClaim', calls)
    expectNoCrashAndLittleBusy(tally, N)
    expect(tally.ok).toBe(1)
    expect((tally.CONFLICT ?? 0) + (tally.BUSY ?? 0)).toBe(N - 1)
    const withdrawn = results.findIndex((r) => r.ok) % 2 === 0
    const storedNeedNow = await doc(COLLECTION.needs, 'race-wc1-n')
    const storedServiceNow = await doc(COLLECTION.services, 'race-wc1-s')
    const ledger = (await backend.all(COLLECTION.ledger)).filter((e) => e.needId === 'race-wc1-n')
    const actions = (await auditsOf('race-wc1-n')).map((a) => [a.action, a.from, a.to])
    // the losers were told what happened, in words; contention, if any, as BUSY
    const told = new Set(refusals(results).filter((m) => !m.startsWith('BUSY ')))
    if (withdrawn) {
      expect([storedNeedNow?.status, storedServiceNow?.status, ledger.length]).toEqual([
        'open',
        'open',
        0,
      ])
      expect(storedNeedNow && 'claim' in storedNeedNow).toBe(false)
      expect(actions).toEqual([['withdrawClaim', 'claimed', 'open']])
      expect([...told].sort()).toEqual([
        'CONFLICT 这条需求现在是“待认领”，不能撤回认领。',
        'CONFLICT 这条需求现在是“待认领”，不能确认认领。',
      ])
    } else {
      expect([storedNeedNow?.status, storedServiceNow?.status, ledger.length]).toEqual([
        'matched',
        'matched',
        1,
      ])
      expect(actions).toEqual([['confirmClaim', 'claimed', 'matched']])
      expect([...told].sort()).toEqual([
        'CONFLICT 这条需求现在是“已对接”，不能撤回认领。',
        'CONFLICT 这条需求现在是“已对接”，不能确认认领。',
      ])
    }
    expect(
      refusals(results).every((m) => m.startsWith('CONFLICT ') || m === 'BUSY 人多，请再试一次。'),
    ).toBe(true)
  }, 120_000)

  it('50 takings back of one village claim by its committee: one, audited once on each end', async () => {
    const { need, service } = claimedPair('race-wc2-n', 'race-wc2-s', 'village', 'com')
    seedLists(backend, { needs: [need], services: [service] })
    const { results, tally } = await race(
      'withdrawClaim of one claim',
      Array.from(
        { length: N },
        () => () =>
          backend.call(com, 'township', 'withdrawClaim', { kind: 'service', id: 'race-wc2-s' }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, N)
    expect(tally.ok).toBe(1)
    expect((tally.CONFLICT ?? 0) + (tally.BUSY ?? 0)).toBe(N - 1)
    expect(new Set(refusals(results).filter((m) => !m.startsWith('BUSY')))).toEqual(
      new Set(['CONFLICT 这项服务现在是“待认领”，不能撤回认领。']),
    )
    expect(await doc(COLLECTION.needs, 'race-wc2-n')).toEqual(
      storedNeed('race-wc2-n', { updatedAt: TEST_NOW }),
    )
    expect((await auditsOf('race-wc2-n')).map((a) => a.action)).toEqual(['withdrawClaim'])
    expect((await auditsOf('race-wc2-s')).map((a) => a.action)).toEqual(['withdrawClaim'])
  }, 120_000)
})

describe('the staff’s lists say who may take a claim back (mayTakeBackClaim)', () => {
  /** Every page of a staff member's list, as id → mayTakeBackClaim. */
  async function mayTakeBack(openid: string, action: 'listNeeds' | 'listServices') {
    const out: Record<string, boolean | undefined> = {}
    let cursor: string | undefined
    do {
      const res = (await backend.call(openid, 'township', action, {
        status: 'claimed',
        ...(cursor ? { cursor } : {}),
      })) as Envelope<{
        items: Array<{ id: string; mayTakeBackClaim?: boolean }>
        nextCursor?: string
      }>
      if (!res.ok) throw new Error(res.error.message)
      for (const item of res.data.items) out[item.id] = item.mayTakeBackClaim
      cursor = res.data.nextCursor
    } while (cursor)
    return out
  }

  it('the provider’s claim: its staff member yes, a colleague no; the township’s match: both', async () => {
    const needsOfTsa = await mayTakeBack(tsa, 'listNeeds')
    const servicesOfTsa = await mayTakeBack(tsa, 'listServices')
    const needsOfColleague = await mayTakeBack(colleague.openid as string, 'listNeeds')
    const servicesOfColleague = await mayTakeBack(colleague.openid as string, 'listServices')
    expect([needsOfTsa['l-prov-n'], servicesOfTsa['l-prov-s']]).toEqual([true, true])
    expect([needsOfColleague['l-prov-n'], servicesOfColleague['l-prov-s']]).toEqual([false, false])
    expect([needsOfTsa['l-town-n'], servicesOfTsa['l-town-s']]).toEqual([true, true])
    expect([needsOfColleague['l-town-n'], servicesOfColleague['l-town-s']]).toEqual([true, true])
    // a village's claim is the village's to take back, not the staff's
    expect([needsOfTsa['r-vil-n'], servicesOfTsa['r-vil-s']]).toEqual([false, false])
  })

  it('a committee’s list has no such field (its own claims it may always take back)', async () => {
    const res = (await backend.call(com, 'township', 'listNeeds', {
      status: 'claimed',
    })) as Envelope<{
      items: Array<Record<string, unknown>>
    }>
    if (!res.ok) throw new Error(res.error.message)
    expect(res.data.items.length).toBeGreaterThan(0)
    expect(res.data.items.filter((i) => 'mayTakeBackClaim' in i)).toEqual([])
  })
})

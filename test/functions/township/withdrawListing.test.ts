/**
 * 撤回 (township.withdrawListing) through the emulator with the bundled function: village A's
 * committee takes its open need off 东镇's list; the staff member who registered a service, or
 * another staff member of 东镇, takes an open service off. The entry is `withdrawn`, audited, and
 * no longer offered. Refused (the whole database compared before and after): the township on a
 * village's need, the committee on a service, a resident, a claimed, matched or withdrawn entry
 * (a claimed one: decline or take back the claim first), another township's staff or village, a
 * village in no township, a made-up id, bad input. Races: 50 withdrawals of one need, and a
 * provider withdrawing its service while the village claims it — exactly one of them happens.
 * Answers written by hand; the clock is TEST_NOW.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Envelope } from '../../../types/api'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, member, seedCast, STRANGER, village } from '../support/fixtures'
import { claimedPair, seedLists, storedNeed, storedService } from '../support/listFixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { CHINESE, snapshot } from '../support/snapshot'
import {
  DISTRICT,
  seedDistrict,
  staff,
  STAFF,
  TOWNSHIP_A,
  TOWNSHIP_B,
} from '../support/townshipFixtures'

let backend: Backend
const com = CAST.committee.openid
const tsa = STAFF.townshipA.openid as string
const tsb = STAFF.townshipB.openid as string
/** A second staff member of 东镇: not the one who registered the services. */
const colleague = staff('tsa2', { kind: 'township', districtId: DISTRICT, townshipId: TOWNSHIP_A })
/** The committee of a village that belongs to no township. */
const lonely = member('lonely-com', 'village-c', ['resident', 'committee'])
const N = 50

beforeAll(async () => {
  backend = await startBackend({ functionConcurrency: 10, functionQueueLimit: 400 })
  await seedCast(backend)
  await seedDistrict(backend)
  insert(backend, COLLECTION.staff, [colleague])
  insert(backend, COLLECTION.villages, [village('village-c', '孤村')])
  insert(backend, COLLECTION.members, [lonely])
  const claimed = claimedPair('r-claimed-n', 'r-claimed-s', 'village', CAST.committee._id)
  const matched = claimedPair('r-m-n', 'r-m-s', 'provider', STAFF.townshipA._id, {
    need: { status: 'matched' },
    service: { status: 'matched' },
  })
  seedLists(backend, {
    needs: [
      storedNeed('wl-need'),
      storedNeed('r-open'),
      claimed.need,
      matched.need,
      storedNeed('r-west', { villageId: 'village-b', townshipId: TOWNSHIP_B }),
    ],
    services: [
      storedService('wl-svc'),
      storedService('wl-svc2'),
      storedService('r-svc-open'),
      claimed.service,
      matched.service,
      storedService('r-svc-gone', { status: 'withdrawn' }),
      storedService('r-svc-west', { townshipId: TOWNSHIP_B, createdBy: STAFF.townshipB._id }),
    ],
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

describe('withdrawListing: an open entry taken off its list', () => {
  it('the committee takes its open need off: withdrawn, audited, no longer claimable', async () => {
    const res = await backend.call(com, 'township', 'withdrawListing', {
      kind: 'need',
      id: 'wl-need',
    })
    expect(res).toEqual({
      ok: true,
      data: {
        kind: 'need',
        need: {
          id: 'wl-need',
          townshipId: 'township-east',
          villageId: 'village-a',
          villageName: '示范村',
          category: 'elderly',
          description: '需求wl-need',
          place: '村委会',
          when: '每周六上午',
          peopleAffected: 10,
          status: 'withdrawn',
          createdAt: CREATED,
        },
      },
    })
    expect(await doc(COLLECTION.needs, 'wl-need')).toEqual(
      storedNeed('wl-need', { status: 'withdrawn', updatedAt: TEST_NOW }),
    )
    expect(await auditsOf('wl-need')).toEqual([
      {
        villageId: 'village-a',
        townshipId: 'township-east',
        subjectType: 'need',
        subjectId: 'wl-need',
        action: 'withdrawListing',
        actorId: 'com',
        actorName: '村民com',
        at: TEST_NOW,
        from: 'open',
        to: 'withdrawn',
        note: '需求wl-need',
      },
    ])
    const open = await backend.call(tsa, 'township', 'listNeeds', { status: 'open' })
    expect(open.ok && open.data.items.map((n) => n.id)).not.toContain('wl-need')
    expect(
      await backend.call(tsa, 'township', 'claimNeed', { needId: 'wl-need', serviceId: 'wl-svc2' }),
    ).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '这条需求现在是“已撤回”，不能认领。' },
    })
  })

  it('the staff member who registered a service takes it off: the villages no longer see it', async () => {
    const res = await backend.call(tsa, 'township', 'withdrawListing', {
      kind: 'service',
      id: 'wl-svc',
    })
    expect(res).toEqual({
      ok: true,
      data: {
        kind: 'service',
        service: {
          id: 'wl-svc',
          townshipId: 'township-east',
          provider: { kind: 'organisation', name: '社工站wl-svc' },
          category: 'elderly',
          what: '服务wl-svc',
          capacity: '20 人',
          area: '全镇',
          time: '周六上午',
          status: 'withdrawn',
          createdAt: CREATED,
        },
      },
    })
    expect(await doc(COLLECTION.services, 'wl-svc')).toEqual(
      storedService('wl-svc', { status: 'withdrawn', updatedAt: TEST_NOW }),
    )
    // no village owns a service: its record's unit is the township
    expect(await auditsOf('wl-svc')).toEqual([
      {
        villageId: 'township-east',
        townshipId: 'township-east',
        subjectType: 'service',
        subjectId: 'wl-svc',
        action: 'withdrawListing',
        actorId: 'tsa',
        actorName: '干部tsa',
        at: TEST_NOW,
        from: 'open',
        to: 'withdrawn',
        note: '服务wl-svc（社工站wl-svc）',
      },
    ])
    const seen = await backend.call(com, 'township', 'listServices', {})
    expect(seen.ok && seen.data.items.map((s) => s.id)).not.toContain('wl-svc')
  })

  it('another staff member of 东镇 takes a service off for the township', async () => {
    const res = await backend.call(colleague.openid, 'township', 'withdrawListing', {
      kind: 'service',
      id: 'wl-svc2',
    })
    expect(res).toMatchObject({
      ok: true,
      data: { kind: 'service', service: { status: 'withdrawn' } },
    })
    expect((await auditsOf('wl-svc2')).map((a) => [a.actorId, a.from, a.to])).toEqual([
      ['tsa2', 'open', 'withdrawn'],
    ])
  })
})

type Case = [string, string | undefined, Record<string, unknown>, string, string]

const CLAIM_FIRST = '请先拒绝认领或撤回认领。'

const CASES: Case[] = [
  // who
  ['anonymous', undefined, { kind: 'need', id: 'r-open' }, 'UNAUTHENTICATED', '请先登录微信。'],
  [
    'a stranger',
    STRANGER,
    { kind: 'service', id: 'r-svc-open' },
    'UNAUTHENTICATED',
    '您还不是村里的认证村民，也不是乡镇（街道）的工作人员，不能查看或办理两张清单。',
  ],
  [
    'a resident, the village’s need',
    CAST.resident.openid,
    { kind: 'need', id: 'r-open' },
    'FORBIDDEN',
    '这件事要由村委会来办。',
  ],
  [
    'a resident, a service',
    CAST.resident.openid,
    { kind: 'service', id: 'r-svc-open' },
    'FORBIDDEN',
    '您不是这个单位的工作人员，不能做这件事。',
  ],
  [
    '东镇’s staff, village A’s need',
    tsa,
    { kind: 'need', id: 'r-open' },
    'FORBIDDEN',
    '只有提出需求的村可以撤回这条需求。',
  ],
  [
    'the committee, a service of its township',
    com,
    { kind: 'service', id: 'r-svc-open' },
    'FORBIDDEN',
    '只有服务的提供方或本乡镇（街道）可以撤回这项服务。',
  ],
  // another township, another village, nothing at all
  [
    'village B’s committee, village A’s need',
    CAST.otherCommittee.openid,
    { kind: 'need', id: 'r-open' },
    'NOT_FOUND',
    '找不到这条需求，可能已被撤回。',
  ],
  [
    '西街道’s staff, 东镇’s need',
    tsb,
    { kind: 'need', id: 'r-open' },
    'NOT_FOUND',
    '找不到这条需求，可能已被撤回。',
  ],
  [
    '西街道’s staff, 东镇’s service',
    tsb,
    { kind: 'service', id: 'r-svc-open' },
    'NOT_FOUND',
    '找不到这项服务，可能已被撤回。',
  ],
  [
    '东镇’s staff, 西街道’s service',
    tsa,
    { kind: 'service', id: 'r-svc-west' },
    'NOT_FOUND',
    '找不到这项服务，可能已被撤回。',
  ],
  [
    '东镇’s staff, 西街道’s need',
    tsa,
    { kind: 'need', id: 'r-west' },
    'NOT_FOUND',
    '找不到这条需求，可能已被撤回。',
  ],
  [
    'village B’s committee (in 西街道), 东镇’s service',
    CAST.otherCommittee.openid,
    { kind: 'service', id: 'r-svc-open' },
    'NOT_FOUND',
    '找不到这项服务，可能已被撤回。',
  ],
  [
    'a village in no township, 东镇’s service',
    lonely.openid,
    { kind: 'service', id: 'r-svc-open' },
    'NOT_FOUND',
    '找不到这项服务，可能已被撤回。',
  ],
  [
    'a made-up service',
    tsa,
    { kind: 'service', id: 'no-such-service' },
    'NOT_FOUND',
    '找不到这项服务，可能已被撤回。',
  ],
  // what state
  [
    'a claimed need',
    com,
    { kind: 'need', id: 'r-claimed-n' },
    'CONFLICT',
    `这条需求现在是“待确认”，不能撤回。${CLAIM_FIRST}`,
  ],
  [
    'a claimed service',
    tsa,
    { kind: 'service', id: 'r-claimed-s' },
    'CONFLICT',
    `这项服务现在是“待确认”，不能撤回。${CLAIM_FIRST}`,
  ],
  [
    'a matched need',
    com,
    { kind: 'need', id: 'r-m-n' },
    'CONFLICT',
    '这条需求现在是“已对接”，不能撤回。',
  ],
  [
    'a withdrawn service',
    tsa,
    { kind: 'service', id: 'r-svc-gone' },
    'CONFLICT',
    '这项服务现在是“已撤回”，不能撤回。',
  ],
  // what input
  ['no kind', com, { id: 'r-open' }, 'INVALID_INPUT', '请说明是需求还是服务'],
  ['an id as a number', com, { kind: 'need', id: 7 }, 'INVALID_INPUT', '需求或服务不对'],
]

describe('withdrawListing refusals write nothing', () => {
  it.each(CASES)('%s (%s): %j → %s', async (_who, openid, payload, code, message) => {
    const before = await snapshot(backend)
    const res = await backend.call(openid, 'township', 'withdrawListing', payload)
    expect(res).toEqual({ ok: false, error: { code, message } })
    expect(message).toMatch(CHINESE)
    expect(await snapshot(backend)).toEqual(before)
  })
})

/** The refusals of a race other than contention (BUSY): each its code and message. */
const told = (results: ReadonlyArray<Envelope<unknown>>) =>
  new Set(
    results
      .map((r) => (r.ok ? '' : `${r.error.code} ${r.error.message}`))
      .filter((m) => m !== '' && m !== 'BUSY 人多，请再试一次。'),
  )

describe('races on one entry', () => {
  it('50 withdrawals of one need by its committee: one, audited once', async () => {
    seedLists(backend, { needs: [storedNeed('race-wl1')] })
    const { results, tally } = await race(
      'withdrawListing of one need',
      Array.from(
        { length: N },
        () => () =>
          backend.call(com, 'township', 'withdrawListing', { kind: 'need', id: 'race-wl1' }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, N)
    expect(tally.ok).toBe(1)
    expect((tally.CONFLICT ?? 0) + (tally.BUSY ?? 0)).toBe(N - 1)
    expect(told(results)).toEqual(new Set(['CONFLICT 这条需求现在是“已撤回”，不能撤回。']))
    expect(await doc(COLLECTION.needs, 'race-wl1')).toEqual(
      storedNeed('race-wl1', { status: 'withdrawn', updatedAt: TEST_NOW }),
    )
    expect((await auditsOf('race-wl1')).map((a) => [a.action, a.from, a.to])).toEqual([
      ['withdrawListing', 'open', 'withdrawn'],
    ])
  }, 120_000)

  it('the provider withdrawing its service while the village claims it: exactly one happens', async () => {
    seedLists(backend, {
      needs: [storedNeed('race-wl2-n')],
      services: [storedService('race-wl2-s')],
    })
    const calls = Array.from({ length: N }, (_, i): (() => Promise<Envelope<unknown>>) =>
      i % 2 === 0
        ? () =>
            backend.call(tsa, 'township', 'withdrawListing', { kind: 'service', id: 'race-wl2-s' })
        : () =>
            backend.call(com, 'township', 'claimService', {
              needId: 'race-wl2-n',
              serviceId: 'race-wl2-s',
            }),
    )
    const { results, tally } = await race('withdrawListing against claimService', calls)
    expectNoCrashAndLittleBusy(tally, N)
    expect(tally.ok).toBe(1)
    expect((tally.CONFLICT ?? 0) + (tally.BUSY ?? 0)).toBe(N - 1)
    const withdrawn = results.findIndex((r) => r.ok) % 2 === 0
    const need = await doc(COLLECTION.needs, 'race-wl2-n')
    const service = await doc(COLLECTION.services, 'race-wl2-s')
    if (withdrawn) {
      // the need was never claimed: still open, without a claim
      expect(need).toEqual(storedNeed('race-wl2-n'))
      expect([service?.status, service && 'claim' in service]).toEqual(['withdrawn', false])
      expect(told(results)).toEqual(
        new Set([
          'CONFLICT 这项服务现在是“已撤回”，不能撤回。',
          'CONFLICT 这项服务现在是“已撤回”，不能认领。',
        ]),
      )
    } else {
      expect([need?.status, service?.status]).toEqual(['claimed', 'claimed'])
      expect(told(results)).toEqual(
        new Set([
          `CONFLICT 这项服务现在是“待确认”，不能撤回。${CLAIM_FIRST}`,
          'CONFLICT 这条需求现在是“待确认”，不能认领。',
        ]),
      )
    }
    // one act, audited on what it wrote
    const actions = (await auditsOf('race-wl2-s')).map((a) => a.action)
    expect(actions).toEqual([withdrawn ? 'withdrawListing' : 'claimService'])
  }, 120_000)
})

/**
 * 需求清单 / 服务清单, 双向认领 and the ledger (domain/township/lists.ts): inputs, every claim path,
 * every wrong state and wrong party, the ledger's rating and its CSV. Answers written by hand.
 */
import {
  addProgress,
  assignPair,
  claimNeed,
  claimService,
  completeEntry,
  confirmClaim,
  declineClaim,
  ledgerByCategoryMonth,
  ledgerCsv,
  newNeed,
  newService,
  rateEntry,
  shanghaiMonth,
  staffMayTakeBack,
  withdrawClaim,
  withdrawNeed,
  withdrawService,
  type LedgerLookups,
  type ListActor,
} from '../../../domain/township/lists'
import type { LedgerEntry, Need, Service } from '../../../types/model/township'
import { refusal } from '../../support/refusal'

const CREATED = new Date('2026-11-02T01:00:00Z')
const CLAIMED = new Date('2026-11-20T02:00:00Z')
/** 00:30 on 1 December in Shanghai: the ledger's month is 2026-12, not UTC's 2026-11. */
const CONFIRMED = new Date('2026-11-30T16:30:00Z')

const need: Need = {
  _id: 'n1',
  districtId: 'd1',
  townshipId: 't1',
  villageId: 'v1',
  category: 'elderly',
  description: '独居老人每周需要上门理发',
  place: '东村二组',
  when: '每周六上午',
  peopleAffected: 12,
  status: 'open',
  createdBy: 'm-committee',
  createdAt: CREATED,
  updatedAt: CREATED,
}

const service: Service = {
  _id: 's1',
  districtId: 'd1',
  townshipId: 't1',
  provider: { kind: 'organisation', name: '镇志愿者协会', staffId: 'st-p' },
  category: 'elderly',
  what: '上门理发',
  capacity: '每周 20 人',
  area: '全镇',
  time: '周六',
  status: 'open',
  createdBy: 'st-p',
  createdAt: CREATED,
  updatedAt: CREATED,
}

const provider: ListActor = { kind: 'provider', id: 'st-p' }
const otherProvider: ListActor = { kind: 'provider', id: 'st-q' }
const village: ListActor = { kind: 'village', memberId: 'm1', villageId: 'v1' }
const villageColleague: ListActor = { kind: 'village', memberId: 'm2', villageId: 'v1' }
const otherVillage: ListActor = { kind: 'village', memberId: 'm9', villageId: 'v2' }
const township: ListActor = { kind: 'township', staffId: 'st-t', townshipId: 't1' }
const otherTownship: ListActor = { kind: 'township', staffId: 'st-u', townshipId: 't2' }

describe('newNeed and newService', () => {
  const unit = { districtId: 'd1', townshipId: 't1', villageId: 'v1' }

  it('a need: normalised text, the units from the caller, open', () => {
    expect(
      newNeed(
        {
          category: 'elderly',
          description: '  独居老人\r\n\r\n\r\n需要理发\u200b ',
          place: '东村\n二组',
          when: '每周六上午',
          peopleAffected: 12,
          villageId: 'v-forged',
        },
        unit,
        'm-committee',
        CREATED,
      ),
    ).toEqual({
      districtId: 'd1',
      townshipId: 't1',
      villageId: 'v1',
      category: 'elderly',
      description: '独居老人\n\n需要理发',
      place: '东村 二组',
      when: '每周六上午',
      peopleAffected: 12,
      status: 'open',
      createdBy: 'm-committee',
      createdAt: CREATED,
      updatedAt: CREATED,
    })
  })

  it('a need keeps the matter it was gathered from', () => {
    const n = newNeed(
      {
        category: 'other',
        description: 'x',
        place: 'p',
        when: 'w',
        peopleAffected: 1,
        matterId: 'mt1',
      },
      unit,
      'm1',
      CREATED,
    )
    expect(n.matterId).toBe('mt1')
  })

  const good = {
    category: 'elderly',
    description: '理发',
    place: '二组',
    when: '周六',
    peopleAffected: 1,
  }

  it.each([
    [{ ...good, category: 'cooking' }, '请选择类别'],
    [{ ...good, description: ' \u200b ' }, '请填写需求内容'],
    [{ ...good, description: '字'.repeat(501) }, '需求内容不能超过 500 个字'],
    [{ ...good, place: undefined }, '请填写地点'],
    [{ ...good, when: 'a\u0000b' }, '时间里有无法显示的字符，请删掉后重新输入'],
    [{ ...good, peopleAffected: 0 }, '受益人数应当是 1 到 100000 之间的整数'],
    [{ ...good, peopleAffected: 100_001 }, '受益人数应当是 1 到 100000 之间的整数'],
    [{ ...good, peopleAffected: 2.5 }, '受益人数应当是 1 到 100000 之间的整数'],
    [{ ...good, peopleAffected: '12' }, '受益人数应当是 1 到 100000 之间的整数'],
    [{ ...good, peopleAffected: Number.NaN }, '受益人数应当是 1 到 100000 之间的整数'],
  ])('refuses a bad need: %j', (input, message) => {
    expect(refusal(() => newNeed(input, unit, 'm1', CREATED))).toBe(message)
  })

  it('takes the limits themselves: 500 characters (emoji count as one), 100000 people', () => {
    const n = newNeed(
      { ...good, description: '😀'.repeat(500), peopleAffected: 100_000 },
      unit,
      'm1',
      CREATED,
    )
    expect(n.peopleAffected).toBe(100_000)
  })

  it('a service: the provider nested as stored, its staff id from the caller', () => {
    expect(
      newService(
        {
          providerKind: 'partyMember',
          providerName: ' 李明 ',
          category: 'legal',
          what: '法律咨询',
          capacity: '每月 4 小时',
          area: '东村、西村',
          time: '每月第一个周六',
        },
        { districtId: 'd1', townshipId: 't1' },
        'm7',
        CREATED,
      ),
    ).toEqual({
      districtId: 'd1',
      townshipId: 't1',
      provider: { kind: 'partyMember', name: '李明' },
      category: 'legal',
      what: '法律咨询',
      capacity: '每月 4 小时',
      area: '东村、西村',
      time: '每月第一个周六',
      status: 'open',
      createdBy: 'm7',
      createdAt: CREATED,
      updatedAt: CREATED,
    })
    expect(
      newService(
        {
          providerKind: 'enterprise',
          providerName: '某公司',
          category: 'jobs',
          what: '招工',
          capacity: '10 人',
          area: '全镇',
          time: '长期',
        },
        { districtId: 'd1', townshipId: 't1' },
        'st-p',
        CREATED,
        'st-p',
      ).provider,
    ).toEqual({ kind: 'enterprise', name: '某公司', staffId: 'st-p' })
  })

  it('refuses a service without a known provider kind, or without what it offers', () => {
    const s = {
      providerKind: 'government',
      providerName: 'x',
      category: 'jobs',
      what: 'y',
      capacity: '1',
      area: 'a',
      time: 't',
    }
    const at = { districtId: 'd1', townshipId: 't1' }
    expect(refusal(() => newService(s, at, 'x', CREATED))).toBe(
      '请选择提供方类型（社会组织、企业或在职党员）',
    )
    expect(
      refusal(() => newService({ ...s, providerKind: 'enterprise', what: '' }, at, 'x', CREATED)),
    ).toBe('请填写服务内容')
  })
})

describe('the claims', () => {
  it('a provider claims a need with its service: both claimed, the claim on both', () => {
    expect(claimNeed(need, service, provider, CLAIMED)).toEqual({
      need: {
        ...need,
        status: 'claimed',
        claim: { by: 'provider', serviceId: 's1', claimedBy: 'st-p', at: CLAIMED },
        updatedAt: CLAIMED,
      },
      service: {
        ...service,
        status: 'claimed',
        claim: { by: 'provider', needId: 'n1', claimedBy: 'st-p', at: CLAIMED },
        updatedAt: CLAIMED,
      },
    })
  })

  it('the one who registered the service may claim with it too', () => {
    const s = {
      ...service,
      provider: { kind: 'partyMember' as const, name: '李明' },
      createdBy: 'm7',
    }
    expect(claimNeed(need, s, { kind: 'provider', id: 'm7' }, CLAIMED).need.claim?.claimedBy).toBe(
      'm7',
    )
  })

  it('a village claims a service for its own need', () => {
    const r = claimService(service, need, village, CLAIMED)
    expect(r.need.claim).toEqual({ by: 'village', serviceId: 's1', claimedBy: 'm1', at: CLAIMED })
    expect(r.service.claim).toEqual({ by: 'village', needId: 'n1', claimedBy: 'm1', at: CLAIMED })
    expect([r.need.status, r.service.status]).toEqual(['claimed', 'claimed'])
  })

  it('the township assigns a pair of its own lists', () => {
    const r = assignPair(need, service, township, CLAIMED)
    expect(r.need.claim).toEqual({
      by: 'township',
      serviceId: 's1',
      claimedBy: 'st-t',
      at: CLAIMED,
    })
    expect(r.service.status).toBe('claimed')
  })

  it('refuses the wrong party, each with FORBIDDEN', () => {
    expect(refusal(() => claimNeed(need, service, otherProvider, CLAIMED), 'FORBIDDEN')).toBe(
      '只有服务的提供方可以用这项服务认领需求。',
    )
    expect(refusal(() => claimNeed(need, service, village, CLAIMED), 'FORBIDDEN')).toBe(
      '只有服务的提供方可以用这项服务认领需求。',
    )
    expect(refusal(() => claimService(service, need, otherVillage, CLAIMED), 'FORBIDDEN')).toBe(
      '只能为本村的需求认领服务。',
    )
    expect(refusal(() => claimService(service, need, provider, CLAIMED), 'FORBIDDEN')).toBe(
      '只能为本村的需求认领服务。',
    )
    expect(refusal(() => assignPair(need, service, otherTownship, CLAIMED), 'FORBIDDEN')).toBe(
      '只有本乡镇（街道）的工作人员可以直接对接需求和服务。',
    )
    expect(refusal(() => assignPair(need, service, village, CLAIMED), 'FORBIDDEN')).toBe(
      '只有本乡镇（街道）的工作人员可以直接对接需求和服务。',
    )
  })

  it('refuses a need and a service of different townships, whoever asks', () => {
    const elsewhere = { ...service, townshipId: 't2' }
    const message = '这条需求和这项服务不属于同一个乡镇（街道），不能对接。'
    expect(refusal(() => claimNeed(need, elsewhere, provider, CLAIMED), 'FORBIDDEN')).toBe(message)
    expect(refusal(() => claimService(elsewhere, need, village, CLAIMED), 'FORBIDDEN')).toBe(
      message,
    )
    expect(
      refusal(
        () =>
          assignPair(
            need,
            elsewhere,
            { kind: 'township', staffId: 'x', townshipId: 't2' },
            CLAIMED,
          ),
        'FORBIDDEN',
      ),
    ).toBe(message)
    expect(
      refusal(
        () => claimNeed(need, { ...service, districtId: 'd2' }, provider, CLAIMED),
        'FORBIDDEN',
      ),
    ).toBe(message)
  })

  it('refuses claiming a claimed, matched or withdrawn need or service (CONFLICT)', () => {
    const { need: claimedNeed } = claimService(service, need, village, CLAIMED)
    const other: Service = { ...service, _id: 's2' }
    expect(refusal(() => claimNeed(claimedNeed, other, provider, CLAIMED), 'CONFLICT')).toBe(
      '这条需求现在是“待确认”，不能认领。',
    )
    expect(
      refusal(
        () => claimService({ ...service, status: 'matched' }, need, village, CLAIMED),
        'CONFLICT',
      ),
    ).toBe('这项服务现在是“已对接”，不能认领。')
    expect(
      refusal(
        () => assignPair({ ...need, status: 'withdrawn' }, service, township, CLAIMED),
        'CONFLICT',
      ),
    ).toBe('这条需求现在是“已撤回”，不能认领。')
  })
})

describe('confirming and declining', () => {
  const byProvider = claimNeed(need, service, provider, CLAIMED)
  const byVillage = claimService(service, need, village, CLAIMED)
  const byTownship = assignPair(need, service, township, CLAIMED)

  it("a provider's claim: the village confirms; both matched and a ledger entry of Shanghai's month", () => {
    const r = confirmClaim(byProvider.need, byProvider.service, village, CONFIRMED)
    expect(r.need.status).toBe('matched')
    expect(r.service.status).toBe('matched')
    expect(r.need.claim).toEqual(byProvider.need.claim)
    expect(r.need.updatedAt).toBe(CONFIRMED)
    expect(r.entry).toEqual({
      districtId: 'd1',
      townshipId: 't1',
      villageId: 'v1',
      needId: 'n1',
      serviceId: 's1',
      category: 'elderly',
      month: '2026-12',
      status: 'inProgress',
      progress: [],
      createdAt: CONFIRMED,
      updatedAt: CONFIRMED,
    })
  })

  it("a village's claim: the provider confirms; another member of the claiming village may not", () => {
    expect(confirmClaim(byVillage.need, byVillage.service, provider, CONFIRMED).entry.needId).toBe(
      'n1',
    )
    expect(
      refusal(
        () => confirmClaim(byVillage.need, byVillage.service, villageColleague, CONFIRMED),
        'FORBIDDEN',
      ),
    ).toBe('这次认领要由服务的提供方确认。')
  })

  it("the township's assignment: the village confirms, the provider may not", () => {
    expect(
      confirmClaim(byTownship.need, byTownship.service, villageColleague, CONFIRMED).need.status,
    ).toBe('matched')
    expect(
      refusal(
        () => confirmClaim(byTownship.need, byTownship.service, provider, CONFIRMED),
        'FORBIDDEN',
      ),
    ).toBe('这次认领要由需求所在的村确认。')
    expect(
      refusal(
        () => confirmClaim(byTownship.need, byTownship.service, township, CONFIRMED),
        'FORBIDDEN',
      ),
    ).toBe('不能确认自己的认领，要由需求所在的村确认。')
  })

  it('the claimant never confirms their own claim, even wearing the other hat', () => {
    expect(
      refusal(
        () => confirmClaim(byVillage.need, byVillage.service, village, CONFIRMED),
        'FORBIDDEN',
      ),
    ).toBe('不能确认自己的认领，要由服务的提供方确认。')
    // m1 is on the village committee and registered a service as a party member.
    const own: Service = {
      ...service,
      provider: { kind: 'partyMember', name: '王' },
      createdBy: 'm1',
    }
    const c = claimService(own, need, village, CLAIMED)
    expect(
      refusal(
        () => confirmClaim(c.need, c.service, { kind: 'provider', id: 'm1' }, CONFIRMED),
        'FORBIDDEN',
      ),
    ).toBe('不能确认自己的认领，要由服务的提供方确认。')
  })

  it("another village, another provider, another township's staff: FORBIDDEN", () => {
    expect(
      refusal(
        () => confirmClaim(byProvider.need, byProvider.service, otherVillage, CONFIRMED),
        'FORBIDDEN',
      ),
    ).toBe('这次认领要由需求所在的村确认。')
    expect(
      refusal(
        () => confirmClaim(byVillage.need, byVillage.service, otherProvider, CONFIRMED),
        'FORBIDDEN',
      ),
    ).toBe('这次认领要由服务的提供方确认。')
    expect(
      refusal(
        () => declineClaim(byTownship.need, byTownship.service, otherTownship, CONFIRMED),
        'FORBIDDEN',
      ),
    ).toBe('这次认领要由需求所在的村拒绝。')
  })

  it('refuses confirming what is not claimed, or two halves of different claims', () => {
    expect(refusal(() => confirmClaim(need, service, village, CONFIRMED), 'CONFLICT')).toBe(
      '这条需求现在是“待认领”，不能确认认领。',
    )
    const matched = confirmClaim(byProvider.need, byProvider.service, village, CONFIRMED)
    expect(
      refusal(() => confirmClaim(matched.need, matched.service, village, CONFIRMED), 'CONFLICT'),
    ).toBe('这条需求现在是“已对接”，不能确认认领。')
    const s2 = claimNeed({ ...need, _id: 'n2' }, { ...service, _id: 's2' }, provider, CLAIMED)
    expect(
      refusal(() => confirmClaim(byProvider.need, s2.service, village, CONFIRMED), 'CONFLICT'),
    ).toBe('这条需求和这项服务不是同一次认领，请刷新后再试。')
    expect(
      refusal(
        () => confirmClaim(byProvider.need, byVillage.service, village, CONFIRMED),
        'CONFLICT',
      ),
    ).toBe('这条需求和这项服务不是同一次认领，请刷新后再试。')
  })

  it('a decline by the other side opens both again, the claim gone', () => {
    const r = declineClaim(byProvider.need, byProvider.service, village, CONFIRMED)
    expect(r).toEqual({
      need: { ...need, updatedAt: CONFIRMED },
      service: { ...service, updatedAt: CONFIRMED },
    })
    expect('claim' in r.need).toBe(false)
    expect(
      refusal(
        () => declineClaim(byProvider.need, byProvider.service, provider, CONFIRMED),
        'FORBIDDEN',
      ),
    ).toBe('不能拒绝自己的认领，要由需求所在的村拒绝。')
  })

  it('the claiming side withdraws its claim; the other side may not', () => {
    expect(
      withdrawClaim(byVillage.need, byVillage.service, villageColleague, CONFIRMED).need,
    ).toEqual({
      ...need,
      updatedAt: CONFIRMED,
    })
    expect(
      withdrawClaim(byTownship.need, byTownship.service, township, CONFIRMED).service.status,
    ).toBe('open')
    expect(
      withdrawClaim(byProvider.need, byProvider.service, provider, CONFIRMED).need.status,
    ).toBe('open')
    expect(
      refusal(
        () => withdrawClaim(byVillage.need, byVillage.service, provider, CONFIRMED),
        'FORBIDDEN',
      ),
    ).toBe('只有认领的一方可以撤回这次认领。')
    expect(refusal(() => withdrawClaim(need, service, village, CONFIRMED), 'CONFLICT')).toBe(
      '这条需求现在是“待认领”，不能撤回认领。',
    )
  })

  it('a claim is withdrawn by its side only: the provider’s by its provider, the township’s by the township', () => {
    const colleague: ListActor = { kind: 'township', staffId: 'st-t2', townshipId: 't1' }
    expect(withdrawClaim(byTownship.need, byTownship.service, colleague, CONFIRMED)).toEqual({
      need: { ...need, updatedAt: CONFIRMED },
      service: { ...service, updatedAt: CONFIRMED },
    })
    const refused: Array<[{ need: Need; service: Service }, ListActor]> = [
      [byProvider, otherProvider],
      [byProvider, village],
      [byProvider, township],
      [byTownship, otherTownship],
      [byTownship, village],
      [byVillage, otherVillage],
      [byVillage, township],
    ]
    for (const [pair, who] of refused) {
      expect(
        refusal(() => withdrawClaim(pair.need, pair.service, who, CONFIRMED), 'FORBIDDEN'),
      ).toBe('只有认领的一方可以撤回这次认领。')
    }
    const matched = confirmClaim(byProvider.need, byProvider.service, village, CONFIRMED)
    expect(
      refusal(() => withdrawClaim(matched.need, matched.service, provider, CONFIRMED), 'CONFLICT'),
    ).toBe('这条需求现在是“已对接”，不能撤回认领。')
  })

  it('withdrawing an open entry: a need by its village, a service by its provider or the township', () => {
    expect(withdrawNeed(need, village, CONFIRMED)).toEqual({
      ...need,
      status: 'withdrawn',
      updatedAt: CONFIRMED,
    })
    expect(withdrawNeed(need, villageColleague, CONFIRMED).status).toBe('withdrawn')
    expect(withdrawService(service, provider, CONFIRMED)).toEqual({
      ...service,
      status: 'withdrawn',
      updatedAt: CONFIRMED,
    })
    expect(withdrawService(service, township, CONFIRMED).status).toBe('withdrawn')
    // the need is the village's: neither the township nor a provider takes it off
    for (const who of [township, provider, otherVillage]) {
      expect(refusal(() => withdrawNeed(need, who, CONFIRMED), 'FORBIDDEN')).toBe(
        '只有提出需求的村可以撤回这条需求。',
      )
    }
    for (const who of [otherTownship, otherProvider, village]) {
      expect(refusal(() => withdrawService(service, who, CONFIRMED), 'FORBIDDEN')).toBe(
        '只有服务的提供方或本乡镇（街道）可以撤回这项服务。',
      )
    }
  })

  it('never withdraws a claimed, matched or withdrawn entry, and says what to do first', () => {
    expect(refusal(() => withdrawNeed(byVillage.need, village, CONFIRMED), 'CONFLICT')).toBe(
      '这条需求现在是“待确认”，不能撤回。请先拒绝认领或撤回认领。',
    )
    expect(refusal(() => withdrawService(byVillage.service, provider, CONFIRMED), 'CONFLICT')).toBe(
      '这项服务现在是“待确认”，不能撤回。请先拒绝认领或撤回认领。',
    )
    const matched = confirmClaim(byProvider.need, byProvider.service, village, CONFIRMED)
    expect(refusal(() => withdrawNeed(matched.need, village, CONFIRMED), 'CONFLICT')).toBe(
      '这条需求现在是“已对接”，不能撤回。',
    )
    expect(refusal(() => withdrawService(matched.service, township, CONFIRMED), 'CONFLICT')).toBe(
      '这项服务现在是“已对接”，不能撤回。',
    )
    const gone = withdrawNeed(need, village, CONFIRMED)
    expect(refusal(() => withdrawNeed(gone, village, CONFIRMED), 'CONFLICT')).toBe(
      '这条需求现在是“已撤回”，不能撤回。',
    )
  })

  it('never changes what it was given', () => {
    const before = JSON.stringify(byProvider)
    confirmClaim(byProvider.need, byProvider.service, village, CONFIRMED)
    declineClaim(byProvider.need, byProvider.service, village, CONFIRMED)
    expect(JSON.stringify(byProvider)).toBe(before)
  })
})

describe('staffMayTakeBack: who sees 撤回认领 on the staff’s lists', () => {
  const at = CLAIMED
  it('the township’s match: any of its staff', () => {
    const claim = { by: 'township' as const, needId: 'n1', serviceId: 's1', claimedBy: 'st-t', at }
    expect(staffMayTakeBack('st-t', claim, service)).toBe(true)
    expect(staffMayTakeBack('st-other', claim)).toBe(true)
  })
  it('a provider’s claim: whoever acts for the service; from the need alone, who made it', () => {
    const claim = { by: 'provider' as const, needId: 'n1', serviceId: 's1', claimedBy: 'st-p', at }
    expect(staffMayTakeBack('st-p', claim, service)).toBe(true)
    expect(staffMayTakeBack('st-q', claim, service)).toBe(false)
    expect(staffMayTakeBack('st-p', claim)).toBe(true)
    expect(staffMayTakeBack('st-q', claim)).toBe(false)
  })
  it('a village’s claim: never the staff’s', () => {
    const claim = { by: 'village' as const, needId: 'n1', serviceId: 's1', claimedBy: 'm1', at }
    expect(staffMayTakeBack('st-p', claim, service)).toBe(false)
    expect(staffMayTakeBack('st-t', claim)).toBe(false)
  })
})

describe('shanghaiMonth', () => {
  it('turns the month at midnight in Shanghai, 16:00 UTC', () => {
    expect(shanghaiMonth(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11')
    expect(shanghaiMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12')
    expect(shanghaiMonth(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01')
  })
})

const entry: LedgerEntry = {
  _id: 'e1',
  districtId: 'd1',
  townshipId: 't1',
  villageId: 'v1',
  needId: 'n1',
  serviceId: 's1',
  category: 'elderly',
  month: '2026-12',
  status: 'inProgress',
  progress: [],
  createdAt: CONFIRMED,
  updatedAt: CONFIRMED,
}
const T1 = new Date('2026-12-05T02:00:00Z')
const DONE = new Date('2026-12-12T17:00:00Z') // 01:00 on 13 December in Shanghai
const RATED = new Date('2026-12-14T03:00:00Z')

describe('the ledger', () => {
  it('progress: normalised, appended with who and when', () => {
    const a = addProgress(entry, 'st-p', '  第一次上门，理发 8 人\r\n下周继续 ', T1)
    expect(a.progress).toEqual([{ at: T1, by: 'st-p', text: '第一次上门，理发 8 人\n下周继续' }])
    expect(a.updatedAt).toBe(T1)
    expect(refusal(() => addProgress(entry, 'st-p', '\u200b', T1))).toBe('请填写进展')
    expect(refusal(() => addProgress(entry, 'st-p', undefined, T1))).toBe('请填写进展')
    expect(refusal(() => addProgress(entry, 'st-p', 42, T1))).toBe('进展应当是文字')
    expect(refusal(() => addProgress(entry, 'st-p', 'x'.repeat(501), T1))).toBe(
      '进展不能超过 500 个字',
    )
  })

  it('completion: once, with its date, and no progress after it', () => {
    const finished = completeEntry(addProgress(entry, 'st-p', '上门', T1), 'st-p', DONE)
    expect(finished).toEqual({
      ...entry,
      status: 'completed',
      completedAt: DONE,
      progress: [
        { at: T1, by: 'st-p', text: '上门' },
        { at: DONE, by: 'st-p', text: '已完成' },
      ],
      updatedAt: DONE,
    })
    expect(refusal(() => completeEntry(finished, 'st-p', DONE), 'CONFLICT')).toBe(
      '这条台账现在是“已完成”，不能标记完成。',
    )
    expect(refusal(() => addProgress(finished, 'st-p', '补充', DONE), 'CONFLICT')).toBe(
      '这条台账现在是“已完成”，不能报告进展。',
    )
  })

  const done = completeEntry(entry, 'st-p', DONE)
  const member = { memberId: 'm3', villageId: 'v1' }

  it("rating: the village's member, after completion, once, 1–5", () => {
    expect(rateEntry(done, member, 5, ' 很及时 ', RATED)).toEqual({
      ...done,
      rating: { score: 5, comment: '很及时', by: 'm3', at: RATED },
      updatedAt: RATED,
    })
    expect(rateEntry(done, member, 1, undefined, RATED).rating).toEqual({
      score: 1,
      comment: '',
      by: 'm3',
      at: RATED,
    })
  })

  it('refuses another village, before completion, a second rating, a bad score', () => {
    expect(
      refusal(
        () => rateEntry(done, { memberId: 'm9', villageId: 'v2' }, 5, '', RATED),
        'FORBIDDEN',
      ),
    ).toBe('只有需求所在的村可以评价这条台账。')
    expect(refusal(() => rateEntry(entry, member, 5, '', RATED), 'CONFLICT')).toBe(
      '服务完成以后才能评价。',
    )
    const rated = rateEntry(done, member, 4, '', RATED)
    expect(
      refusal(
        () => rateEntry(rated, { memberId: 'm4', villageId: 'v1' }, 5, '', RATED),
        'CONFLICT',
      ),
    ).toBe('这条台账已经评价过了，不能再评。')
    for (const score of [0, 6, 3.5, '5', Number.NaN, undefined]) {
      expect(refusal(() => rateEntry(done, member, score, '', RATED))).toBe(
        '评分应当是 1 到 5 分。',
      )
    }
    expect(refusal(() => rateEntry(done, member, 3, '评'.repeat(201), RATED))).toBe(
      '评价不能超过 200 个字',
    )
  })
})

describe('ledgerCsv', () => {
  const lookups: LedgerLookups = {
    villages: { v1: { name: '东村' }, v2: { name: '西村, 北片' } },
    needs: {
      n1: { description: '独居老人上门理发' },
      n2: { description: '路灯坏了\n三盏' },
      n3: { description: '=HYPERLINK("http://x")' },
    },
    services: {
      s1: { what: '上门理发', provider: { kind: 'organisation', name: '镇志愿者协会' } },
      s2: { what: '电工维修', provider: { kind: 'enterprise', name: '"光明"电力' } },
      s3: { what: '法律咨询', provider: { kind: 'partyMember', name: '@李明' } },
    },
  }
  const rated: LedgerEntry = {
    ...completeEntry(entry, 'st-p', DONE),
    rating: { score: 4, comment: '-还行，下次早点', by: 'm3', at: RATED },
  }
  const lamp: LedgerEntry = {
    ...entry,
    _id: 'e2',
    villageId: 'v2',
    needId: 'n2',
    serviceId: 's2',
    category: 'infrastructure',
    month: '2026-11',
  }
  const legal: LedgerEntry = {
    ...entry,
    _id: 'e3',
    needId: 'n3',
    serviceId: 's3',
    category: 'legal',
    month: '2026-12',
  }
  const lost: LedgerEntry = {
    ...entry,
    _id: 'e4',
    villageId: 'v9',
    needId: 'n9',
    serviceId: 's9',
    month: '2026-12',
  }

  it('the Chinese header, rows by month then category, quoted and defused, BOM and CRLF', () => {
    expect(ledgerCsv([legal, rated, lamp], lookups)).toBe(
      '\uFEFF月份,类别,村,需求,服务,提供方,状态,完成日期,评分,评价\r\n' +
        '2026-11,基础设施,"西村, 北片","路灯坏了\n三盏",电工维修,"""光明""电力",进行中,,,\r\n' +
        "2026-12,养老助老,东村,独居老人上门理发,上门理发,镇志愿者协会,已完成,2026-12-13,4,'-还行，下次早点\r\n" +
        '2026-12,法律服务,东村,"\'=HYPERLINK(""http://x"")",法律咨询,\'@李明,进行中,,,\r\n',
    )
  })

  it('a name the lookups lack shows as its id; no entries is the header alone', () => {
    expect(ledgerCsv([lost], lookups)).toBe(
      '\uFEFF月份,类别,村,需求,服务,提供方,状态,完成日期,评分,评价\r\n' +
        '2026-12,养老助老,v9,n9,s9,,进行中,,,\r\n',
    )
    expect(ledgerCsv([], lookups)).toBe(
      '\uFEFF月份,类别,村,需求,服务,提供方,状态,完成日期,评分,评价\r\n',
    )
  })
})

describe('ledgerByCategoryMonth', () => {
  const at = (iso: string) => new Date(iso)
  const e = (
    id: string,
    month: string,
    category: string,
    extra: Partial<LedgerEntry> = {},
  ): LedgerEntry => ({
    ...entry,
    _id: id,
    month,
    category,
    createdAt: at(`${month}-10T00:00:00Z`),
    ...extra,
  })

  it('latest month first, categories in the table order, counts of completed and rated', () => {
    const a = e('a', '2026-11', 'legal')
    const b = e('b', '2026-12', 'legal', { createdAt: at('2026-12-20T00:00:00Z') })
    const c = e('c', '2026-12', 'elderly', { status: 'completed', completedAt: DONE })
    const d = e('d', '2026-12', 'legal', {
      status: 'completed',
      completedAt: DONE,
      rating: { score: 3, comment: '', by: 'm3', at: RATED },
    })
    const groups = ledgerByCategoryMonth([a, b, c, d])
    expect(
      groups.map((g) => [
        g.month,
        g.category,
        g.label,
        g.entries.map((x) => x._id),
        g.completed,
        g.rated,
      ]),
    ).toEqual([
      ['2026-12', 'elderly', '养老助老', ['c'], 1, 0],
      ['2026-12', 'legal', '法律服务', ['d', 'b'], 1, 1],
      ['2026-11', 'legal', '法律服务', ['a'], 0, 0],
    ])
    expect(ledgerByCategoryMonth([])).toEqual([])
  })

  it('a category no longer in the table comes last in its month, shown by its key', () => {
    const groups = ledgerByCategoryMonth([e('x', '2026-12', 'retired'), e('y', '2026-12', 'other')])
    expect(groups.map((g) => [g.category, g.label])).toEqual([
      ['other', '其他'],
      ['retired', 'retired'],
    ])
  })
})

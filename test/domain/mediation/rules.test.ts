/**
 * 调解 (domain/mediation/rules.ts): opening a case, meetings, the agreement each party confirms
 * on their own, failure and referral, and who sees what. Answers written by hand.
 */
import {
  confirmAgreement,
  mediationView,
  openCase,
  proposeAgreement,
  recordFailure,
  publicStep,
  recordMeeting,
  referToLegalAid,
  type PartyMember,
} from '../../../domain/mediation/rules'
import type { Actor } from '../../../domain/permissions'
import type { MediationCase } from '../../../types/model/township'
import { refusal } from '../../support/refusal'

const OPENED = new Date('2026-11-24T02:00:00Z')
const MET = new Date('2026-11-26T07:00:00Z')
const RECORDED = new Date('2026-11-26T09:00:00Z')
const PROPOSED = new Date('2026-11-27T03:00:00Z')
const REPROPOSED = new Date('2026-11-28T03:00:00Z')
const FIRST = new Date('2026-11-30T01:00:00Z')
/** 00:30 on 2 December in Shanghai: closedOn is 2026-12-02, not UTC's 2026-12-01. */
const LAST = new Date('2026-12-01T16:30:00Z')

const matter = { _id: 'mt1', villageId: 'v1', status: 'accepted' as const }

const officer: Actor = {
  memberId: 'lo',
  villageId: 'v1',
  roles: ['resident', 'legalOfficer'],
  status: 'verified',
}

const member = (
  memberId: string,
  villageId = 'v1',
  status: PartyMember['status'] = 'verified',
) => ({
  memberId,
  villageId,
  status,
})
const members: PartyMember[] = [member('p1'), member('p2'), member('p3')]

const opened: MediationCase = {
  _id: 'c1',
  villageId: 'v1',
  matterId: 'mt1',
  legalOfficerId: 'lo',
  partyIds: ['p1', 'p2'],
  status: 'open',
  meetings: [],
  createdAt: OPENED,
  updatedAt: OPENED,
}

describe('openCase', () => {
  it('a case of the matter, led by the officer, with the parties, open', () => {
    expect(openCase(matter, officer, ['p2', 'p1'], members, OPENED)).toEqual({
      villageId: 'v1',
      matterId: 'mt1',
      legalOfficerId: 'lo',
      partyIds: ['p2', 'p1'],
      status: 'open',
      meetings: [],
      createdAt: OPENED,
      updatedAt: OPENED,
    })
    expect(openCase(matter, officer, ['p1', 'p2', 'p3'], members, OPENED).partyIds).toHaveLength(3)
  })

  it('refuses an officer without the role, of another village, or not verified', () => {
    const message = '只有本村的法治委员可以发起调解。'
    const committee: Actor = { ...officer, roles: ['committee'] }
    expect(
      refusal(() => openCase(matter, committee, ['p1', 'p2'], members, OPENED), 'FORBIDDEN'),
    ).toBe(message)
    expect(
      refusal(
        () => openCase(matter, { ...officer, villageId: 'v2' }, ['p1', 'p2'], members, OPENED),
        'FORBIDDEN',
      ),
    ).toBe(message)
    expect(
      refusal(
        () => openCase(matter, { ...officer, status: 'left' }, ['p1', 'p2'], members, OPENED),
        'FORBIDDEN',
      ),
    ).toBe(message)
  })

  it('refuses the officer as a party', () => {
    expect(
      refusal(
        () => openCase(matter, officer, ['p1', 'lo'], [...members, member('lo')], OPENED),
        'FORBIDDEN',
      ),
    ).toBe('您是这起纠纷的当事人，不能自己主持调解，请另一位法治委员主持。')
  })

  it.each([
    [['p1'], '调解至少要有两位当事人。'],
    [[], '调解至少要有两位当事人。'],
    [['p1', 'p1'], '同一位当事人选了两次，请每人只选一次。'],
    [['p1', 'p2', 'p1'], '同一位当事人选了两次，请每人只选一次。'],
    [['p1', 'x'], '当事人应当都是本村的认证村民。'],
  ])('refuses the parties %j', (partyIds, message) => {
    expect(refusal(() => openCase(matter, officer, partyIds, members, OPENED))).toBe(message)
  })

  it('refuses a party of another village, or not (or no longer) verified', () => {
    const message = '当事人应当都是本村的认证村民。'
    for (const m of [
      member('p2', 'v2'),
      member('p2', 'v1', 'pending'),
      member('p2', 'v1', 'left'),
    ]) {
      expect(
        refusal(() => openCase(matter, officer, ['p1', 'p2'], [member('p1'), m], OPENED)),
      ).toBe(message)
    }
  })

  it('takes twenty parties, not twenty-one', () => {
    const many = Array.from({ length: 21 }, (_, i) => member(`q${i}`))
    const ids = many.map((m) => m.memberId)
    expect(openCase(matter, officer, ids.slice(0, 20), many, OPENED).partyIds).toHaveLength(20)
    expect(refusal(() => openCase(matter, officer, ids, many, OPENED))).toBe(
      '一起调解最多 20 位当事人。',
    )
  })

  it('refuses a matter that has ended', () => {
    expect(
      refusal(
        () => openCase({ ...matter, status: 'closed' }, officer, ['p1', 'p2'], members, OPENED),
        'CONFLICT',
      ),
    ).toBe('这件事已经是“已关闭”，不能再发起调解。')
    expect(
      refusal(
        () => openCase({ ...matter, status: 'withdrawn' }, officer, ['p1', 'p2'], members, OPENED),
        'CONFLICT',
      ),
    ).toBe('这件事已经是“已撤回”，不能再发起调解。')
  })
})

describe('recordMeeting', () => {
  it('the officer records a meeting that took place, normalised', () => {
    expect(
      recordMeeting(
        opened,
        'lo',
        MET,
        { place: ' 村委会\n调解室 ', notes: '双方陈述\r\n约定下周再谈' },
        RECORDED,
      ),
    ).toEqual({
      ...opened,
      meetings: [
        { at: MET, place: '村委会 调解室', notes: '双方陈述\n约定下周再谈', recordedBy: 'lo' },
      ],
      updatedAt: RECORDED,
    })
  })

  it('refuses anyone but the officer, a meeting in the future, empty notes, a closed case', () => {
    expect(
      refusal(
        () => recordMeeting(opened, 'p1', MET, { place: 'x', notes: 'y' }, RECORDED),
        'FORBIDDEN',
      ),
    ).toBe('只有主持这起调解的法治委员可以记录调解会。')
    expect(
      refusal(() =>
        recordMeeting(
          opened,
          'lo',
          new Date(RECORDED.getTime() + 1),
          { place: 'x', notes: 'y' },
          RECORDED,
        ),
      ),
    ).toBe('调解会的时间不能晚于现在。')
    expect(
      recordMeeting(opened, 'lo', RECORDED, { place: 'x', notes: 'y' }, RECORDED).meetings,
    ).toHaveLength(1)
    expect(
      refusal(() => recordMeeting(opened, 'lo', MET, { place: 'x', notes: ' ' }, RECORDED)),
    ).toBe('请填写调解记录')
    expect(
      refusal(() => recordMeeting(opened, 'lo', MET, { place: undefined, notes: 'y' }, RECORDED)),
    ).toBe('请填写调解地点')
    expect(
      refusal(
        () =>
          recordMeeting(
            { ...opened, status: 'agreed' },
            'lo',
            MET,
            { place: 'x', notes: 'y' },
            RECORDED,
          ),
        'CONFLICT',
      ),
    ).toBe('这起调解现在是“已调解”，不能记录调解会。')
  })
})

describe('the agreement', () => {
  const proposed = proposeAgreement(
    opened,
    'lo',
    '  甲方于十二月底前拆除围墙，\n乙方不再追究。 ',
    PROPOSED,
  )

  it('the officer proposes it, normalised, with no confirmation yet', () => {
    expect(proposed).toEqual({
      ...opened,
      agreement: {
        text: '甲方于十二月底前拆除围墙，\n乙方不再追究。',
        proposedAt: PROPOSED,
        confirmations: {},
      },
      updatedAt: PROPOSED,
    })
    expect(refusal(() => proposeAgreement(opened, 'p1', '文字', PROPOSED), 'FORBIDDEN')).toBe(
      '只有主持这起调解的法治委员可以拟定调解协议。',
    )
    expect(refusal(() => proposeAgreement(opened, 'lo', undefined, PROPOSED))).toBe(
      '请填写调解协议',
    )
    expect(refusal(() => proposeAgreement(opened, 'lo', '字'.repeat(2001), PROPOSED))).toBe(
      '调解协议不能超过 2000 个字',
    )
  })

  it('each party confirms on their own; with the last the case is agreed on the Shanghai date', () => {
    const one = confirmAgreement(proposed, 'p1', FIRST, PROPOSED)
    expect(one.status).toBe('open')
    expect(one.agreement?.confirmations).toEqual({ p1: FIRST })
    expect(one.closedOn).toBeUndefined()
    const both = confirmAgreement(one, 'p2', LAST, PROPOSED)
    expect(both).toEqual({
      ...proposed,
      status: 'agreed',
      agreement: { ...proposed.agreement, confirmations: { p1: FIRST, p2: LAST } },
      closedOn: '2026-12-02',
      updatedAt: LAST,
    })
  })

  it('refuses someone not a party (the officer, the committee), and a party twice', () => {
    for (const who of ['lo', 'committee-member', 'p3']) {
      expect(refusal(() => confirmAgreement(proposed, who, FIRST, PROPOSED), 'FORBIDDEN')).toBe(
        '只有当事人本人可以确认调解协议。',
      )
    }
    const one = confirmAgreement(proposed, 'p1', FIRST, PROPOSED)
    expect(refusal(() => confirmAgreement(one, 'p1', LAST, PROPOSED), 'CONFLICT')).toBe(
      '您已经确认过这份调解协议了。',
    )
  })

  it('a new proposal clears the confirmations; a confirmation of the old text is refused', () => {
    const one = confirmAgreement(proposed, 'p1', FIRST, PROPOSED)
    const again = proposeAgreement(one, 'lo', '甲方于一月底前拆除围墙。', REPROPOSED)
    expect(again.agreement).toEqual({
      text: '甲方于一月底前拆除围墙。',
      proposedAt: REPROPOSED,
      confirmations: {},
    })
    expect(refusal(() => confirmAgreement(again, 'p2', LAST, PROPOSED), 'CONFLICT')).toBe(
      '调解协议已经修改，请重新阅读后再确认。',
    )
    const p2 = confirmAgreement(again, 'p2', LAST, REPROPOSED)
    expect(p2.status).toBe('open')
    expect(confirmAgreement(p2, 'p1', LAST, REPROPOSED).status).toBe('agreed')
  })

  it('refuses a confirmation with no agreement, or once the case has ended', () => {
    expect(refusal(() => confirmAgreement(opened, 'p1', FIRST, PROPOSED), 'CONFLICT')).toBe(
      '调解协议还没有拟好。',
    )
    const agreed = confirmAgreement(
      confirmAgreement(proposed, 'p1', FIRST, PROPOSED),
      'p2',
      LAST,
      PROPOSED,
    )
    expect(refusal(() => proposeAgreement(agreed, 'lo', '新', LAST), 'CONFLICT')).toBe(
      '这起调解现在是“已调解”，不能拟定调解协议。',
    )
    const failed = recordFailure(proposed, 'lo', LAST)
    expect(refusal(() => confirmAgreement(failed, 'p1', LAST, PROPOSED), 'CONFLICT')).toBe(
      '这起调解现在是“调解未成”，不能确认调解协议。',
    )
  })
})

describe('failure and referral', () => {
  it('the officer records a failure, closed on the Shanghai date; only once', () => {
    const failed = recordFailure(opened, 'lo', LAST)
    expect(failed).toEqual({ ...opened, status: 'failed', closedOn: '2026-12-02', updatedAt: LAST })
    expect(refusal(() => recordFailure(failed, 'lo', LAST), 'CONFLICT')).toBe(
      '这起调解现在是“调解未成”，不能记录调解未成。',
    )
    expect(refusal(() => recordFailure(opened, 'p1', LAST), 'FORBIDDEN')).toBe(
      '只有主持这起调解的法治委员可以记录调解未成。',
    )
  })

  it('keeps the officer’s note on a failure, normalised; none when it is empty', () => {
    expect(recordFailure(opened, 'lo', LAST, ' 双方\u200b分歧太大 ').failure).toEqual({
      note: '双方分歧太大',
      at: LAST,
    })
    expect(recordFailure(opened, 'lo', LAST, '  ')).not.toHaveProperty('failure')
    expect(refusal(() => recordFailure(opened, 'lo', LAST, 'x'.repeat(501)), 'INVALID_INPUT')).toBe(
      '调解未成的说明不能超过 500 个字',
    )
  })

  it('refers an open case to legal aid', () => {
    expect(referToLegalAid(opened, 'lo', ' 区法律援助中心 ', '涉及赔偿金额较大', LAST)).toEqual({
      ...opened,
      status: 'referred',
      referral: { to: '区法律援助中心', at: LAST, note: '涉及赔偿金额较大' },
      closedOn: '2026-12-02',
      updatedAt: LAST,
    })
    expect(referToLegalAid(opened, 'lo', '区法律援助中心', undefined, LAST).referral?.note).toBe('')
  })

  it('refers a failed case, keeping the day mediation ended', () => {
    const failed = recordFailure(opened, 'lo', FIRST)
    const referred = referToLegalAid(failed, 'lo', '区法律援助中心', '', LAST)
    expect(referred.status).toBe('referred')
    expect(referred.closedOn).toBe('2026-11-30')
  })

  it('refuses referring an agreed or referred case, without a destination, by anyone else', () => {
    const referred = referToLegalAid(opened, 'lo', '区法律援助中心', '', LAST)
    expect(refusal(() => referToLegalAid(referred, 'lo', '别处', '', LAST), 'CONFLICT')).toBe(
      '这起调解现在是“已转法律援助”，不能转法律援助。',
    )
    expect(
      refusal(
        () => referToLegalAid({ ...opened, status: 'agreed' }, 'lo', '别处', '', LAST),
        'CONFLICT',
      ),
    ).toBe('这起调解现在是“已调解”，不能转法律援助。')
    expect(refusal(() => referToLegalAid(opened, 'lo', '', '', LAST))).toBe(
      '请填写转往的法律援助机构',
    )
    expect(
      refusal(() => referToLegalAid(opened, 'p2', '区法律援助中心', '', LAST), 'FORBIDDEN'),
    ).toBe('只有主持这起调解的法治委员可以转法律援助。')
  })
})

describe('mediationView', () => {
  const viewer = (
    memberId: string,
    roles: Actor['roles'],
    villageId = 'v1',
    status: Actor['status'] = 'verified',
  ): Actor => ({
    memberId,
    villageId,
    roles,
    status,
  })

  // Who, and what they see of an open case: the table is the rule, written out.
  const table: [string, Actor, 'full' | 'summary'][] = [
    ['a party', viewer('p1', ['resident']), 'full'],
    ['the other party', viewer('p2', ['resident', 'representative']), 'full'],
    ["the case's legal officer", viewer('lo', ['resident', 'legalOfficer']), 'full'],
    ['a committee member', viewer('c1', ['committee']), 'full'],
    ['another legal officer of the village', viewer('lo2', ['legalOfficer']), 'summary'],
    ['a moderator', viewer('mo', ['moderator']), 'summary'],
    ['a representative', viewer('r1', ['representative']), 'summary'],
    ['a resident', viewer('x1', ['resident']), 'summary'],
  ]

  it.each(table)('%s of the village: %s', (_, who, access) => {
    expect(mediationView(opened, who)).toEqual(
      access === 'full'
        ? { access: 'full', case: opened }
        : { access: 'summary', matterId: 'mt1', status: '调解中' },
    )
  })

  it('other members read 调解中, 已调解, and 调解结束 for both failure and referral', () => {
    const resident = viewer('x1', ['resident'])
    const at = (status: MediationCase['status']) => mediationView({ ...opened, status }, resident)
    expect(at('open')).toEqual({ access: 'summary', matterId: 'mt1', status: '调解中' })
    expect(at('agreed')).toEqual({ access: 'summary', matterId: 'mt1', status: '已调解' })
    expect(at('failed')).toEqual({ access: 'summary', matterId: 'mt1', status: '调解结束' })
    expect(at('referred')).toEqual({ access: 'summary', matterId: 'mt1', status: '调解结束' })
  })

  it('the summary carries nothing of the case: no parties, no agreement, no referral', () => {
    const referred = referToLegalAid(
      proposeAgreement(opened, 'lo', '协议', PROPOSED),
      'lo',
      '区法律援助中心',
      '说明',
      LAST,
    )
    const seen = JSON.stringify(mediationView(referred, viewer('x1', ['resident'])))
    for (const secret of ['p1', 'p2', 'lo', '协议', '区法律援助中心', '说明']) {
      expect(seen).not.toContain(secret)
    }
  })

  it('anyone of another village, its committee and legal officer included: FORBIDDEN', () => {
    for (const roles of [['resident'], ['committee'], ['legalOfficer']] as Actor['roles'][]) {
      expect(refusal(() => mediationView(opened, viewer('y1', roles, 'v2')), 'FORBIDDEN')).toBe(
        '您没有权限做这件事。',
      )
    }
    // Even a party's id, signed in to another village.
    expect(
      refusal(() => mediationView(opened, viewer('p1', ['resident'], 'v2')), 'FORBIDDEN'),
    ).toBe('您没有权限做这件事。')
  })

  it('no membership, or one not verified: UNAUTHENTICATED', () => {
    expect(refusal(() => mediationView(opened, null), 'UNAUTHENTICATED')).toBe(
      '您还不是本村的认证村民，请先申请加入，等村委会审核通过。',
    )
    expect(
      refusal(
        () => mediationView(opened, viewer('p1', ['resident'], 'v1', 'pending')),
        'UNAUTHENTICATED',
      ),
    ).toBe('您还不是本村的认证村民，请先申请加入，等村委会审核通过。')
  })
})

describe('the public steps on the matter’s timeline', () => {
  it('one step each time the public word changes, and only then', () => {
    expect(publicStep(undefined, 'open')).toBe('openMediation')
    expect(publicStep('open', 'open')).toBeUndefined()
    expect(publicStep('open', 'agreed')).toBe('mediationAgreed')
    expect(publicStep('open', 'failed')).toBe('mediationEnded')
    expect(publicStep('open', 'referred')).toBe('mediationEnded')
    // 调解结束 either way: a referral after a failure tells the village nothing new
    expect(publicStep('failed', 'referred')).toBeUndefined()
  })
})

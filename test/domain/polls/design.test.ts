import {
  assertDecidableByCommittee,
  checkPollDesign,
  defaultClosingTime,
  earliestClosingDate,
  type PollDesignInput,
} from '../../../domain/polls/design'
import { DomainError } from '../../../domain/shared/errors'
import type { Procedure, ProcedureStep } from '../../../types/model/matter'

// Dates are written by hand as Shanghai wall-clock times. CI also runs this file under
// TZ=Australia/Sydney: the DST cases below fall on that zone's clock changes in 2026
// (4 October 02:00 AEST → 03:00 AEDT = 2026-10-04T00:00+08:00; 5 April 03:00 AEDT → 02:00 AEST
// = 2026-04-05T00:00+08:00).
const sh = (local: string) => new Date(`${local}+08:00`)
const iso = (d: Date) => d.toISOString()

const TALK_DAYS = [4, 14, 24]

const step = (date: string): ProcedureStep => ({
  date,
  expected: 9,
  present: 8,
  result: '同意',
  note: '',
  by: 'm1',
  at: sh(`${date}T20:00:00`),
})

const FULL_PROCEDURE: Procedure = {
  proposal: step('2026-11-20'),
  consultation: step('2026-11-24'),
  review: step('2026-12-01'),
}

/** A lawful assembly poll opened on the 4 December talk day, closing on the 14th. */
const base: PollDesignInput = {
  body: 'assembly',
  kind: 'yesNo',
  openingAt: sh('2026-12-04T10:00:00'),
  closesAt: sh('2026-12-14T21:00:00'),
  talkDays: TALK_DAYS,
  noticeDays: 3,
  electorateSize: 600,
}

function refusal(input: PollDesignInput, code = 'POLL_DESIGN'): string {
  try {
    checkPollDesign(input)
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError)
    expect((e as DomainError).code).toBe(code)
    return (e as DomainError).message
  }
  throw new Error('not refused')
}

describe('defaultClosingTime: the assembly closes on the first talk day at least 10 days later', () => {
  const assembly = (opened: Date, days = TALK_DAYS) =>
    iso(defaultClosingTime('assembly', opened, days, 3))

  it('opened on one talk day, closes on the next, 21:00 Shanghai', () => {
    expect(assembly(sh('2026-12-04T10:00:00'))).toBe(iso(sh('2026-12-14T21:00:00')))
    expect(assembly(sh('2026-12-04T00:00:00'))).toBe(iso(sh('2026-12-14T21:00:00')))
    expect(assembly(sh('2026-12-04T23:59:59'))).toBe(iso(sh('2026-12-14T21:00:00')))
  })

  it('counts Shanghai dates: a minute later is the next day, and the next talk day is too close', () => {
    expect(assembly(sh('2026-12-03T23:59:59'))).toBe(iso(sh('2026-12-14T21:00:00')))
    // 2026-12-04T16:00Z is 00:00 on the 5th in Shanghai: the 14th is only 9 days away.
    expect(assembly(new Date('2026-12-04T16:00:00Z'))).toBe(iso(sh('2026-12-24T21:00:00')))
    expect(assembly(new Date('2026-12-04T15:59:59Z'))).toBe(iso(sh('2026-12-14T21:00:00')))
  })

  it('exactly 10 days is enough: 24 November → 4 December', () => {
    expect(assembly(sh('2026-11-24T09:00:00'))).toBe(iso(sh('2026-12-04T21:00:00')))
  })

  it('across a 31-day month, the year and February', () => {
    // 24 Dec + 10 = 3 Jan: the 4th is 11 days on.
    expect(assembly(sh('2026-12-24T20:00:00'))).toBe(iso(sh('2027-01-04T21:00:00')))
    // 24 Feb + 10 = 6 Mar (common year) and 5 Mar (2028, leap): 4 March is too close.
    expect(assembly(sh('2026-02-24T10:00:00'))).toBe(iso(sh('2026-03-14T21:00:00')))
    expect(assembly(sh('2028-02-24T10:00:00'))).toBe(iso(sh('2028-03-14T21:00:00')))
    expect(earliestClosingDate('assembly', sh('2026-02-24T10:00:00'), TALK_DAYS, 3)).toBe(
      '2026-03-14',
    )
  })

  it('follows the village talk days', () => {
    expect(assembly(sh('2026-12-01T10:00:00'), [1, 15])).toBe(iso(sh('2026-12-15T21:00:00')))
    expect(assembly(sh('2026-12-06T10:00:00'), [15, 1])).toBe(iso(sh('2027-01-01T21:00:00')))
  })
})

describe('defaultClosingTime: other bodies close noticeDays after opening, 21:00 Shanghai', () => {
  it('representatives, households and consult', () => {
    const opened = sh('2026-12-04T10:00:00')
    expect(iso(defaultClosingTime('representatives', opened, TALK_DAYS, 3))).toBe(
      iso(sh('2026-12-07T21:00:00')),
    )
    expect(iso(defaultClosingTime('households', opened, TALK_DAYS, 5))).toBe(
      iso(sh('2026-12-09T21:00:00')),
    )
    expect(iso(defaultClosingTime('consult', sh('2026-12-04T22:30:00'), TALK_DAYS, 1))).toBe(
      iso(sh('2026-12-05T21:00:00')),
    )
  })

  it('with no notice: the same evening, or the next one when opened after 21:00', () => {
    expect(iso(defaultClosingTime('consult', sh('2026-12-04T10:00:00'), TALK_DAYS, 0))).toBe(
      iso(sh('2026-12-04T21:00:00')),
    )
    expect(iso(defaultClosingTime('consult', sh('2026-12-04T21:00:00'), TALK_DAYS, 0))).toBe(
      iso(sh('2026-12-05T21:00:00')),
    )
  })
})

describe('closing times at Australia/Sydney daylight-saving changes', () => {
  it('October 2026 (DST starts in Sydney at 00:00 Shanghai on the 4th)', () => {
    // The very instant Sydney's clocks jump from 02:00 to 03:00.
    const jump = new Date('2026-10-03T16:00:00Z')
    expect(iso(jump)).toBe(iso(sh('2026-10-04T00:00:00')))
    expect(iso(defaultClosingTime('assembly', jump, TALK_DAYS, 3))).toBe(
      iso(sh('2026-10-14T21:00:00')),
    )
    expect(iso(defaultClosingTime('households', jump, TALK_DAYS, 3))).toBe(
      iso(sh('2026-10-07T21:00:00')),
    )
    const before = new Date('2026-10-03T15:59:59Z') // 23:59:59 on the 3rd in Shanghai
    expect(iso(defaultClosingTime('assembly', before, TALK_DAYS, 3))).toBe(
      iso(sh('2026-10-14T21:00:00')),
    )
    expect(iso(defaultClosingTime('consult', before, TALK_DAYS, 1))).toBe(
      iso(sh('2026-10-04T21:00:00')),
    )
  })

  it('April 2026 (DST ends in Sydney at 00:00 Shanghai on the 5th)', () => {
    const back = new Date('2026-04-04T16:00:00Z') // 00:00 on the 5th in Shanghai
    expect(iso(defaultClosingTime('assembly', back, TALK_DAYS, 3))).toBe(
      iso(sh('2026-04-24T21:00:00')),
    )
    const before = new Date('2026-04-04T15:30:00Z') // 23:30 on the 4th in Shanghai, a talk day
    expect(iso(defaultClosingTime('assembly', before, TALK_DAYS, 3))).toBe(
      iso(sh('2026-04-14T21:00:00')),
    )
    expect(iso(defaultClosingTime('representatives', before, TALK_DAYS, 3))).toBe(
      iso(sh('2026-04-07T21:00:00')),
    )
  })

  it('the notice check reads Shanghai dates there too', () => {
    const design = {
      ...base,
      openingAt: new Date('2026-04-04T15:30:00Z'),
      electorateSize: 10,
    }
    expect(() => checkPollDesign({ ...design, closesAt: sh('2026-04-14T00:00:00') })).not.toThrow()
    expect(refusal({ ...design, closesAt: sh('2026-04-13T23:59:59') })).toBe(
      '召集村民会议要提前 10 天通知村民（村民委员会组织法第二十一条）：这次投票最早在 4月14日（星期二）的说事日截止，4月13日 23:59 太早了。',
    )
  })
})

describe('checkPollDesign: the notice', () => {
  it('a lawful assembly poll passes', () => {
    expect(() => checkPollDesign(base)).not.toThrow()
    expect(() => checkPollDesign({ ...base, closesAt: sh('2026-12-24T21:00:00') })).not.toThrow()
    // On the earliest talk day any hour will do (the meeting's paper ballots close it).
    expect(() => checkPollDesign({ ...base, closesAt: sh('2026-12-14T00:00:00') })).not.toThrow()
  })

  it('an assembly poll closing before the next talk day 10 days on is refused', () => {
    expect(refusal({ ...base, closesAt: sh('2026-12-13T23:59:59') })).toBe(
      '召集村民会议要提前 10 天通知村民（村民委员会组织法第二十一条）：这次投票最早在 12月14日（星期一）的说事日截止，12月13日 23:59 太早了。',
    )
    expect(refusal({ ...base, closesAt: sh('2026-12-07T21:00:00') })).toContain(
      '最早在 12月14日（星期一）的说事日截止',
    )
  })

  it('other bodies: the village noticeDays', () => {
    const reps = { ...base, body: 'representatives' as const, electorateSize: 30 }
    expect(() => checkPollDesign({ ...reps, closesAt: sh('2026-12-07T00:00:00') })).not.toThrow()
    expect(refusal({ ...reps, closesAt: sh('2026-12-06T23:59:00') })).toBe(
      '投票要至少留出 3 天（本村的设置）：最早在 12月7日（星期一）截止，12月6日 23:59 太早了。',
    )
    expect(
      refusal({ ...reps, noticeDays: 5, body: 'consult', closesAt: sh('2026-12-08T21:00:00') }),
    ).toBe(
      '投票要至少留出 5 天（本村的设置）：最早在 12月9日（星期三）截止，12月8日 21:00 太早了。',
    )
  })

  it('a closing time not after the opening is refused, even with no notice', () => {
    const c = { ...base, body: 'consult' as const, noticeDays: 0 }
    expect(refusal({ ...c, closesAt: c.openingAt })).toBe('截止时间要晚于开始时间。')
    expect(refusal({ ...c, closesAt: sh('2026-12-04T09:00:00') })).toBe('截止时间要晚于开始时间。')
    expect(() => checkPollDesign({ ...c, closesAt: sh('2026-12-04T10:00:01') })).not.toThrow()
  })
})

describe('checkPollDesign: Art. 24 matters', () => {
  const art24 = { ...base, category: 'landCompensation' as const, procedure: FULL_PROCEDURE }

  it('with the 四议 steps recorded, the assembly and the households may decide them', () => {
    expect(() => checkPollDesign(art24)).not.toThrow()
    expect(() =>
      checkPollDesign({ ...art24, body: 'households', closesAt: sh('2026-12-07T21:00:00') }),
    ).not.toThrow()
  })

  it('never by a consult poll', () => {
    expect(refusal({ ...art24, body: 'consult', closesAt: sh('2026-12-07T21:00:00') })).toBe(
      '「征地补偿费使用和分配」是村民委员会组织法第二十四条第七项规定的事项，要由村民会议或经授权的村民代表会议投票决定，不能用民意征询决定。',
    )
  })

  it('by the representatives only with the assembly’s recorded delegation, dated before', () => {
    const reps = {
      ...art24,
      body: 'representatives' as const,
      closesAt: sh('2026-12-07T21:00:00'),
      electorateSize: 30,
    }
    expect(refusal(reps)).toBe(
      '「征地补偿费使用和分配」是村民委员会组织法第二十四条第七项规定的事项，村民会议还没有授权村民代表会议决定这类事项（授权要先记录在村务设置里），只能由村民会议投票决定。',
    )
    expect(() => checkPollDesign({ ...reps, delegation: { date: '2026-03-01' } })).not.toThrow()
    expect(() => checkPollDesign({ ...reps, delegation: { date: '2026-12-04' } })).not.toThrow()
    expect(refusal({ ...reps, delegation: { date: '2026-12-05' } })).toBe(
      '村民会议的授权日期 2026-12-05 晚于投票开始的日期 2026-12-04，授权要在投票之前。',
    )
  })

  it('refused while any of the 四议 steps is missing', () => {
    expect(refusal({ ...art24, procedure: undefined })).toBe(
      '「征地补偿费使用和分配」是村民委员会组织法第二十四条第七项规定的事项，投票前要先完成“四议”的前三步：还没有记录党支部会提议、两委会商议、党员大会审议。',
    )
    expect(
      refusal({
        ...art24,
        category: 'homestead',
        procedure: { proposal: FULL_PROCEDURE.proposal, consultation: FULL_PROCEDURE.consultation },
      }),
    ).toBe(
      '「宅基地使用方案」是村民委员会组织法第二十四条第六项规定的事项，投票前要先完成“四议”的前三步：还没有记录党员大会审议。',
    )
  })

  it('refused when the 四议 steps are out of order or after the opening', () => {
    expect(
      refusal({
        ...art24,
        procedure: { ...FULL_PROCEDURE, consultation: step('2026-11-19') },
      }),
    ).toBe('“四议”的顺序不对：两委会商议（2026-11-19）早于党支部会提议（2026-11-20）。')
    expect(
      refusal({ ...art24, procedure: { ...FULL_PROCEDURE, review: step('2026-12-05') } }),
    ).toBe('党员大会审议的日期 2026-12-05 晚于投票开始的日期 2026-12-04，“四议”要在投票之前。')
    // Several steps on one day, the last on the opening day, are in order.
    expect(() =>
      checkPollDesign({
        ...art24,
        procedure: {
          proposal: step('2026-12-04'),
          consultation: step('2026-12-04'),
          review: step('2026-12-04'),
        },
      }),
    ).not.toThrow()
  })

  it('other categories need neither delegation nor 四议, and may go to a consult', () => {
    for (const body of ['consult', 'representatives', 'households'] as const) {
      expect(() =>
        checkPollDesign({
          ...base,
          body,
          category: 'roadsUtilities',
          closesAt: sh('2026-12-07T21:00:00'),
        }),
      ).not.toThrow()
    }
    expect(() => checkPollDesign({ ...base, category: undefined })).not.toThrow()
  })
})

describe('assertDecidableByCommittee (recordDecision)', () => {
  it('refuses an Art. 24 matter, allows the others', () => {
    let message = ''
    try {
      assertDecidableByCommittee('collectiveProperty')
    } catch (e) {
      expect((e as DomainError).code).toBe('POLL_DESIGN')
      message = (e as DomainError).message
    }
    expect(message).toBe(
      '「处分村集体财产」是村民委员会组织法第二十四条第八项规定的事项，要由村民会议（或经村民会议授权的村民代表会议）投票决定，村委会不能直接记录决定。',
    )
    expect(() => assertDecidableByCommittee('environment')).not.toThrow()
    expect(() => assertDecidableByCommittee(undefined)).not.toThrow()
  })
})

describe('checkPollDesign: the electorate', () => {
  it('an empty electorate is refused', () => {
    expect(refusal({ ...base, electorateSize: 0 })).toBe(
      '选民名单是空的：名册上还没有 18 岁以上的村民，没有人可以投票，不能开始。',
    )
    expect(
      refusal({
        ...base,
        body: 'representatives',
        closesAt: sh('2026-12-07T21:00:00'),
        electorateSize: 0,
      }),
    ).toBe('选民名单是空的：名册上还没有村民代表，没有人可以投票，不能开始。')
    expect(() => checkPollDesign({ ...base, electorateSize: 1 })).not.toThrow()
  })

  it('the first broken rule is the one reported', () => {
    expect(
      refusal({
        ...base,
        body: 'consult',
        category: 'allowances',
        closesAt: base.openingAt,
        electorateSize: 0,
      }),
    ).toBe(
      '「误工补贴人员及标准」是村民委员会组织法第二十四条第一项规定的事项，要由村民会议或经授权的村民代表会议投票决定，不能用民意征询决定。',
    )
  })
})

describe('checkPollDesign: options', () => {
  const choice = (options: string[], maxSelections?: number) =>
    ({ ...base, kind: 'choice', options, maxSelections }) as PollDesignInput
  const labels = (n: number) => Array.from({ length: n }, (_, i) => `方案${i + 1}`)

  it('a yesNo poll takes no options (赞成 / 反对 / 弃权 always)', () => {
    expect(refusal({ ...base, options: ['赞成', '反对'] })).toBe(
      '赞成、反对、弃权的投票不另设选项。',
    )
    expect(refusal({ ...base, maxSelections: 2 })).toBe('赞成、反对、弃权的投票每人只能选一项。')
    expect(() => checkPollDesign({ ...base, options: [] })).not.toThrow()
  })

  it('a choice poll has 2 to 10 options', () => {
    expect(refusal(choice(labels(1)))).toBe('选择投票要有 2 到 10 个选项，现在有 1 个。')
    expect(refusal(choice([]))).toBe('选择投票要有 2 到 10 个选项，现在有 0 个。')
    expect(() => checkPollDesign(choice(labels(2)))).not.toThrow()
    expect(() => checkPollDesign(choice(labels(10)))).not.toThrow()
    expect(refusal(choice(labels(11)))).toBe('选择投票要有 2 到 10 个选项，现在有 11 个。')
    expect(refusal({ ...base, kind: 'choice' })).toBe('选择投票要有 2 到 10 个选项，现在有 0 个。')
  })

  it('1 ≤ maxSelections ≤ options (default 1)', () => {
    expect(() => checkPollDesign(choice(labels(3), 1))).not.toThrow()
    expect(() => checkPollDesign(choice(labels(3), 3))).not.toThrow()
    expect(refusal(choice(labels(3), 4))).toBe('每人最多可选的项数要在 1 到 3 之间，现在是 4。')
    expect(refusal(choice(labels(3), 0))).toBe('每人最多可选的项数要在 1 到 3 之间，现在是 0。')
  })

  it('options are neither empty nor repeated', () => {
    expect(refusal(choice(['修路', '  ']))).toBe('第 2 个选项是空的。')
    expect(refusal(choice(['修路', '修桥', ' 修路 ']))).toBe('选项「修路」重复了。')
  })
})

describe('checkPollDesign: a malformed draft', () => {
  it('answers INVALID_INPUT', () => {
    const bad = (patch: object) =>
      refusal({ ...base, ...patch } as PollDesignInput, 'INVALID_INPUT')
    bad({ body: 'everyone' })
    bad({ kind: 'ranked' })
    bad({ openingAt: new Date('nonsense') })
    bad({ closesAt: '2026-12-14' })
    bad({ noticeDays: -1 })
    bad({ noticeDays: 1.5 })
    bad({ electorateSize: -1 })
    bad({ kind: 'choice', options: ['a', 2] })
    bad({ kind: 'choice', options: ['a', 'b'], maxSelections: 1.5 })
    bad({ category: 'weather' })
    bad({ delegation: { date: '2026-13-01' } })
    bad({ category: 'homestead', procedure: { proposal: { date: '1 Dec' } } })
    expect(refusal({ ...base, talkDays: [] }, 'INVALID_TALK_DAYS')).toBe(
      '说事日设置有误：至少要有一天',
    )
  })
})

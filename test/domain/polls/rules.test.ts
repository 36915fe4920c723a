import {
  judgeChoice,
  judgeTally,
  LAW,
  RULE_VERSION,
  type ChoiceCounts,
  type TallyCounts,
} from '../../../domain/polls/rules'
import { DomainError } from '../../../domain/shared/errors'

// Every expected answer below is worked out by hand from the law's words (村民委员会组织法
// Art. 22, 26): 过半数 = strictly more than half, 三分之二以上 = two thirds or more.

/** A yesNo tally where everyone present who is not `yes` voted `no`. */
const yesOf = (c: Omit<TallyCounts, 'no' | 'abstain'> & Partial<TallyCounts>): TallyCounts => ({
  no: c.present - c.yes - (c.abstain ?? 0) - (c.spoiled ?? 0),
  abstain: 0,
  ...c,
})

const valid = (c: TallyCounts) => judgeTally(c).valid
const passed = (c: TallyCounts) => judgeTally(c).passed

function refused(f: () => unknown): DomainError {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError)
    expect((e as DomainError).code).toBe('INVALID_INPUT')
    return e as DomainError
  }
  throw new Error('not refused')
}

describe('the rule version', () => {
  it('names the text of the law every result is counted by', () => {
    expect(RULE_VERSION).toBe('村委会组织法-2018')
    expect(judgeTally(yesOf({ body: 'consult', present: 1, yes: 1 })).ruleVersion).toBe(
      '村委会组织法-2018',
    )
  })
})

describe('村民会议: valid with more than half of the adults (2·present > adults)', () => {
  const a = (adults: number, present: number) =>
    valid(yesOf({ body: 'assembly', adults, present, yes: 0 }))

  it('even adults (600): 299 and exactly half (300) are not enough, 301 is', () => {
    expect(a(600, 299)).toBe(false)
    expect(a(600, 300)).toBe(false)
    expect(a(600, 301)).toBe(true)
  })

  it('odd adults (601): 300 is not enough, 301 is (2·301 = 602 > 601)', () => {
    expect(a(601, 299)).toBe(false)
    expect(a(601, 300)).toBe(false)
    expect(a(601, 301)).toBe(true)
    expect(a(601, 302)).toBe(true)
  })

  it('small figures: 1 of 1, 1 of 2, 2 of 3', () => {
    expect(a(1, 1)).toBe(true)
    expect(a(2, 1)).toBe(false)
    expect(a(3, 2)).toBe(true)
    expect(a(3, 1)).toBe(false)
  })

  it('says so in the sentence of the issue', () => {
    const j = judgeTally({
      body: 'assembly',
      adults: 600,
      present: 312,
      yes: 201,
      no: 100,
      abstain: 11,
    })
    expect(j).toEqual({
      valid: true,
      passed: true,
      decides: true,
      ruleVersion: '村委会组织法-2018',
      sentence:
        '到会 312 人，超过全村 18 岁以上村民 600 人的一半，会议有效；赞成 201 票，超过到会人数的一半，决议通过。',
    })
  })

  it('exactly half is explained as not more than half', () => {
    const j = judgeTally(yesOf({ body: 'assembly', adults: 600, present: 300, yes: 200 }))
    expect(j.valid).toBe(false)
    expect(j.passed).toBe(false)
    expect(j.sentence).toBe(
      '到会 300 人，未超过全村 18 岁以上村民 600 人的一半（恰好一半，不算超过），会议无效，不能作出决议。',
    )
  })
})

describe('村民会议: or valid with two thirds or more of the households (3·hp ≥ 2·households)', () => {
  const h = (households: number, householdsPresent: number) =>
    valid(
      yesOf({
        body: 'assembly',
        adults: 100000,
        households,
        present: householdsPresent,
        householdsPresent,
        yes: 0,
      }),
    )

  it('households divisible by 3 (201): exactly two thirds (134) is enough, 133 is not', () => {
    expect(h(201, 133)).toBe(false)
    expect(h(201, 134)).toBe(true)
    expect(h(201, 135)).toBe(true)
  })

  it('households not divisible by 3 (200): 133 is not enough (399 < 400), 134 is', () => {
    expect(h(200, 133)).toBe(false)
    expect(h(200, 134)).toBe(true)
  })

  it('2 of 3 is two thirds: a peer storing 2/3 as 0.6667 would wrongly refuse it', () => {
    expect(h(3, 2)).toBe(true)
    expect(h(3, 1)).toBe(false)
    expect(h(30000, 20000)).toBe(true)
    expect(h(30000, 19999)).toBe(false)
  })

  it('is valid by either route, and says which', () => {
    const byHouseholds = judgeTally({
      body: 'assembly',
      adults: 600,
      households: 200,
      present: 250,
      householdsPresent: 140,
      yes: 126,
      no: 124,
      abstain: 0,
    })
    expect(byHouseholds.valid).toBe(true)
    expect(byHouseholds.passed).toBe(true)
    expect(byHouseholds.sentence).toBe(
      '到会 250 人，未超过全村 18 岁以上村民 600 人的一半；但到会村民来自 140 户，达到全村 200 户的三分之二，会议有效；赞成 126 票，超过到会人数的一半，决议通过。',
    )
    const byAdults = judgeTally(
      yesOf({
        body: 'assembly',
        adults: 600,
        households: 200,
        present: 301,
        householdsPresent: 100,
        yes: 150,
      }),
    )
    expect(byAdults.valid).toBe(true)
    expect(byAdults.sentence).toBe(
      '到会 301 人，超过全村 18 岁以上村民 600 人的一半，会议有效；赞成 150 票，未超过到会人数的一半，决议未通过。',
    )
    const neither = judgeTally(
      yesOf({
        body: 'assembly',
        adults: 600,
        households: 200,
        present: 300,
        householdsPresent: 133,
        yes: 300,
      }),
    )
    expect(neither.valid).toBe(false)
    expect(neither.passed).toBe(false)
    expect(neither.sentence).toBe(
      '到会 300 人，未超过全村 18 岁以上村民 600 人的一半（恰好一半，不算超过）；到会村民来自 133 户，未达到全村 200 户的三分之二，会议无效，不能作出决议。',
    )
  })

  it('with only the households given, the households route alone decides', () => {
    const c = { body: 'assembly' as const, households: 9, present: 10, yes: 10 }
    expect(valid(yesOf({ ...c, householdsPresent: 6 }))).toBe(true)
    expect(valid(yesOf({ ...c, householdsPresent: 5 }))).toBe(false)
  })
})

describe('a decision needs more than half of those present (2·yes > present)', () => {
  const p = (present: number, yes: number) =>
    passed(yesOf({ body: 'assembly', adults: present, present, yes }))

  it('even present (312): exactly half (156) fails, 155 fails, 157 passes', () => {
    expect(p(312, 155)).toBe(false)
    expect(p(312, 156)).toBe(false)
    expect(p(312, 157)).toBe(true)
  })

  it('odd present (311): 155 fails (310 < 311), 156 passes', () => {
    expect(p(311, 154)).toBe(false)
    expect(p(311, 155)).toBe(false)
    expect(p(311, 156)).toBe(true)
  })

  it('exactly half of yes is explained', () => {
    expect(
      judgeTally({ body: 'assembly', adults: 600, present: 312, yes: 156, no: 156, abstain: 0 })
        .sentence,
    ).toBe(
      '到会 312 人，超过全村 18 岁以上村民 600 人的一半，会议有效；赞成 156 票，未超过到会人数的一半（恰好一半，不算超过），决议未通过。',
    )
  })

  it('abstentions count as present, never as yes', () => {
    const c = { body: 'assembly' as const, adults: 12, present: 10, no: 0 }
    expect(passed({ ...c, yes: 5, abstain: 5 })).toBe(false)
    expect(passed({ ...c, yes: 6, abstain: 4 })).toBe(true)
    // Not counting abstentions as present would make 5 of 5 "decisive".
    expect(passed({ ...c, yes: 5, no: 0, abstain: 5 })).toBe(false)
  })

  it('废票 count as present, never as yes', () => {
    const c = { body: 'assembly' as const, adults: 12, present: 10, abstain: 0 }
    expect(passed({ ...c, yes: 5, no: 4, spoiled: 1 })).toBe(false)
    expect(passed({ ...c, yes: 6, no: 3, spoiled: 1 })).toBe(true)
    expect(passed({ ...c, yes: 5, no: 0, spoiled: 5 })).toBe(false)
  })

  it('everyone abstaining: valid, not passed', () => {
    const j = judgeTally({
      body: 'assembly',
      adults: 600,
      present: 400,
      yes: 0,
      no: 0,
      abstain: 400,
    })
    expect(j.valid).toBe(true)
    expect(j.passed).toBe(false)
    expect(j.sentence).toBe(
      '到会 400 人，超过全村 18 岁以上村民 600 人的一半，会议有效；赞成 0 票，未超过到会人数的一半，决议未通过。',
    )
  })

  it('a majority of yes does not pass without the quorum', () => {
    const j = judgeTally({
      body: 'assembly',
      adults: 600,
      present: 200,
      yes: 200,
      no: 0,
      abstain: 0,
    })
    expect(j.valid).toBe(false)
    expect(j.passed).toBe(false)
    expect(j.decides).toBe(true)
  })
})

describe('nobody present', () => {
  it('is not valid and decides nothing, for every body', () => {
    const zero = { present: 0, yes: 0, no: 0, abstain: 0 }
    expect(judgeTally({ body: 'assembly', adults: 600, ...zero })).toEqual({
      valid: false,
      passed: false,
      decides: true,
      ruleVersion: '村委会组织法-2018',
      sentence: '没有人投票，会议无效，不能作出决议。',
    })
    expect(judgeTally({ body: 'representatives', representatives: 30, ...zero }).sentence).toBe(
      '没有人投票，会议无效，不能作出决议。',
    )
    expect(
      judgeTally({ body: 'households', households: 200, householdsPresent: 0, ...zero }).sentence,
    ).toBe('没有人投票，投票无效，不能作出决议。')
    expect(judgeTally({ body: 'consult', ...zero })).toEqual({
      valid: false,
      passed: false,
      decides: false,
      ruleVersion: '村委会组织法-2018',
      sentence: '没有人参加征询，没有结果。',
    })
  })
})

describe('村民代表会议: valid with two thirds or more of the representatives (3·present ≥ 2·reps)', () => {
  const r = (representatives: number, present: number) =>
    valid(yesOf({ body: 'representatives', representatives, present, yes: 0 }))

  it('30 representatives: exactly two thirds (20) is enough, 19 is not, 21 is', () => {
    expect(r(30, 19)).toBe(false)
    expect(r(30, 20)).toBe(true)
    expect(r(30, 21)).toBe(true)
  })

  it('31 representatives: 20 is not enough (60 < 62), 21 is', () => {
    expect(r(31, 20)).toBe(false)
    expect(r(31, 21)).toBe(true)
  })

  it('2 of 3, 1 of 2, 2 of 2', () => {
    expect(r(3, 2)).toBe(true)
    expect(r(2, 1)).toBe(false)
    expect(r(2, 2)).toBe(true)
  })

  it('passes with more than half of those present, and says so', () => {
    const c = { body: 'representatives' as const, representatives: 30, present: 20, abstain: 0 }
    expect(judgeTally({ ...c, yes: 10, no: 10 })).toMatchObject({
      valid: true,
      passed: false,
      sentence:
        '到会代表 20 人，达到全体村民代表 30 人的三分之二，会议有效；赞成 10 票，未超过到会人数的一半（恰好一半，不算超过），决议未通过。',
    })
    expect(judgeTally({ ...c, yes: 11, no: 9 })).toMatchObject({
      valid: true,
      passed: true,
      sentence:
        '到会代表 20 人，达到全体村民代表 30 人的三分之二，会议有效；赞成 11 票，超过到会人数的一半，决议通过。',
    })
    expect(judgeTally({ ...c, present: 19, yes: 19, no: 0 })).toMatchObject({
      valid: false,
      passed: false,
      sentence: '到会代表 19 人，未达到全体村民代表 30 人的三分之二，会议无效，不能作出决议。',
    })
  })
})

describe('户代表投票: valid with two thirds of the households, passes with more than half of them', () => {
  const hh = (households: number, n: number, yes: number) =>
    judgeTally(yesOf({ body: 'households', households, present: n, householdsPresent: n, yes }))

  it('quorum by householdsPresent: 134 of 201 (exactly two thirds) yes, 133 no', () => {
    expect(hh(201, 134, 0).valid).toBe(true)
    expect(hh(201, 133, 0).valid).toBe(false)
    expect(hh(200, 133, 0).valid).toBe(false)
    expect(hh(200, 134, 0).valid).toBe(true)
  })

  it('passes with 2·yes > householdsPresent: 67 of 134 fails, 68 passes; odd 135: 67 fails, 68 passes', () => {
    expect(hh(200, 134, 67).passed).toBe(false)
    expect(hh(200, 134, 68).passed).toBe(true)
    expect(hh(200, 135, 67).passed).toBe(false)
    expect(hh(200, 135, 68).passed).toBe(true)
  })

  it('says so', () => {
    expect(hh(200, 140, 71).sentence).toBe(
      '参加投票 140 户，达到全村 200 户的三分之二，投票有效；赞成 71 票，超过参加投票户数的一半，决议通过。',
    )
  })
})

describe('民意征询 (consult): advisory, no quorum, decides nothing', () => {
  it('any participation is counted; the majority is advisory', () => {
    const j = judgeTally({ body: 'consult', present: 3, yes: 2, no: 1, abstain: 0 })
    expect(j).toEqual({
      valid: true,
      passed: true,
      decides: false,
      ruleVersion: '村委会组织法-2018',
      sentence: '参加征询 3 人；赞成 2 票，超过参加人数的一半；民意征询只供参考，不作决定。',
    })
    const half = judgeTally({ body: 'consult', present: 4, yes: 2, no: 0, abstain: 2 })
    expect(half.passed).toBe(false)
    expect(half.decides).toBe(false)
    expect(half.sentence).toBe(
      '参加征询 4 人；赞成 2 票，未超过参加人数的一半（恰好一半，不算超过）；民意征询只供参考，不作决定。',
    )
  })

  it('takes no quorum fields', () => {
    expect(LAW.consult.quorum).toEqual([])
    expect(LAW.consult.decides).toBe(false)
  })
})

describe('malformed counts are refused, with a plain reason', () => {
  it('figures that do not add up', () => {
    const e = refused(() =>
      judgeTally({ body: 'assembly', adults: 600, present: 312, yes: 201, no: 100, abstain: 10 }),
    )
    expect(e.message).toBe(
      '计票数字有误：赞成 201、反对 100、弃权 10、废票 0 合计 311，不等于到会人数 312',
    )
  })

  it('negative, fractional or missing figures', () => {
    refused(() => judgeTally({ body: 'consult', present: -1, yes: 0, no: 0, abstain: 0 }))
    refused(() => judgeTally({ body: 'consult', present: 1.5, yes: 1.5, no: 0, abstain: 0 }))
    refused(() => judgeTally({ body: 'consult', present: NaN, yes: 0, no: 0, abstain: 0 }))
    refused(() => judgeTally({ body: 'assembly', present: 1, yes: 1, no: 0, abstain: 0 }))
    refused(() => judgeTally({ body: 'representatives', present: 1, yes: 1, no: 0, abstain: 0 }))
    refused(() =>
      judgeTally({ body: 'households', households: 3, present: 1, yes: 1, no: 0, abstain: 0 }),
    )
    refused(() =>
      judgeTally({ body: 'assembly', households: 3, present: 1, yes: 1, no: 0, abstain: 0 }),
    )
    refused(() => judgeTally({ body: 'nobody' as never, present: 1, yes: 1, no: 0, abstain: 0 }))
  })

  it('more present than the whole, more households than people, one vote per household', () => {
    expect(
      refused(() => judgeTally(yesOf({ body: 'assembly', adults: 10, present: 11, yes: 0 })))
        .message,
    ).toBe('计票数字有误：到会人数 11 多于全村 18 岁以上村民人数 10')
    refused(() =>
      judgeTally(yesOf({ body: 'assembly', adults: 10, present: 2, householdsPresent: 3, yes: 0 })),
    )
    refused(() =>
      judgeTally(
        yesOf({ body: 'households', households: 10, present: 5, householdsPresent: 4, yes: 0 }),
      ),
    )
  })
})

describe('choice polls: decided only if the leading option has 2·votes > present', () => {
  const options = (...votes: number[]) =>
    votes.map((v, i) => ({ id: `o${i + 1}`, label: ['修路', '修桥', '建广场'][i], votes: v }))
  const choice = (present: number, votes: number[], extra: Partial<ChoiceCounts> = {}) =>
    judgeChoice({ body: 'assembly', adults: 600, present, options: options(...votes), ...extra })

  it('decided: one option alone over half', () => {
    expect(choice(312, [157, 100, 55])).toEqual({
      valid: true,
      decided: true,
      decides: true,
      winner: 'o1',
      tie: [],
      ruleVersion: '村委会组织法-2018',
      sentence:
        '到会 312 人，超过全村 18 岁以上村民 600 人的一半，会议有效；「修路」得 157 票，超过到会人数的一半，选定「修路」。',
    })
  })

  it('exactly half is not decided; odd present 311: 155 not, 156 yes', () => {
    const half = choice(312, [156, 100, 56])
    expect(half.decided).toBe(false)
    expect(half.winner).toBeUndefined()
    expect(half.tie).toEqual([])
    expect(half.sentence).toBe(
      '到会 312 人，超过全村 18 岁以上村民 600 人的一半，会议有效；得票最多的「修路」得 156 票，未超过到会人数的一半（恰好一半，不算超过），未能选定。',
    )
    expect(choice(311, [155, 100, 56]).decided).toBe(false)
    expect(choice(311, [156, 100, 55]).decided).toBe(true)
    expect(choice(312, [155, 100, 57]).decided).toBe(false)
  })

  it('nobody over half', () => {
    const j = choice(310, [120, 110, 80])
    expect(j).toMatchObject({ valid: true, decided: false, tie: [] })
    expect(j.sentence).toBe(
      '到会 310 人，超过全村 18 岁以上村民 600 人的一半，会议有效；得票最多的「修路」得 120 票，未超过到会人数的一半，未能选定。',
    )
  })

  it('a tie for first place is reported as a tie', () => {
    const j = choice(310, [120, 120, 70])
    expect(j).toMatchObject({ valid: true, decided: false, tie: ['o1', 'o2'] })
    expect(j.winner).toBeUndefined()
    expect(j.sentence).toBe(
      '到会 310 人，超过全村 18 岁以上村民 600 人的一半，会议有效；「修路」和「修桥」各得 120 票，并列第一，未能选定。',
    )
    expect(choice(330, [110, 110, 110]).tie).toEqual(['o1', 'o2', 'o3'])
    expect(choice(330, [110, 110, 110]).sentence).toContain(
      '「修路」、「修桥」和「建广场」各得 110 票',
    )
  })

  it('a tie of two options both over half (several selections allowed) decides nothing', () => {
    const j = choice(310, [200, 200, 10])
    expect(j).toMatchObject({ decided: false, tie: ['o1', 'o2'] })
    expect(j.winner).toBeUndefined()
  })

  it('everyone spoiled: no option got a vote, no tie reported', () => {
    const j = choice(310, [0, 0, 0], { spoiled: 310 })
    expect(j).toMatchObject({ valid: true, decided: false, tie: [] })
    expect(j.sentence).toBe(
      '到会 310 人，超过全村 18 岁以上村民 600 人的一半，会议有效；没有选项得票，未能选定。',
    )
  })

  it('spoiled ballots count as present: 5 of 10 with 5 spoiled is not decided', () => {
    expect(choice(10, [5, 0], { adults: 12, spoiled: 5 }).decided).toBe(false)
    expect(choice(10, [6, 0], { adults: 12, spoiled: 4 }).decided).toBe(true)
  })

  it('not valid without the quorum, even with every vote for one option', () => {
    const j = choice(300, [300, 0, 0])
    expect(j).toMatchObject({ valid: false, decided: false, tie: [] })
    expect(j.winner).toBeUndefined()
    expect(j.sentence).toBe(
      '到会 300 人，未超过全村 18 岁以上村民 600 人的一半（恰好一半，不算超过），会议无效，不能作出决定。',
    )
  })

  it('nobody present', () => {
    expect(choice(0, [0, 0, 0])).toMatchObject({
      valid: false,
      decided: false,
      tie: [],
      sentence: '没有人投票，会议无效，不能作出决议。',
    })
  })

  it('representatives and households bodies count their own way', () => {
    const reps = { body: 'representatives' as const, representatives: 30 }
    expect(judgeChoice({ ...reps, present: 20, options: options(11, 9) }).decided).toBe(true)
    expect(judgeChoice({ ...reps, present: 20, options: options(10, 10) }).tie).toEqual([
      'o1',
      'o2',
    ])
    expect(judgeChoice({ ...reps, present: 19, options: options(19, 0) }).valid).toBe(false)
    const hh = { body: 'households' as const, households: 200 }
    expect(
      judgeChoice({ ...hh, present: 134, householdsPresent: 134, options: options(68, 66) })
        .decided,
    ).toBe(true)
    expect(
      judgeChoice({ ...hh, present: 134, householdsPresent: 134, options: options(67, 67) }).tie,
    ).toEqual(['o1', 'o2'])
    expect(
      judgeChoice({ ...hh, present: 133, householdsPresent: 133, options: options(100, 33) }).valid,
    ).toBe(false)
  })

  it('consult: advisory leader, decides nothing', () => {
    const j = judgeChoice({ body: 'consult', present: 5, options: options(3, 2) })
    expect(j).toEqual({
      valid: true,
      decided: false,
      decides: false,
      winner: 'o1',
      tie: [],
      ruleVersion: '村委会组织法-2018',
      sentence: '参加征询 5 人；「修路」得 3 票，超过参加人数的一半；民意征询只供参考，不作决定。',
    })
    expect(judgeChoice({ body: 'consult', present: 4, options: options(2, 2) }).sentence).toBe(
      '参加征询 4 人；「修路」和「修桥」各得 2 票，并列第一；民意征询只供参考，不作决定。',
    )
  })

  it('refuses malformed options', () => {
    refused(() => judgeChoice({ body: 'consult', present: 1, options: [] }))
    refused(() => judgeChoice({ body: 'consult', present: 1, options: options(2, 0) }))
    refused(() =>
      judgeChoice({
        body: 'consult',
        present: 1,
        options: [
          { id: 'o1', label: 'a', votes: 1 },
          { id: 'o1', label: 'b', votes: 0 },
        ],
      }),
    )
    refused(() => judgeChoice({ body: 'consult', present: 1, options: options(-1, 0) }))
  })
})

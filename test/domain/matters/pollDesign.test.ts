import {
  designInput,
  designRefusal,
  electorateEstimate,
  type DesignContext,
  type DraftDesign,
} from '../../../domain/matters/pollDesign'

const at = (local: string) => new Date(`${local}+08:00`)
// Saturday 21 November 2026, 09:00 Shanghai; talk days 4, 14, 24.
const NOW = at('2026-11-21T09:00:00')
const COUNTS = { adults: 40, households: 15, representatives: 7 }

const village = (more: Partial<DesignContext['village']['settings']> = {}) => ({
  talkDays: [4, 14, 24],
  counts: COUNTS,
  settings: { pollNoticeDays: 3, ...more },
})

const ART24: DesignContext = {
  village: village(),
  matter: { category: 'collectiveEnterprise', procedure: [] },
}
const FOUR_STEPS = [
  { step: 'proposal' as const, date: '2026-11-10' },
  { step: 'consultation' as const, date: '2026-11-12' },
  { step: 'review' as const, date: '2026-11-15' },
]
const PLAIN: DesignContext = {
  village: village(),
  matter: { category: 'neighbourhood', procedure: [] },
}

const draft = (more: Partial<DraftDesign> = {}): DraftDesign => ({
  body: 'consult',
  kind: 'yesNo',
  options: [],
  maxSelections: 1,
  closesAt: at('2026-12-04T21:00:00'),
  ...more,
})

describe('the poll draft screen’s live design check', () => {
  it('refuses a 民意征询 on an Art. 24 matter, in words', () => {
    expect(designRefusal(ART24, draft(), NOW)).toBe(
      '「集体经济项目立项和承包」是村民委员会组织法第二十四条第五项规定的事项，要由村民会议或经授权的村民代表会议投票决定，不能用民意征询决定。',
    )
  })

  it('refuses the assembly before the 四议 steps are recorded', () => {
    expect(designRefusal(ART24, draft({ body: 'assembly' }), NOW)).toBe(
      '「集体经济项目立项和承包」是村民委员会组织法第二十四条第五项规定的事项，投票前要先完成“四议”的前三步：还没有记录党支部会提议、两委会商议、党员大会审议。',
    )
  })

  it('passes the assembly once the steps are recorded, closing on the talk day 10 days on', () => {
    const ctx = { ...ART24, matter: { ...ART24.matter, procedure: FOUR_STEPS } }
    expect(designRefusal(ctx, draft({ body: 'assembly' }), NOW)).toBeUndefined()
    expect(
      designRefusal(ctx, draft({ body: 'assembly', closesAt: at('2026-11-24T21:00:00') }), NOW),
    ).toBe(
      '召开村民会议要提前 10 天通知村民（村民委员会组织法第二十一条）：这次投票最早在 12月4日（星期五）的说事日截止，11月24日 21:00 太早了。',
    )
  })

  it('refuses the representatives on an Art. 24 matter without the assembly’s delegation', () => {
    const ctx = { ...ART24, matter: { ...ART24.matter, procedure: FOUR_STEPS } }
    expect(designRefusal(ctx, draft({ body: 'representatives' }), NOW)).toBe(
      '「集体经济项目立项和承包」是村民委员会组织法第二十四条第五项规定的事项，村民会议还没有授权村民代表会议决定这类事项（授权要先记录在村务设置里），只能由村民会议投票决定。',
    )
    const delegated = {
      ...ctx,
      village: village({ delegation: { date: '2026-10-01', note: '全部第二十四条事项' } }),
    }
    expect(designRefusal(delegated, draft({ body: 'representatives' }), NOW)).toBeUndefined()
  })

  it('holds a consultation on a plain matter to the village’s notice days', () => {
    expect(
      designRefusal(PLAIN, draft({ closesAt: at('2026-11-24T21:00:00') }), NOW),
    ).toBeUndefined()
    expect(designRefusal(PLAIN, draft({ closesAt: at('2026-11-23T21:00:00') }), NOW)).toBe(
      '投票要至少留出 3 天（本村的设置）：最早在 11月24日（星期二）截止，11月23日 21:00 太早了。',
    )
  })

  it('refuses a choice poll with one option, and an empty electorate', () => {
    expect(designRefusal(PLAIN, draft({ kind: 'choice', options: ['甲'] }), NOW)).toBe(
      '选择投票要有 2 到 10 个选项，现在有 1 个。',
    )
    const none = { ...PLAIN, village: { ...village(), counts: { ...COUNTS, representatives: 0 } } }
    expect(designRefusal(none, draft({ body: 'representatives' }), NOW)).toBe(
      '选民名单是空的：名册上还没有村民代表，没有人可以投票，不能开始。',
    )
  })

  it('counts the electorate as the opening freezes it', () => {
    expect(electorateEstimate('assembly', COUNTS)).toBe(40)
    expect(electorateEstimate('consult', COUNTS)).toBe(40)
    expect(electorateEstimate('representatives', COUNTS)).toBe(7)
    expect(electorateEstimate('households', COUNTS)).toBe(15)
  })

  it('gives a yes/no poll no options, and a choice poll its own', () => {
    expect(designInput(PLAIN, draft({ options: ['x'] }), NOW).options).toBeUndefined()
    const choice = designInput(
      PLAIN,
      draft({ kind: 'choice', options: ['甲', '乙'], maxSelections: 2 }),
      NOW,
    )
    expect([choice.options, choice.maxSelections]).toEqual([['甲', '乙'], 2])
  })
})

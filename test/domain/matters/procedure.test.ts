import type { Matter, Procedure } from '../../../types/model/matter'
import {
  checkCategoryChange,
  checkProcedureStep,
  stepNote,
} from '../../../domain/matters/procedure'

const TODAY = '2026-11-21'
const at = new Date('2026-11-10T02:00:00Z')
const step = (date: string) => ({
  date,
  expected: 7,
  present: 6,
  result: '同意',
  note: '',
  by: 'c',
  at,
})

function refusal(f: () => void): [string, string] {
  try {
    f()
  } catch (e) {
    return [(e as { code: string }).code, (e as Error).message]
  }
  return ['none', '']
}

const matter = (over: Partial<Matter> = {}) =>
  ({ status: 'discussing', category: 'homestead', ...over }) as Pick<
    Matter,
    'procedure' | 'pollOpenedAt' | 'status' | 'category'
  >

describe('checkProcedureStep', () => {
  const input = (s: 'proposal' | 'consultation' | 'review', date: string, present = 6) => ({
    step: s,
    date,
    expected: 7,
    present,
  })

  it('takes the steps in order, on or after the step before', () => {
    expect(
      refusal(() => checkProcedureStep(matter(), input('proposal', '2026-11-10'), TODAY)),
    ).toEqual(['none', ''])
    const procedure: Procedure = { proposal: step('2026-11-10') }
    expect(
      refusal(() =>
        checkProcedureStep(matter({ procedure }), input('consultation', '2026-11-10'), TODAY),
      ),
    ).toEqual(['none', ''])
    expect(
      refusal(() =>
        checkProcedureStep(matter({ procedure }), input('review', '2026-11-12'), TODAY),
      ),
    ).toEqual(['CONFLICT', '请先记录“两委会商议”。'])
    expect(
      refusal(() =>
        checkProcedureStep(matter({ procedure }), input('consultation', '2026-11-09'), TODAY),
      ),
    ).toEqual(['INVALID_INPUT', '两委会商议的日期不能早于党支部会提议（2026-11-10）。'])
  })

  it('a correction may not move a step past the one after it', () => {
    const procedure: Procedure = { proposal: step('2026-11-10'), consultation: step('2026-11-12') }
    expect(
      refusal(() =>
        checkProcedureStep(matter({ procedure }), input('proposal', '2026-11-13'), TODAY),
      ),
    ).toEqual(['INVALID_INPUT', '党支部会提议的日期不能晚于两委会商议（2026-11-12）。'])
    expect(
      refusal(() =>
        checkProcedureStep(matter({ procedure }), input('proposal', '2026-11-12'), TODAY),
      ),
    ).toEqual(['none', ''])
  })

  it('refuses a date after today, more present than expected, a poll opened, a matter not under Art. 24', () => {
    expect(
      refusal(() => checkProcedureStep(matter(), input('proposal', '2026-11-22'), TODAY)),
    ).toEqual(['INVALID_INPUT', '党支部会提议的日期不能晚于今天（2026-11-21）。'])
    expect(refusal(() => checkProcedureStep(matter(), input('proposal', TODAY, 8), TODAY))).toEqual(
      ['INVALID_INPUT', '党支部会提议的实到人数不能多于应到人数。'],
    )
    expect(refusal(() => checkProcedureStep(matter(), input('proposal', TODAY, 7), TODAY))).toEqual(
      ['none', ''],
    )
    expect(
      refusal(() =>
        checkProcedureStep(matter({ pollOpenedAt: at }), input('proposal', TODAY), TODAY),
      ),
    ).toEqual(['CONFLICT', '这件事已经开始表决，四议的步骤应当在表决之前记录。'])
    expect(
      refusal(() =>
        checkProcedureStep(matter({ category: 'environment' }), input('proposal', TODAY), TODAY),
      )[0],
    ).toBe('CONFLICT')
    expect(
      refusal(() =>
        checkProcedureStep(matter({ category: undefined }), input('proposal', TODAY), TODAY),
      )[0],
    ).toBe('CONFLICT')
  })

  it('reads as a timeline note', () => {
    expect(stepNote({ ...input('review', '2026-11-15'), result: '通过', note: '党员 30 人' })).toBe(
      '党员大会审议（2026-11-15）：应到 7 人，实到 6 人；结果：通过；党员 30 人',
    )
  })
})

describe('checkCategoryChange', () => {
  it('refuses after a poll opened, before acceptance, after the end, and to the same category', () => {
    const m = (over: Partial<Matter>) => ({
      status: 'accepted' as const,
      category: 'other' as const,
      ...over,
    })
    expect(refusal(() => checkCategoryChange(m({}), 'homestead'))).toEqual(['none', ''])
    expect(refusal(() => checkCategoryChange(m({ pollOpenedAt: at }), 'homestead'))).toEqual([
      'CONFLICT',
      '这件事已经开始表决，类别不能再改。',
    ])
    expect(refusal(() => checkCategoryChange(m({ status: 'raised' }), 'homestead'))[0]).toBe(
      'CONFLICT',
    )
    expect(refusal(() => checkCategoryChange(m({ status: 'closed' }), 'homestead'))[0]).toBe(
      'CONFLICT',
    )
    expect(refusal(() => checkCategoryChange(m({}), 'other'))).toEqual([
      'CONFLICT',
      '这件事的类别已经是“其他”了。',
    ])
  })
})

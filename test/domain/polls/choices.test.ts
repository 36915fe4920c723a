import {
  countChoices,
  encodeSelection,
  isBallotChoice,
  optionId,
  optionNumber,
} from '../../../domain/polls/choices'
import { refusal } from '../../support/refusal'

describe('isBallotChoice', () => {
  it('yes/no/abstain, ascending option ids o1 … o10, spoiled on paper only', () => {
    for (const c of ['yes', 'no', 'abstain', 'o1', 'o10', 'o1+o3', 'o2+o9+o10']) {
      expect(isBallotChoice(c)).toBe(true)
    }
    for (const c of ['', 'YES', 'o0', 'o11', 'o01', 'o3+o1', 'o1+o1', 'o1+', '+o1', 'spoiled']) {
      expect(isBallotChoice(c)).toBe(false)
    }
    expect(isBallotChoice('spoiled', true)).toBe(true)
  })

  it('of one poll: its kind, its options and its most selections', () => {
    const yesNo = { kind: 'yesNo' as const }
    expect(isBallotChoice('abstain', false, yesNo)).toBe(true)
    expect(isBallotChoice('o1', false, yesNo)).toBe(false)
    const three = { kind: 'choice' as const, options: 3, maxSelections: 2 }
    expect(isBallotChoice('o3', false, three)).toBe(true)
    expect(isBallotChoice('o1+o3', false, three)).toBe(true)
    expect(isBallotChoice('o1+o2+o3', false, three)).toBe(false)
    expect(isBallotChoice('o4', false, three)).toBe(false)
    expect(isBallotChoice('yes', false, three)).toBe(false)
    expect(isBallotChoice('o1+o2', false, { kind: 'choice', options: 3 })).toBe(false)
    expect(isBallotChoice('spoiled', true, three)).toBe(true)
    expect(isBallotChoice('spoiled', false, three)).toBe(false)
  })
})

describe('option ids and selections', () => {
  it('o1 … o10', () => {
    expect(optionId(1)).toBe('o1')
    expect(optionId(10)).toBe('o10')
    expect(optionNumber('o10')).toBe(10)
    expect(optionNumber('o11')).toBeUndefined()
  })

  it('encodes a selection ascending by number, not by text', () => {
    expect(encodeSelection(['o10', 'o2', 'o1'])).toBe('o1+o2+o10')
    expect(encodeSelection(['o3'])).toBe('o3')
    expect(refusal(() => encodeSelection([]), 'INVALID_CHOICE')).toBe('请至少选一项')
    expect(refusal(() => encodeSelection(['o1', 'o1']), 'INVALID_CHOICE')).toBe(
      '同一个选项只能选一次',
    )
    expect(refusal(() => encodeSelection(['o1', 'x']), 'INVALID_CHOICE')).toBe('没有“x”这个选项')
  })
})

describe('countChoices', () => {
  it('yesNo: online and paper together, 废票 counted as present', () => {
    expect(
      countChoices([
        { choice: 'yes', count: 120 },
        { choice: 'no', count: 40 },
        { choice: 'yes', count: 12 },
        { choice: 'spoiled', count: 3 },
      ]),
    ).toEqual({ kind: 'yesNo', present: 175, counts: { yes: 132, no: 40, abstain: 0, spoiled: 3 } })
  })

  it('choice: a ballot counts for each option it selects; options in order o1, o2 … o10', () => {
    expect(
      countChoices([
        { choice: 'o2+o10', count: 5 },
        { choice: 'o1', count: 7 },
        { choice: 'o1+o2', count: 2 },
        { choice: 'spoiled', count: 1 },
      ]),
    ).toEqual({ kind: 'choice', present: 15, counts: { o1: 9, o2: 7, o10: 5, spoiled: 1 } })
  })

  it('nothing at all, or only 废票', () => {
    expect(countChoices([])).toEqual({
      kind: 'yesNo',
      present: 0,
      counts: { yes: 0, no: 0, abstain: 0, spoiled: 0 },
    })
    expect(countChoices([{ choice: 'spoiled', count: 2 }]).present).toBe(2)
  })

  it('refuses a mixed list, an unknown choice, a bad count', () => {
    refusal(() =>
      countChoices([
        { choice: 'yes', count: 1 },
        { choice: 'o1', count: 1 },
      ]),
    )
    refusal(() => countChoices([{ choice: 'maybe', count: 1 }]))
    refusal(() => countChoices([{ choice: 'yes', count: -1 }]))
    refusal(() => countChoices([{ choice: 'yes', count: 0.5 }]))
  })
})

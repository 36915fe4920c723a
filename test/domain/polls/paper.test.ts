/** A paper box's counts as entered and confirmed (domain/polls/paper.ts), with hand-written answers. */
import { paperBox, sameBox } from '../../../domain/polls/paper'
import { DomainError } from '../../../domain/shared/errors'

const YES_NO = { kind: 'yesNo' as const }
const CHOICE = {
  kind: 'choice' as const,
  options: [
    { id: 'o1', label: '村口' },
    { id: 'o2', label: '学校' },
    { id: 'o3', label: '祠堂' },
  ],
  maxSelections: 2,
}

function refusal(f: () => unknown): { code: string; message: string } {
  try {
    f()
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message }
    throw e
  }
  throw new Error('not refused')
}

describe('paperBox', () => {
  it('keeps the lines above zero, sorted, with 废票, when they add up', () => {
    expect(
      paperBox(
        YES_NO,
        [
          { choice: 'yes', count: 3 },
          { choice: 'abstain', count: 0 },
          { choice: 'spoiled', count: 1 },
          { choice: 'no', count: 2 },
        ],
        6,
      ),
    ).toEqual({
      lines: [
        { choice: 'no', count: 2 },
        { choice: 'spoiled', count: 1 },
        { choice: 'yes', count: 3 },
      ],
      total: 6,
    })
  })

  it('encodes choice-poll selections as ballots store them (o1+o3)', () => {
    expect(
      paperBox(
        CHOICE,
        [
          { choice: ['o3', 'o1'], count: 2 },
          { choice: 'o2', count: 1 },
        ],
        3,
      ).lines,
    ).toEqual([
      { choice: 'o1+o3', count: 2 },
      { choice: 'o2', count: 1 },
    ])
  })

  it('refuses a total one above or one below the persons ticked off', () => {
    for (const [count, ticked] of [
      [4, 5],
      [6, 5],
      [0, 1],
    ]) {
      expect(refusal(() => paperBox(YES_NO, [{ choice: 'yes', count }], ticked))).toEqual({
        code: 'PAPER_MISMATCH',
        message: `票箱里的票一共 ${count} 张（含废票），登记现场投票的是 ${ticked} 人，对不上，请重新清点。`,
      })
    }
  })

  it('refuses a choice given twice (also written two ways) and a choice the poll lacks', () => {
    expect(
      refusal(() =>
        paperBox(
          CHOICE,
          [
            { choice: 'o1+o3', count: 1 },
            { choice: ['o3', 'o1'], count: 1 },
          ],
          2,
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '同一个选择填了两次，请每项只填一行。' })
    expect(refusal(() => paperBox(YES_NO, [{ choice: 'maybe', count: 1 }], 1)).code).toBe(
      'INVALID_CHOICE',
    )
    expect(refusal(() => paperBox(CHOICE, [{ choice: 'o1+o2+o3', count: 1 }], 1))).toEqual({
      code: 'INVALID_CHOICE',
      message: '这次表决最多选 2 项。',
    })
  })
})

describe('sameBox', () => {
  it('compares counts, not their order nor zero lines', () => {
    const a = [
      { choice: 'no', count: 1 },
      { choice: 'yes', count: 2 },
    ]
    expect(sameBox(a, [...a].reverse())).toBe(true)
    expect(sameBox(a, [...a, { choice: 'abstain', count: 0 }])).toBe(true)
    expect(
      sameBox(a, [
        { choice: 'no', count: 2 },
        { choice: 'yes', count: 1 },
      ]),
    ).toBe(false)
    expect(sameBox(a, [{ choice: 'yes', count: 2 }])).toBe(false)
  })
})

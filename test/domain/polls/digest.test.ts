import { canonicalBallotLines } from '../../../domain/polls/digest'
import { DomainError } from '../../../domain/shared/errors'

function refused(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError)
    expect((e as DomainError).code).toBe('INVALID_INPUT')
    return (e as DomainError).message
  }
  throw new Error('not refused')
}

describe('canonicalBallotLines', () => {
  it('one line per ballot, `<key>,<choice>\\n`', () => {
    expect(
      canonicalBallotLines(
        [
          { key: 'b', choice: 'no' },
          { key: 'a', choice: 'yes' },
        ],
        [],
      ),
    ).toBe('a,yes\nb,no\n')
  })

  it('sorts by plain string comparison (upper case first, "b10" before "b2"), paper lines too', () => {
    expect(
      canonicalBallotLines(
        [
          { key: 'b2', choice: 'no' },
          { key: 'B7', choice: 'o1+o3' },
          { key: 'b10', choice: 'yes' },
        ],
        [
          { choice: 'yes', count: 12 },
          { choice: 'no', count: 0 },
          { choice: 'spoiled', count: 1 },
          { choice: 'abstain', count: 2 },
        ],
      ),
    ).toBe('B7,o1+o3\nb10,yes\nb2,no\npaper,abstain,2\npaper,spoiled,1\npaper,yes,12\n')
  })

  it('a key that sorts after "paper" comes after the paper lines', () => {
    expect(
      canonicalBallotLines(
        [
          { key: 'q1', choice: 'yes' },
          { key: 'p1', choice: 'no' },
        ],
        [{ choice: 'yes', count: 3 }],
      ),
    ).toBe('p1,no\npaper,yes,3\nq1,yes\n')
  })

  it('paper counts of zero leave no line; no ballots at all is the empty list', () => {
    expect(canonicalBallotLines([], [])).toBe('')
    expect(canonicalBallotLines([], [{ choice: 'yes', count: 0 }])).toBe('')
    expect(canonicalBallotLines([], [{ choice: 'o2', count: 5 }])).toBe('paper,o2,5\n')
  })

  it('refuses a list that could be read two ways', () => {
    expect(refused(() => canonicalBallotLines([{ key: 'a,b', choice: 'yes' }], []))).toBe(
      '计票清单有误：选票编号“a,b”不能为空，也不能含逗号或换行',
    )
    refused(() => canonicalBallotLines([{ key: 'a', choice: 'yes\n' }], []))
    refused(() => canonicalBallotLines([{ key: '', choice: 'yes' }], []))
    refused(() => canonicalBallotLines([{ key: 'paper', choice: 'yes' }], []))
    refused(() =>
      canonicalBallotLines(
        [
          { key: 'a', choice: 'yes' },
          { key: 'a', choice: 'no' },
        ],
        [],
      ),
    )
    refused(() =>
      canonicalBallotLines(
        [],
        [
          { choice: 'yes', count: 1 },
          { choice: 'yes', count: 2 },
        ],
      ),
    )
    refused(() => canonicalBallotLines([], [{ choice: 'yes', count: -1 }]))
    refused(() => canonicalBallotLines([], [{ choice: 'yes', count: 1.5 }]))
  })
})

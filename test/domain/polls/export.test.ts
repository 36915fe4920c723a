import {
  ballotsCsv,
  countExport,
  exportCanonicalLines,
  isBallotChoice,
  parseBallotsCsv,
  type BallotExport,
} from '../../../domain/polls/export'
import { DomainError } from '../../../domain/shared/errors'

const BOM = '\uFEFF'

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

const secret: BallotExport = {
  secret: true,
  ballots: [
    { ballot: 'b2', choice: 'no' },
    { ballot: 'b1', choice: 'yes' },
    { ballot: 'b3', choice: 'abstain' },
  ],
  paper: [
    { choice: 'yes', count: 2 },
    { choice: 'no', count: 0 },
    { choice: 'spoiled', count: 1 },
  ],
}

const open: BallotExport = {
  secret: false,
  ballots: [
    { person: 'p1', name: '王秀英', choice: 'o1+o3' },
    { person: 'p2', name: '李"小"明, 二组', choice: 'o2' },
    { person: 'p3', name: '=HYPERLINK("x")', choice: 'o3' },
  ],
  paper: [
    { choice: 'o3', count: 4 },
    { choice: 'spoiled', count: 1 },
  ],
}

describe('ballotsCsv', () => {
  it('a secret poll: ballot,choice, then the paper counts above zero; no voter anywhere', () => {
    expect(ballotsCsv(secret)).toBe(
      `${BOM}ballot,choice\r\nb2,no\r\nb1,yes\r\nb3,abstain\r\npaper,yes,2\r\npaper,spoiled,1\r\n`,
    )
  })

  it('an open poll: person,name,choice, names quoted where needed, formulas defused', () => {
    expect(ballotsCsv(open)).toBe(
      `${BOM}person,name,choice\r\np1,王秀英,o1+o3\r\np2,"李""小""明, 二组",o2\r\np3,"'=HYPERLINK(""x"")",o3\r\npaper,o3,4\r\npaper,spoiled,1\r\n`,
    )
  })

  it('reads back what it writes (paper counts of zero are not written)', () => {
    expect(parseBallotsCsv(ballotsCsv(secret))).toEqual({
      ...secret,
      paper: [
        { choice: 'yes', count: 2 },
        { choice: 'spoiled', count: 1 },
      ],
    })
    const back = parseBallotsCsv(ballotsCsv(open))
    expect(back.secret).toBe(false)
    expect(back.ballots[1]).toEqual({ person: 'p2', name: '李"小"明, 二组', choice: 'o2' })
    expect(back.ballots[2]).toEqual({ person: 'p3', name: `'=HYPERLINK("x")`, choice: 'o3' })
  })
})

describe('parseBallotsCsv', () => {
  it('takes LF lines, no byte-order mark and trailing empty lines', () => {
    expect(parseBallotsCsv('ballot,choice\nx,yes\npaper,no,3\n\n')).toEqual({
      secret: true,
      ballots: [{ ballot: 'x', choice: 'yes' }],
      paper: [{ choice: 'no', count: 3 }],
    })
    expect(parseBallotsCsv('ballot,choice\n')).toEqual({ secret: true, ballots: [], paper: [] })
  })

  it('refuses what is not a ballots file, with the line', () => {
    expect(refused(() => parseBallotsCsv(''))).toBe(
      '选票文件第 1 行有误：文件是空的，应当以“ballot,choice”或“person,name,choice”开头',
    )
    expect(refused(() => parseBallotsCsv('id,vote\n'))).toBe(
      '选票文件第 1 行有误：表头“id,vote”不对，应当是“ballot,choice”或“person,name,choice”',
    )
    expect(refused(() => parseBallotsCsv('ballot,choice\nx,yes\ny,maybe\n'))).toBe(
      '选票文件第 3 行有误：不认识的选择“maybe”',
    )
    expect(refused(() => parseBallotsCsv('ballot,choice\nx,yes\nx,no\n'))).toBe(
      '选票文件第 3 行有误：编号“x”出现了两次',
    )
    expect(refused(() => parseBallotsCsv('person,name,choice\np1,yes\n'))).toBe(
      '选票文件第 2 行有误：应当有 3 栏，现在有 2 栏',
    )
    refused(() => parseBallotsCsv('ballot,choice\nx,spoiled\n')) // 废票 only on paper
    refused(() => parseBallotsCsv('ballot,choice\nx,o3+o1\n')) // not ascending
    refused(() => parseBallotsCsv('ballot,choice\nx,o1+o1\n'))
    refused(() => parseBallotsCsv('ballot,choice\nx,o11\n'))
    refused(() => parseBallotsCsv('ballot,choice\n,yes\n'))
    refused(() => parseBallotsCsv('ballot,choice\npaper,yes\n'))
    refused(() => parseBallotsCsv('ballot,choice\npaper,yes,0\n'))
    refused(() => parseBallotsCsv('ballot,choice\npaper,yes,-2\n'))
    refused(() => parseBallotsCsv('ballot,choice\npaper,yes,1\npaper,yes,2\n'))
    refused(() => parseBallotsCsv('ballot,choice\n"x,yes\n'))
  })
})

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
})

describe('exportCanonicalLines and countExport', () => {
  it('a secret yesNo export', () => {
    expect(exportCanonicalLines(secret)).toBe(
      'b1,yes\nb2,no\nb3,abstain\npaper,spoiled,1\npaper,yes,2\n',
    )
    expect(countExport(secret)).toEqual({
      kind: 'yesNo',
      online: 3,
      onPaper: 3,
      present: 6,
      counts: { yes: 3, no: 1, abstain: 1, spoiled: 1 },
    })
  })

  it('an open choice export: keyed by person, a ballot counts for each option it selects', () => {
    expect(exportCanonicalLines(open)).toBe('p1,o1+o3\np2,o2\np3,o3\npaper,o3,4\npaper,spoiled,1\n')
    expect(countExport(open)).toEqual({
      kind: 'choice',
      online: 3,
      onPaper: 5,
      present: 8,
      counts: { o1: 1, o2: 1, o3: 6, spoiled: 1 },
    })
  })

  it('an empty export; a file mixing yesNo and choice ballots is refused', () => {
    expect(countExport({ secret: true, ballots: [], paper: [] })).toEqual({
      kind: 'yesNo',
      online: 0,
      onPaper: 0,
      present: 0,
      counts: { yes: 0, no: 0, abstain: 0, spoiled: 0 },
    })
    refused(() => countExport(parseBallotsCsv('ballot,choice\na,yes\nb,o1\n')))
  })
})

/**
 * 响应率 / 解决率 / 满意率 on fixed instants, every expected figure worked out by hand (Shanghai is
 * UTC+8: 2026-10-31T16:00Z is midnight starting 1 November in Shanghai). Runs under UTC and
 * TZ=Australia/Sydney alike.
 */
import type { MatterStatus } from '../../../types/model/matter'
import {
  combine,
  compareRates,
  fraction,
  lastTwelveMonths,
  matterOutcome,
  METRIC_DEFINITIONS,
  METRIC_KEYS,
  monthBounds,
  monthKey,
  rateText,
  ratesOf,
  rollupFrom,
  sumRollups,
  whistleOutcome,
  type Fraction,
  type MatterFacts,
  type RatingFacts,
  type RollupCounts,
  type WhistleFacts,
} from '../../../domain/dashboard/metrics'
import { DomainError } from '../../../domain/shared/errors'

const at = (local: string) => new Date(`${local}+08:00`)
const f = (numerator: number, denominator: number): Fraction => ({ numerator, denominator })

describe('rateText', () => {
  it.each([
    [965, 1000, '96.5%'],
    [1, 1, '100.0%'],
    [0, 5, '0.0%'],
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [1, 8, '12.5%'],
    // Exactly halfway rounds up: 96.45% → 96.5%, 6.25% → 6.3%, 0.15% → 0.2%.
    [9645, 10000, '96.5%'],
    [9644, 10000, '96.4%'],
    [1, 16, '6.3%'],
    // (0.15).toFixed(1) is "0.1" in floating point; in integers it is 0.2.
    [3, 2000, '0.2%'],
    [0, 0, '—'],
  ])('%p / %p reads %p', (n, d, text) => {
    expect(rateText(f(n, d))).toBe(text)
  })

  it('refuses a part larger than the whole, or a broken count', () => {
    expect(() => rateText(f(3, 2))).toThrow(DomainError)
    expect(() => fraction(1.5, 2)).toThrow(DomainError)
    expect(() => fraction(-1, 2)).toThrow(DomainError)
  })
})

describe('combine', () => {
  it('sums the counts, never averages the rates: 1/1 and 0/9 make 10%, not 50%', () => {
    const township = combine(f(1, 1), f(0, 9))
    expect(township).toEqual({ numerator: 1, denominator: 10 })
    expect(rateText(township)).toBe('10.0%')
  })

  it('of nothing is nothing', () => {
    expect(combine()).toEqual({ numerator: 0, denominator: 0 })
    expect(rateText(combine(f(0, 0), f(0, 0)))).toBe('—')
  })
})

describe('compareRates', () => {
  it('tells 2/3 from 6667/10000, which both round to 0.6667', () => {
    // 2 × 10000 = 20000 < 6667 × 3 = 20001
    expect(compareRates(f(2, 3), f(6667, 10000))).toBe(-1)
    expect(compareRates(f(6667, 10000), f(2, 3))).toBe(1)
    // 1 × 10000 = 10000 > 3333 × 3 = 9999
    expect(compareRates(f(1, 3), f(3333, 10000))).toBe(1)
  })

  it('finds equal rates equal', () => {
    expect(compareRates(f(2, 3), f(4, 6))).toBe(0)
    expect(compareRates(f(0, 7), f(0, 2))).toBe(0)
  })

  it('ranks nothing counted below any rate, even 0%', () => {
    expect(compareRates(f(0, 0), f(0, 5))).toBe(-1)
    expect(compareRates(f(0, 5), f(0, 0))).toBe(1)
    expect(compareRates(f(0, 0), f(0, 0))).toBe(0)
  })
})

describe('Shanghai months', () => {
  it.each([
    ['2026-10-31T15:59:59.999Z', '2026-10'],
    ['2026-10-31T16:00:00.000Z', '2026-11'],
    ['2026-12-31T15:59:59.999Z', '2026-12'],
    ['2026-12-31T16:00:00.000Z', '2027-01'],
    // 23:30 on 30 September in Shanghai is already 1 October on a clock in Sydney.
    ['2026-09-30T15:30:00.000Z', '2026-09'],
  ])('%p is in %p', (instant, key) => {
    expect(monthKey(instant)).toBe(key)
  })

  it('lists the last twelve months, oldest first', () => {
    expect(lastTwelveMonths('2026-11-20T02:00:00.000Z')).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ])
  })

  it('counts the twelve months from the Shanghai month, across a new year', () => {
    // 00:00 on 1 January 2027 in Shanghai
    const newYear = lastTwelveMonths('2026-12-31T16:00:00.000Z')
    expect(newYear[0]).toBe('2026-02')
    expect(newYear[11]).toBe('2027-01')
    // 08:00 on 1 January 2026 in Shanghai
    const january = lastTwelveMonths('2026-01-01T00:00:00.000Z')
    expect(january[0]).toBe('2025-02')
    expect(january[10]).toBe('2025-12')
    expect(january[11]).toBe('2026-01')
  })

  it('gives the instants a month spans, for a query', () => {
    expect(monthBounds('2026-11')).toEqual({
      start: new Date('2026-10-31T16:00:00.000Z'),
      end: new Date('2026-11-30T16:00:00.000Z'),
    })
    expect(monthBounds('2026-12').end).toEqual(new Date('2026-12-31T16:00:00.000Z'))
    expect(() => monthBounds('2026-13')).toThrow(DomainError)
  })
})

describe('the definitions on the page', () => {
  it('name the three figures and the month each counts by', () => {
    expect(METRIC_KEYS.map((k) => METRIC_DEFINITIONS[k].label)).toEqual([
      '响应率',
      '解决率',
      '满意率',
    ])
    expect(METRIC_DEFINITIONS.responseRate.definition).toContain('期限在本月到期')
    expect(METRIC_DEFINITIONS.resolutionRate.definition).toContain('按受理的月份统计')
    expect(METRIC_DEFINITIONS.satisfactionRate.definition).toContain('打 4 分或 5 分')
    expect(METRIC_DEFINITIONS.satisfactionRate.definition).toContain('按评价的月份统计')
  })
})

describe('ratesOf and sumRollups', () => {
  const zero: RollupCounts = {
    raised: 0,
    due: 0,
    answeredInTime: 0,
    accepted: 0,
    resolved: 0,
    ratings: 0,
    satisfied: 0,
    whistlesDue: 0,
    whistlesAnsweredInTime: 0,
    matchesMade: 0,
    matchesCompleted: 0,
  }

  it('counts matters and whistles together in 响应率', () => {
    const rates = ratesOf({
      ...zero,
      due: 8,
      answeredInTime: 7,
      whistlesDue: 2,
      whistlesAnsweredInTime: 1,
      accepted: 5,
      resolved: 3,
      ratings: 7,
      satisfied: 6,
    })
    expect(rates).toEqual({
      responseRate: { numerator: 8, denominator: 10 },
      resolutionRate: { numerator: 3, denominator: 5 },
      satisfactionRate: { numerator: 6, denominator: 7 },
    })
    expect(rateText(rates.satisfactionRate)).toBe('85.7%')
  })

  it('makes a township of its villages by summing: 1/1 and 0/9 answered in time is 10%', () => {
    const township = sumRollups('t1', '2026-11', [
      { ...zero, due: 1, answeredInTime: 1, overdueByDepartment: { water: 2 } },
      { ...zero, due: 9, answeredInTime: 0, overdueByDepartment: { water: 1, roads: 4 } },
      zero,
    ])
    expect(township).toEqual({
      ...zero,
      unitId: 't1',
      month: '2026-11',
      due: 10,
      answeredInTime: 1,
      overdueByDepartment: { water: 3, roads: 4 },
    })
    expect(rateText(ratesOf(township).responseRate)).toBe('10.0%')
  })
})

/** A resident's matter raised at `raised` (Shanghai) with a 3-day clock. */
function matter(raised: string, statusAt: Partial<Record<MatterStatus, Date>> = {}): MatterFacts {
  const raisedAt = at(raised)
  return {
    origin: 'resident',
    raisedAt,
    respondBy: new Date(raisedAt.getTime() + 3 * 24 * 3_600_000),
    statusAt: { raised: raisedAt, ...statusAt },
  }
}

describe('matterOutcome (3-day clock from 20 November 09:00, due 23 November 09:00)', () => {
  const raised = '2026-11-20T09:00:00'

  it('in time when answered at the deadline itself, late 1 ms after', () => {
    const now = at('2026-12-01T00:00:00')
    const accepted = (a: Date) => matter(raised, { accepted: a })
    expect(matterOutcome(accepted(at('2026-11-23T09:00:00')), now)).toBe('inTime')
    expect(matterOutcome(accepted(at('2026-11-23T09:00:00.001')), now)).toBe('late')
    expect(matterOutcome(matter(raised, { declined: at('2026-11-21T09:00:00') }), now)).toBe(
      'inTime',
    )
    expect(matterOutcome(matter(raised, { merged: at('2026-11-24T09:00:00') }), now)).toBe('late')
  })

  it('running until the deadline, late once it has passed unanswered', () => {
    expect(matterOutcome(matter(raised), at('2026-11-23T09:00:00'))).toBe('running')
    expect(matterOutcome(matter(raised), at('2026-11-23T09:00:00.001'))).toBe('late')
  })

  it('not counted when withdrawn before the deadline; late when withdrawn after it', () => {
    const now = at('2026-12-01T00:00:00')
    const early = matter(raised, { withdrawn: at('2026-11-22T09:00:00') })
    expect(matterOutcome(early, now)).toBe('notCounted')
    const late = matter(raised, { withdrawn: at('2026-11-24T09:00:00') })
    expect(matterOutcome(late, now)).toBe('late')
  })

  it('never counts a committee’s topic', () => {
    const topic: MatterFacts = { ...matter(raised), origin: 'committee' }
    expect(matterOutcome(topic, at('2026-12-01T00:00:00'))).toBe('notCounted')
  })
})

/** A 2-hour whistle blown at `raised` (Shanghai). */
function whistle(
  departmentId: string,
  raised: string,
  hours: number,
  answer: Partial<WhistleFacts> = {},
): WhistleFacts {
  const raisedAt = at(raised)
  return {
    departmentId,
    status: 'raised',
    raisedAt,
    dueAt: new Date(raisedAt.getTime() + hours * 3_600_000),
    responseHours: hours,
    ...answer,
  }
}

describe('whistleOutcome', () => {
  const w = whistle('water', '2026-11-20T10:00:00', 2)

  it('follows the whistle’s clock', () => {
    expect(whistleOutcome(w, at('2026-11-20T12:00:00'))).toBe('running')
    expect(whistleOutcome(w, at('2026-11-20T12:00:00.001'))).toBe('late')
    const acknowledged = { ...w, status: 'acknowledged' as const }
    expect(
      whistleOutcome(
        { ...acknowledged, acknowledgedAt: at('2026-11-20T11:59:00') },
        at('2026-12-01T00:00:00'),
      ),
    ).toBe('inTime')
    expect(
      whistleOutcome(
        { ...acknowledged, acknowledgedAt: at('2026-11-20T12:01:00') },
        at('2026-12-01T00:00:00'),
      ),
    ).toBe('late')
    expect(whistleOutcome({ ...w, status: 'returned' }, at('2026-12-01T00:00:00'))).toBe(
      'notCounted',
    )
  })
})

describe('rollupFrom: a village’s November and December, recounted by hand', () => {
  const matters: MatterFacts[] = [
    // M1: raised, answered in time and resolved in November.
    matter('2026-11-02T10:00:00', {
      accepted: at('2026-11-04T09:00:00'),
      resolved: at('2026-11-20T09:00:00'),
    }),
    // M2: raised and accepted in November; its clock falls due on 1 December (answered in time).
    matter('2026-11-28T10:00:00', { accepted: at('2026-11-30T10:00:00') }),
    // M3: raised in October, due 2 November, never answered: late in November.
    matter('2026-10-30T10:00:00'),
    // M5: raised in November, withdrawn before its deadline: only "raised".
    matter('2026-11-29T10:00:00', { withdrawn: at('2026-11-30T10:00:00') }),
    // M6: raised at 00:30 on 1 November in Shanghai (still 31 October in UTC), declined late.
    matter('2026-11-01T00:30:00', { declined: at('2026-11-05T00:00:00') }),
    // M7: raised 4 December, its clock still running on 5 December.
    matter('2026-12-04T10:00:00'),
  ]
  // M4: the committee's topic, opened (accepted) on 10 November, resolved 3 December.
  matters.push({
    origin: 'committee',
    raisedAt: at('2026-11-10T10:00:00'),
    respondBy: at('2026-11-10T10:00:00'),
    statusAt: {
      raised: at('2026-11-10T10:00:00'),
      accepted: at('2026-11-10T10:00:00'),
      resolved: at('2026-12-03T10:00:00'),
    },
  })

  const ratings: RatingFacts[] = [
    { score: 5, at: at('2026-11-21T10:00:00') },
    { score: 4, at: at('2026-11-22T10:00:00') },
    { score: 3, at: at('2026-11-23T10:00:00') },
    { score: 1, at: at('2026-11-24T10:00:00') },
    // 00:00 on 1 November in Shanghai: November.
    { score: 4, at: new Date('2026-10-31T16:00:00.000Z') },
    // 00:00 on 1 December in Shanghai: December.
    { score: 5, at: new Date('2026-11-30T16:00:00.000Z') },
  ]

  const whistles: WhistleFacts[] = [
    // W1: answered in time.
    whistle('water', '2026-11-20T10:00:00', 2, {
      status: 'acknowledged',
      acknowledgedAt: at('2026-11-20T11:00:00'),
    }),
    // W2: never answered.
    whistle('water', '2026-11-21T10:00:00', 2),
    // W3: a 7-day whistle due 4 December, unanswered: December's.
    whistle('roads', '2026-11-27T10:00:00', 168),
    // W4: acknowledged an hour late.
    whistle('roads', '2026-11-10T08:00:00', 24, {
      status: 'acknowledged',
      acknowledgedAt: at('2026-11-11T09:00:00'),
    }),
    // W5: returned with no answer time: not counted.
    whistle('parks', '2026-11-15T10:00:00', 24, { status: 'returned' }),
  ]

  const now = at('2026-12-05T12:00:00')

  it('November', () => {
    const november = rollupFrom({ unitId: 'v1', month: '2026-11', now, matters, ratings, whistles })
    expect(november).toEqual({
      unitId: 'v1',
      month: '2026-11',
      raised: 4, // M1, M2, M5, M6
      due: 3, // M1, M3, M6
      answeredInTime: 1, // M1
      accepted: 3, // M1, M2, M4
      resolved: 2, // M1, M4
      ratings: 5,
      satisfied: 3, // 5, 4, 4
      whistlesDue: 3, // W1, W2, W4
      whistlesAnsweredInTime: 1, // W1
      overdueByDepartment: { water: 1, roads: 1 },
      matchesMade: 0,
      matchesCompleted: 0,
    })
    const rates = ratesOf(november)
    expect(rateText(rates.responseRate)).toBe('33.3%') // 2 / 6
    expect(rateText(rates.resolutionRate)).toBe('66.7%') // 2 / 3
    expect(rateText(rates.satisfactionRate)).toBe('60.0%') // 3 / 5
  })

  it('December so far: only the clocks settled by now', () => {
    const december = rollupFrom({ unitId: 'v1', month: '2026-12', now, matters, ratings, whistles })
    expect(december).toEqual({
      unitId: 'v1',
      month: '2026-12',
      raised: 1, // M7
      due: 1, // M2 (M7 still running, M5 withdrawn in time)
      answeredInTime: 1,
      accepted: 0,
      resolved: 0,
      ratings: 1,
      satisfied: 1,
      whistlesDue: 1, // W3
      whistlesAnsweredInTime: 0,
      overdueByDepartment: { roads: 1 },
      matchesMade: 0,
      matchesCompleted: 0,
    })
  })

  it('a month before any of it is empty, and reads —', () => {
    const september = rollupFrom({
      unitId: 'v1',
      month: '2026-09',
      now,
      matters,
      ratings,
      whistles,
    })
    expect(september.overdueByDepartment).toBeUndefined()
    expect(METRIC_KEYS.map((k) => rateText(ratesOf(september)[k]))).toEqual(['—', '—', '—'])
  })
})

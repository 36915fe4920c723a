import {
  DEFAULT_TALK_DAYS,
  isTalkDay,
  nextTalkDay,
  nextTalkDayLabel,
  scheduleLabel,
  talkDaysOfMonth,
  talkDayStatus,
  validateTalkDays,
} from '../../../domain/talkday'
import { DomainError } from '../../../domain/shared/errors'

/** An instant given as a Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`)

describe('talkDaysOfMonth', () => {
  it('gives the 4th, 14th and 24th by default', () => {
    expect(talkDaysOfMonth(2026, 11)).toEqual(['2026-11-04', '2026-11-14', '2026-11-24'])
  })

  it('skips a day the month lacks instead of moving it', () => {
    const days = [4, 29, 30, 31]
    expect(talkDaysOfMonth(2026, 4, days)).toEqual(['2026-04-04', '2026-04-29', '2026-04-30'])
    expect(talkDaysOfMonth(2026, 2, days)).toEqual(['2026-02-04'])
    expect(talkDaysOfMonth(2028, 2, days)).toEqual(['2028-02-04', '2028-02-29'])
    expect(talkDaysOfMonth(2026, 12, days)).toEqual([
      '2026-12-04',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
    ])
  })

  it('handles February in leap and common years, including century rules', () => {
    expect(talkDaysOfMonth(2024, 2, [29])).toEqual(['2024-02-29'])
    expect(talkDaysOfMonth(2025, 2, [29])).toEqual([])
    expect(talkDaysOfMonth(2100, 2, [29])).toEqual([])
    expect(talkDaysOfMonth(2000, 2, [29])).toEqual(['2000-02-29'])
  })

  it('sorts and de-duplicates a configured list', () => {
    expect(talkDaysOfMonth(2026, 1, [24, 4, 14, 4])).toEqual([
      '2026-01-04',
      '2026-01-14',
      '2026-01-24',
    ])
  })

  it('rejects a month or year that does not exist', () => {
    for (const [y, m] of [
      [2026, 0],
      [2026, 13],
      [2026, 1.5],
      [NaN, 1],
    ]) {
      expect(() => talkDaysOfMonth(y, m)).toThrow(DomainError)
    }
  })
})

describe('validateTalkDays', () => {
  it.each([
    [[], '至少要有一天'],
    [[0], '“0”不是 1 到 31 之间的日子'],
    [[32], '“32”不是 1 到 31 之间的日子'],
    [[4, 14.5], '“14.5”不是 1 到 31 之间的日子'],
    [['4'], '“4”不是 1 到 31 之间的日子'],
    [[null], '“null”不是 1 到 31 之间的日子'],
    [[NaN], '“NaN”不是 1 到 31 之间的日子'],
    ['4,14,24', '应当是日期的列表'],
    [undefined, '应当是日期的列表'],
  ])('rejects %p with a clear message', (days, detail) => {
    let caught: unknown
    try {
      validateTalkDays(days)
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(DomainError)
    expect((caught as DomainError).code).toBe('INVALID_TALK_DAYS')
    expect((caught as DomainError).message).toBe(`说事日设置有误：${detail}`)
  })

  it('rejects an invalid list in every calendar function', () => {
    const now = sh('2026-11-20T10:00:00')
    expect(() => isTalkDay(now, [])).toThrow('说事日设置有误')
    expect(() => nextTalkDay(now, [40])).toThrow('说事日设置有误')
    expect(() => talkDayStatus(now, [-1])).toThrow('说事日设置有误')
    expect(() => scheduleLabel([])).toThrow('说事日设置有误')
  })

  it('accepts every day from 1 to 31', () => {
    const all = Array.from({ length: 31 }, (_, i) => 31 - i)
    expect(validateTalkDays(all)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1))
  })
})

describe('isTalkDay and nextTalkDay around midnight in Shanghai (the machine runs UTC)', () => {
  it('23:59 on the 13th in Shanghai is not a talk day; the next is the 14th', () => {
    const t = sh('2026-11-13T23:59:59')
    expect(t.toISOString()).toBe('2026-11-13T15:59:59.000Z')
    expect(isTalkDay(t)).toBe(false)
    expect(nextTalkDay(t)).toBe('2026-11-14')
  })

  it('00:00 on the 14th in Shanghai is a talk day although UTC still says the 13th', () => {
    const t = sh('2026-11-14T00:00:00')
    expect(t.toISOString()).toBe('2026-11-13T16:00:00.000Z')
    expect(isTalkDay(t)).toBe(true)
    expect(nextTalkDay(t)).toBe('2026-11-24')
  })

  it('23:59 on the 14th in Shanghai is still the talk day; 00:00 the 15th is not', () => {
    expect(isTalkDay(sh('2026-11-14T23:59:59.999'))).toBe(true)
    expect(isTalkDay(sh('2026-11-15T00:00:00'))).toBe(false)
  })

  it('accepts epoch milliseconds and ISO strings with an offset', () => {
    const t = sh('2026-11-14T00:30:00')
    expect(isTalkDay(t.getTime())).toBe(true)
    expect(isTalkDay('2026-11-13T16:30:00Z')).toBe(true)
  })

  it('goes to the next month after the last talk day, and to the next year in December', () => {
    expect(nextTalkDay(sh('2026-11-24T08:00:00'))).toBe('2026-12-04')
    expect(nextTalkDay(sh('2026-12-30T12:00:00'))).toBe('2027-01-04')
    expect(nextTalkDay(sh('2026-12-31T23:59:59'))).toBe('2027-01-04')
  })

  it('with one day in the list', () => {
    expect(nextTalkDay(sh('2026-11-14T09:00:00'), [14])).toBe('2026-12-14')
    expect(nextTalkDay(sh('2026-11-13T09:00:00'), [14])).toBe('2026-11-14')
  })

  it('with the 31st only: months without it are skipped', () => {
    expect(nextTalkDay(sh('2026-03-31T09:00:00'), [31])).toBe('2026-05-31')
    expect(nextTalkDay(sh('2026-07-31T09:00:00'), [31])).toBe('2026-08-31')
    expect(nextTalkDay(sh('2026-01-31T09:00:00'), [31])).toBe('2026-03-31')
  })

  it('with the 29th only: February of a common year is skipped, of a leap year not', () => {
    expect(nextTalkDay(sh('2027-01-29T09:00:00'), [29])).toBe('2027-03-29')
    expect(nextTalkDay(sh('2028-01-29T09:00:00'), [29])).toBe('2028-02-29')
    expect(isTalkDay(sh('2028-02-29T00:00:00'), [29])).toBe(true)
  })
})

describe('talkDayStatus and its labels', () => {
  it('three days before the 24th', () => {
    const s = talkDayStatus(sh('2026-11-21T07:00:00'))
    expect(s).toEqual({ today: '2026-11-21', isToday: false, next: '2026-11-24', daysUntilNext: 3 })
    expect(nextTalkDayLabel(s)).toBe('下一个说事日：11月24日（星期二）· 还有 3 天')
  })

  it('on a talk day it says so and names the following one', () => {
    const s = talkDayStatus(sh('2026-11-24T00:00:00'))
    expect(s.isToday).toBe(true)
    expect(nextTalkDayLabel(s)).toBe('下一个说事日：12月4日（星期五）· 还有 10 天')
  })

  it('the day before reads 明天', () => {
    const s = talkDayStatus(sh('2026-11-23T23:59:00'))
    expect(nextTalkDayLabel(s)).toBe('下一个说事日：11月24日（星期二）· 明天')
  })

  it('describes a schedule', () => {
    expect(scheduleLabel()).toBe('每月 4日、14日、24日')
    expect(scheduleLabel([24, 4])).toBe('每月 4日、24日')
  })
})

/**
 * An independent reference: plain Date arithmetic on UTC+8, day by day. The calendar must agree
 * with it for every hour-ish instant across five years, leap years and both ends of each day.
 */
describe('agrees with a day-by-day reference over 2024–2028', () => {
  const ymd = (d: Date) => d.toISOString().slice(0, 10)
  const shanghaiYmd = (t: number) => ymd(new Date(t + 8 * 3600_000))
  const dayOfMonth = (dateStr: string) => Number(dateStr.slice(8, 10))

  function referenceNext(t: number, days: number[]): string {
    const today = shanghaiYmd(t)
    let d = new Date(`${today}T00:00:00Z`)
    for (;;) {
      d = new Date(d.getTime() + 86400_000)
      if (days.includes(d.getUTCDate())) return ymd(d)
    }
  }

  const schedules = [[...DEFAULT_TALK_DAYS], [31], [1], [29, 30], [1, 15, 28]]
  const start = Date.UTC(2023, 11, 31, 16, 0, 0) // 2024-01-01 00:00 Shanghai
  const end = Date.UTC(2028, 11, 31, 16, 0, 0)
  // Each Shanghai day at 00:00, 07:00, 15:59 (UTC midnight minus one second + 8h) and 23:59:59.
  const offsets = [0, 7 * 3600_000, 16 * 3600_000 - 1000, 24 * 3600_000 - 1000]

  it.each(schedules.map((s) => [s.join(','), s]))('schedule %s', (_name, days) => {
    let checked = 0
    for (let day = start; day < end; day += 86400_000) {
      for (const off of offsets) {
        const t = day + off
        const today = shanghaiYmd(t)
        expect(isTalkDay(t, days)).toBe(days.includes(dayOfMonth(today)))
        expect(nextTalkDay(t, days)).toBe(referenceNext(t, days))
        checked += 1
      }
    }
    expect(checked).toBe(1827 * 4)
  })
})

import { clockAlarm, clockWords, durationWords, respondByOf } from '../../../domain/matters/clock'

const at = (local: string) => new Date(`${local}+08:00`)

describe('接诉即办 clock', () => {
  it('answers by raisedAt plus the deadline in days', () => {
    expect(respondByOf('2026-11-20T01:00:00.000Z', 3).toISOString()).toBe(
      '2026-11-23T01:00:00.000Z',
    )
  })

  it('reads as days and hours', () => {
    expect(durationWords(0)).toBe('不到 1 小时')
    expect(durationWords(5)).toBe('5 小时')
    expect(durationWords(24)).toBe('1 天')
    expect(durationWords(53)).toBe('2 天 5 小时')
  })

  it('says what is left, or how long overdue, rounded down', () => {
    const by = at('2026-11-23T09:00:00')
    expect(clockWords(by, at('2026-11-22T05:30:00'))).toBe('还剩 1 天 3 小时答复')
    expect(clockWords(by, at('2026-11-23T08:30:00'))).toBe('还剩 不到 1 小时答复')
    expect(clockWords(by, at('2026-11-23T09:01:00'))).toBe('已超期 不到 1 小时')
    expect(clockWords(by, at('2026-11-25T12:00:00'))).toBe('已超期 2 天 3 小时')
    expect(clockWords(by, at('2026-11-25T11:59:00'))).toBe('已超期 2 天 2 小时')
  })

  it('is an alarm under a day and once overdue', () => {
    expect(clockAlarm(24)).toBe(false)
    expect(clockAlarm(23)).toBe(true)
    expect(clockAlarm(-3)).toBe(true)
  })
})

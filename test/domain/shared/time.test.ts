/**
 * Shanghai dates whatever zone the machine runs in. CI runs this file under UTC and again under
 * TZ=Australia/Sydney (.ci/run), whose daylight-saving changes fall on Shanghai talk days:
 * - 2026-04-05 03:00 AEDT → 02:00 AEST, the instant 2026-04-04T16:00Z (Shanghai 04-05 00:00);
 * - 2026-10-04 02:00 AEST → 03:00 AEDT, the instant 2026-10-03T16:00Z (Shanghai 10-04 00:00).
 * The expected Shanghai readings are worked out by hand (UTC + 8 hours).
 */
import { inShanghai, shanghaiDate } from '../../../domain/shared/time'
import { isTalkDay, nextTalkDay, talkDayStatus } from '../../../domain/talkday'

const CASES: Array<[instant: string, shanghai: string]> = [
  // Around the end of Sydney's DST (April)
  ['2026-04-03T15:59:59.999Z', '2026-04-03 23:59'],
  ['2026-04-03T16:00:00.000Z', '2026-04-04 00:00'],
  ['2026-04-04T15:00:00.000Z', '2026-04-04 23:00'],
  ['2026-04-04T15:59:59.999Z', '2026-04-04 23:59'],
  ['2026-04-04T16:00:00.000Z', '2026-04-05 00:00'],
  ['2026-04-04T16:30:00.000Z', '2026-04-05 00:30'],
  ['2026-04-04T17:00:00.000Z', '2026-04-05 01:00'],
  // Around the start of Sydney's DST (October): the 4th is a talk day
  ['2026-10-03T15:00:00.000Z', '2026-10-03 23:00'],
  ['2026-10-03T15:59:59.999Z', '2026-10-03 23:59'],
  ['2026-10-03T16:00:00.000Z', '2026-10-04 00:00'],
  ['2026-10-03T16:30:00.000Z', '2026-10-04 00:30'],
  ['2026-10-03T17:00:00.000Z', '2026-10-04 01:00'],
  ['2026-10-04T15:59:59.999Z', '2026-10-04 23:59'],
  ['2026-10-04T16:00:00.000Z', '2026-10-05 00:00'],
]

describe(`Shanghai wall clock (machine zone: ${process.env.TZ ?? 'unset'})`, () => {
  it.each(CASES)('%s reads %s in Shanghai', (instant, shanghai) => {
    expect(inShanghai(instant).format('YYYY-MM-DD HH:mm')).toBe(shanghai)
    expect(inShanghai(new Date(instant)).format('YYYY-MM-DD HH:mm')).toBe(shanghai)
    expect(inShanghai(Date.parse(instant)).format('YYYY-MM-DD HH:mm')).toBe(shanghai)
    expect(shanghaiDate(instant)).toBe(shanghai.slice(0, 10))
  })
})

describe('a Shanghai talk day stays one across the machine zone’s DST change', () => {
  it.each([
    // 4 April 2026: the whole Shanghai day, including the hour before Sydney turns its clock back
    ['2026-04-03T16:00:00.000Z', true],
    ['2026-04-04T15:30:00.000Z', true],
    ['2026-04-04T15:59:59.999Z', true],
    ['2026-04-04T16:00:00.000Z', false],
    // 4 October 2026: from its first instant, the one Sydney skips to 03:00
    ['2026-10-03T15:59:59.999Z', false],
    ['2026-10-03T16:00:00.000Z', true],
    ['2026-10-03T16:59:59.999Z', true],
    ['2026-10-04T15:59:59.999Z', true],
    ['2026-10-04T16:00:00.000Z', false],
  ] as const)('%s is a talk day: %s', (instant, expected) => {
    expect(isTalkDay(instant)).toBe(expected)
  })

  it('the next talk day and the days until it, on both sides of the change', () => {
    expect(nextTalkDay('2026-10-03T15:59:59.999Z')).toBe('2026-10-04')
    expect(nextTalkDay('2026-10-03T16:00:00.000Z')).toBe('2026-10-14')
    expect(talkDayStatus('2026-10-03T16:00:00.000Z')).toEqual({
      today: '2026-10-04',
      isToday: true,
      next: '2026-10-14',
      daysUntilNext: 10,
    })
    expect(talkDayStatus('2026-04-04T16:00:00.000Z')).toEqual({
      today: '2026-04-05',
      isToday: false,
      next: '2026-04-14',
      daysUntilNext: 9,
    })
  })
})

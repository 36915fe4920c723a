/** The run sheet's timer on the phone: counts up, stops, kept per talk day and item. */
import { storage } from '../../../../support/taro'
import {
  clockWords,
  elapsed,
  loadCurrent,
  loadTimer,
  saveCurrent,
  saveTimer,
} from '../../../../../../src/packages/moderator/pages/runsheet/timer'

beforeEach(() => storage.clear())

describe('the run sheet timer', () => {
  it('says minutes and seconds, hours past an hour', () => {
    expect([clockWords(0), clockWords(65_999), clockWords(3_723_000)]).toEqual([
      '00:00',
      '01:05',
      '1:02:03',
    ])
  })

  it('counts from its start; stopped, it stays', () => {
    expect(elapsed(undefined, 5000)).toBe(0)
    expect(elapsed({ startedAt: 1000 }, 61_000)).toBe(60_000)
    expect(elapsed({ startedAt: 1000, stoppedAt: 31_000 }, 99_000)).toBe(30_000)
  })

  it('is kept per talk day and item, and the current item too', () => {
    saveTimer('2026-11-24', 'm1', { startedAt: 1000 })
    expect(loadTimer('2026-11-24', 'm1')).toEqual({ startedAt: 1000 })
    expect(loadTimer('2026-11-24', 'm2')).toBeUndefined()
    expect(loadTimer('2026-12-04', 'm1')).toBeUndefined()
    saveTimer('2026-11-24', 'm1', undefined)
    expect(loadTimer('2026-11-24', 'm1')).toBeUndefined()
    expect(loadCurrent('2026-11-24')).toBeUndefined()
    saveCurrent('2026-11-24', 'm2')
    expect(loadCurrent('2026-11-24')).toBe('m2')
  })
})

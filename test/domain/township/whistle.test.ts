/**
 * 吹哨报到's clock on fixed instants. Every expected value is worked out by hand: Shanghai is
 * UTC+8, so 10:00 in Shanghai is 02:00Z; a 2-hour whistle blown then is due at 12:00 (04:00Z),
 * the township's hour runs out at 14:00 (06:00Z).
 */
import type { WhistleTierSetting } from '../../../types/model/township'
import { DomainError } from '../../../domain/shared/errors'
import {
  DEFAULT_WHISTLE_TIERS,
  dueAtOf,
  escalationDue,
  validateWhistleTiers,
  whistleClockWords,
  whistleDurationWords,
  whistleState,
  type WhistleClock,
} from '../../../domain/township/whistle'

const at = (local: string) => new Date(`${local}+08:00`)

/** A 2-hour (danger) whistle blown at 10:00 on 20 November 2026, Shanghai. */
const danger: WhistleClock = {
  status: 'raised',
  raisedAt: new Date('2026-11-20T02:00:00.000Z'),
  dueAt: new Date('2026-11-20T04:00:00.000Z'),
  responseHours: 2,
}

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run()
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message }
    throw e
  }
  throw new Error('not refused')
}

describe('the default tiers (Beijing 12345)', () => {
  it('are 2 hours, 24 hours, 7 days and 15 days', () => {
    expect(DEFAULT_WHISTLE_TIERS).toEqual([
      { tier: 'danger', label: '危及生命财产安全', responseHours: 2 },
      { tier: 'utilities', label: '水电气热', responseHours: 24 },
      { tier: 'general', label: '一般诉求', responseHours: 168 },
      { tier: 'complex', label: '复杂诉求', responseHours: 360 },
    ])
  })

  it('pass their own check', () => {
    expect(validateWhistleTiers(DEFAULT_WHISTLE_TIERS)).toEqual(DEFAULT_WHISTLE_TIERS)
  })
})

describe('validateWhistleTiers', () => {
  const tiers = (change: (t: WhistleTierSetting[]) => void): WhistleTierSetting[] => {
    const copy = DEFAULT_WHISTLE_TIERS.map((t) => ({ ...t }))
    change(copy)
    return copy
  }

  it('puts the tiers in order and trims the labels', () => {
    expect(
      validateWhistleTiers([
        { tier: 'complex', label: '复杂诉求', responseHours: 720 },
        { tier: 'general', label: ' 一般 ', responseHours: 100 },
        { tier: 'danger', label: '紧急', responseHours: 1 },
        { tier: 'utilities', label: '水电气热', responseHours: 12 },
      ]),
    ).toEqual([
      { tier: 'danger', label: '紧急', responseHours: 1 },
      { tier: 'utilities', label: '水电气热', responseHours: 12 },
      { tier: 'general', label: '一般', responseHours: 100 },
      { tier: 'complex', label: '复杂诉求', responseHours: 720 },
    ])
  })

  it('refuses a missing tier, naming it', () => {
    expect(refusal(() => validateWhistleTiers(DEFAULT_WHISTLE_TIERS.slice(0, 3)))).toEqual({
      code: 'INVALID_INPUT',
      message: '请设置“复杂诉求”的时限',
    })
    expect(refusal(() => validateWhistleTiers([]))).toEqual({
      code: 'INVALID_INPUT',
      message: '请设置“危及生命财产安全”“水电气热”“一般诉求”“复杂诉求”的时限',
    })
  })

  it('refuses a tier set twice', () => {
    expect(
      refusal(() =>
        validateWhistleTiers([
          ...DEFAULT_WHISTLE_TIERS,
          { tier: 'danger', label: '又一个', responseHours: 3 },
        ]),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '“危及生命财产安全”的时限设置了不止一次' })
  })

  it('refuses a tier it does not know', () => {
    const unknown = {
      tier: 'urgent',
      label: '加急',
      responseHours: 1,
    } as unknown as WhistleTierSetting
    expect(refusal(() => validateWhistleTiers([...DEFAULT_WHISTLE_TIERS, unknown]))).toEqual({
      code: 'INVALID_INPUT',
      message: '没有“urgent”这一类诉求',
    })
  })

  it.each([0, -2, 1.5, 721, Number.NaN])('refuses %p hours', (hours) => {
    expect(
      refusal(() =>
        validateWhistleTiers(
          tiers((t) => {
            t[1].responseHours = hours
          }),
        ),
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: '“水电气热”的时限应当是 1 到 720 之间的整小时数',
    })
  })

  it('takes 1 and 720 hours', () => {
    const edge = tiers((t) => {
      t[0].responseHours = 1
      t[3].responseHours = 720
    })
    expect(validateWhistleTiers(edge).map((t) => t.responseHours)).toEqual([1, 24, 168, 720])
  })

  it('refuses an empty label and one too long', () => {
    expect(
      refusal(() =>
        validateWhistleTiers(
          tiers((t) => {
            t[2].label = ' \u3000 '
          }),
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '请填写“一般诉求”这一类的名称' })
    expect(
      validateWhistleTiers(
        tiers((t) => {
          t[2].label = '一二三四五六七八九十一二三四五六七八九十'
        }),
      )[2].label,
    ).toBe('一二三四五六七八九十一二三四五六七八九十')
    expect(
      refusal(() =>
        validateWhistleTiers(
          tiers((t) => {
            t[2].label = '一二三四五六七八九十一二三四五六七八九十一'
          }),
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '诉求类别的名称不能超过 20 个字' })
  })
})

describe('dueAtOf', () => {
  it('adds the tier’s hours', () => {
    expect(dueAtOf('2026-11-20T02:00:00.000Z', 2).toISOString()).toBe('2026-11-20T04:00:00.000Z')
    expect(dueAtOf(at('2026-11-20T10:00:00'), 360).toISOString()).toBe('2026-12-05T02:00:00.000Z')
  })
})

describe('whistleDurationWords', () => {
  it.each([
    [-5, '不到 1 分钟'],
    [0, '不到 1 分钟'],
    [59_999, '不到 1 分钟'],
    [60_000, '1 分'],
    [3_600_000, '1 小时'],
    [5_400_000, '1 小时 30 分'],
    [86_399_999, '23 小时 59 分'],
    [86_400_000, '1 天'],
    [99_000_000, '1 天 3 小时'],
  ])('%p ms reads %p', (ms, words) => {
    expect(whistleDurationWords(ms)).toBe(words)
  })
})

describe('whistleState: a 2-hour whistle nobody answers', () => {
  it('is the department’s, with 1 h 30 min left, at 10:30', () => {
    const now = at('2026-11-20T10:30:00')
    const state = whistleState(danger, now)
    expect(state).toEqual({
      status: 'raised',
      dueAt: new Date('2026-11-20T04:00:00.000Z'),
      level: 'department',
      overdue: false,
      answered: false,
      answeredInTime: undefined,
      nextDeadline: new Date('2026-11-20T04:00:00.000Z'),
      remainingMs: 5_400_000,
    })
    expect(whistleClockWords(state, now)).toBe('还剩 1 小时 30 分')
  })

  it('is not yet overdue at dueAt itself', () => {
    const now = at('2026-11-20T12:00:00')
    const state = whistleState(danger, now)
    expect(state.level).toBe('department')
    expect(state.overdue).toBe(false)
    expect(state.answeredInTime).toBeUndefined()
    expect(state.remainingMs).toBe(0)
    expect(whistleClockWords(state, now)).toBe('还剩 不到 1 分钟')
  })

  it('goes to the township 1 ms after dueAt, with one more 2-hour period', () => {
    const now = at('2026-11-20T12:00:00.001')
    const state = whistleState(danger, now)
    expect(state).toEqual({
      status: 'raised',
      dueAt: new Date('2026-11-20T04:00:00.000Z'),
      level: 'township',
      overdue: true,
      answered: false,
      answeredInTime: false,
      nextDeadline: new Date('2026-11-20T06:00:00.000Z'),
      remainingMs: 7_199_999,
    })
    expect(whistleClockWords(state, now)).toBe('已超时 不到 1 分钟，已转乡镇')
  })

  it('is still the township’s at 14:00 exactly', () => {
    const state = whistleState(danger, at('2026-11-20T14:00:00'))
    expect(state.level).toBe('township')
    expect(state.remainingMs).toBe(0)
  })

  it('goes to the district 1 ms after 14:00, with no deadline above it', () => {
    const now = at('2026-11-20T14:00:00.001')
    const state = whistleState(danger, now)
    expect(state.level).toBe('district')
    expect(state.overdue).toBe(true)
    expect(state.nextDeadline).toBeUndefined()
    expect(state.remainingMs).toBeUndefined()
    expect(whistleClockWords(state, now)).toBe('已超时 2 小时，已转区')
  })

  it('counts the time overdue from dueAt, in days and hours after a day', () => {
    // 12:00 on the 20th to 15:30 on the 21st: 27 h 30 min.
    const now = at('2026-11-21T15:30:00')
    expect(whistleClockWords(whistleState(danger, now), now)).toBe('已超时 1 天 3 小时，已转区')
  })
})

describe('whistleState: answered', () => {
  it('a whistle acknowledged in time stays the department’s and answered in time', () => {
    const w: WhistleClock = {
      ...danger,
      status: 'acknowledged',
      acknowledgedAt: at('2026-11-20T11:59:00'),
    }
    const now = at('2026-11-25T09:00:00')
    const state = whistleState(w, now)
    expect(state).toEqual({
      status: 'acknowledged',
      dueAt: new Date('2026-11-20T04:00:00.000Z'),
      level: 'department',
      overdue: false,
      answered: true,
      answeredInTime: true,
    })
    expect(whistleClockWords(state, now)).toBe('已报到')
    expect(escalationDue(w, now)).toBeUndefined()
  })

  it('an acknowledgement at dueAt itself is in time', () => {
    const w: WhistleClock = {
      ...danger,
      status: 'acknowledged',
      acknowledgedAt: new Date('2026-11-20T04:00:00.000Z'),
    }
    const state = whistleState(w, at('2026-11-20T13:00:00'))
    expect(state.answeredInTime).toBe(true)
    expect(state.level).toBe('department')
  })

  it('a whistle acknowledged late (13:00) stays with the township and counts as late', () => {
    const w: WhistleClock = {
      ...danger,
      status: 'acknowledged',
      acknowledgedAt: at('2026-11-20T13:00:00'),
      escalatedTo: 'township',
    }
    const now = at('2026-11-22T13:00:00')
    const state = whistleState(w, now)
    expect(state.level).toBe('township')
    expect(state.overdue).toBe(false)
    expect(state.answered).toBe(true)
    expect(state.answeredInTime).toBe(false)
    expect(whistleClockWords(state, now)).toBe('已报到（超时）')
    // Two days on, the district is never reached: the answer stopped the clock.
    expect(escalationDue(w, now)).toBeUndefined()
  })

  it('a late acknowledgement the scheduler missed still has its township step recorded', () => {
    const w: WhistleClock = {
      ...danger,
      status: 'acknowledged',
      acknowledgedAt: at('2026-11-20T13:00:00'),
    }
    expect(escalationDue(w, at('2026-11-20T16:00:00'))).toBe('township')
  })

  it('a whistle resolved without a separate acknowledgement is answered by its resolution', () => {
    const w: WhistleClock = { ...danger, status: 'resolved', resolvedAt: at('2026-11-20T11:00:00') }
    const now = at('2026-11-21T08:00:00')
    const state = whistleState(w, now)
    expect(state.level).toBe('department')
    expect(state.overdue).toBe(false)
    expect(state.answeredInTime).toBe(true)
    expect(whistleClockWords(state, now)).toBe('已办结')
  })

  it('a resolved whistle acknowledged late is counted by its acknowledgement', () => {
    const w: WhistleClock = {
      ...danger,
      status: 'resolved',
      acknowledgedAt: at('2026-11-20T14:30:00'),
      resolvedAt: at('2026-11-20T15:00:00'),
      escalatedTo: 'district',
    }
    const state = whistleState(w, at('2026-11-21T08:00:00'))
    expect(state.level).toBe('district')
    expect(state.overdue).toBe(false)
    expect(state.answeredInTime).toBe(false)
  })

  it('a whistle returned within its clock is answered in time, by its return', () => {
    const w: WhistleClock = { ...danger, status: 'returned', returnedAt: at('2026-11-20T11:30:00') }
    const state = whistleState(w, at('2026-11-21T08:00:00'))
    expect(state.level).toBe('department')
    expect(state.answered).toBe(true)
    expect(state.answeredInTime).toBe(true)
  })

  it('a whistle returned after its clock ran out is answered late, at the township', () => {
    const w: WhistleClock = { ...danger, status: 'returned', returnedAt: at('2026-11-20T13:00:00') }
    const state = whistleState(w, at('2026-11-21T08:00:00'))
    expect(state.level).toBe('township')
    expect(state.answeredInTime).toBe(false)
  })

  it('a returned whistle with no answer time keeps its recorded level and is not judged', () => {
    const w: WhistleClock = { ...danger, status: 'returned', escalatedTo: 'township' }
    const now = at('2026-11-21T08:00:00')
    const state = whistleState(w, now)
    expect(state).toEqual({
      status: 'returned',
      dueAt: new Date('2026-11-20T04:00:00.000Z'),
      level: 'township',
      overdue: false,
      answered: true,
      answeredInTime: undefined,
    })
    expect(whistleClockWords(state, now)).toBe('已退回')
    expect(escalationDue(w, now)).toBeUndefined()
  })
})

describe('escalationDue: one step per level, township then district', () => {
  it('asks for nothing while the department’s clock runs, up to dueAt itself', () => {
    expect(escalationDue(danger, at('2026-11-20T10:00:00'))).toBeUndefined()
    expect(escalationDue(danger, at('2026-11-20T12:00:00'))).toBeUndefined()
  })

  it('asks for the township 1 ms after dueAt, once', () => {
    expect(escalationDue(danger, at('2026-11-20T12:00:00.001'))).toBe('township')
    const recorded = { ...danger, escalatedTo: 'township' as const }
    expect(escalationDue(recorded, at('2026-11-20T12:00:00.001'))).toBeUndefined()
    expect(escalationDue(recorded, at('2026-11-20T14:00:00'))).toBeUndefined()
  })

  it('asks for the district 1 ms after the township’s period, once', () => {
    const township = { ...danger, escalatedTo: 'township' as const }
    expect(escalationDue(township, at('2026-11-20T14:00:00.001'))).toBe('district')
    const district = { ...danger, escalatedTo: 'district' as const }
    expect(escalationDue(district, at('2026-11-27T14:00:00'))).toBeUndefined()
  })

  it('records the township first when the scheduler comes late, then the district', () => {
    const now = at('2026-11-20T18:00:00')
    expect(escalationDue(danger, now)).toBe('township')
    expect(escalationDue({ ...danger, escalatedTo: 'township' }, now)).toBe('district')
    expect(escalationDue({ ...danger, escalatedTo: 'district' }, now)).toBeUndefined()
  })
})

describe('a 24-hour whistle', () => {
  const utilities: WhistleClock = {
    status: 'raised',
    raisedAt: at('2026-11-20T10:00:00'),
    dueAt: dueAtOf(at('2026-11-20T10:00:00'), 24),
    responseHours: 24,
  }

  it('has a day when blown, 11 h 45 min at 22:15, and the township a day more', () => {
    const blown = at('2026-11-20T10:00:00')
    expect(whistleClockWords(whistleState(utilities, blown), blown)).toBe('还剩 1 天')
    const evening = at('2026-11-20T22:15:00')
    expect(whistleClockWords(whistleState(utilities, evening), evening)).toBe('还剩 11 小时 45 分')
    const next = whistleState(utilities, at('2026-11-21T10:00:00.001'))
    expect(next.level).toBe('township')
    expect(next.nextDeadline?.toISOString()).toBe('2026-11-22T02:00:00.000Z')
  })
})

describe('across a daylight-saving change of the machine’s zone (Sydney, 4 October 2026)', () => {
  // 01:00 in Shanghai on 4 October is 2026-10-03T17:00Z; Sydney moves its clocks at 16:00Z.
  const w: WhistleClock = {
    status: 'raised',
    raisedAt: new Date('2026-10-03T15:30:00.000Z'),
    dueAt: dueAtOf('2026-10-03T15:30:00.000Z', 2),
    responseHours: 2,
  }

  it('counts elapsed time, not wall-clock time', () => {
    expect(w.dueAt.toISOString()).toBe('2026-10-03T17:30:00.000Z')
    const now = new Date('2026-10-03T16:30:00.000Z')
    expect(whistleClockWords(whistleState(w, now), now)).toBe('还剩 1 小时')
  })
})

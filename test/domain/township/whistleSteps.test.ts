/** The whistle's transition table, who acts at each level, and the timeline's words, by hand. */
import {
  actingLevels,
  responseHoursWords,
  whistleStepWords,
  whistleTransition,
} from '../../../domain/township/whistleSteps'

describe('whistleTransition', () => {
  it.each([
    ['raised', 'acknowledgeWhistle', 'acknowledged'],
    ['acknowledged', 'reportWhistleProgress', 'acknowledged'],
    ['raised', 'resolveWhistle', 'resolved'],
    ['acknowledged', 'resolveWhistle', 'resolved'],
    ['raised', 'returnWhistle', 'returned'],
    ['acknowledged', 'returnWhistle', 'returned'],
  ] as const)('%s --%s--> %s', (from, act, to) => {
    expect(whistleTransition(from, act)).toBe(to)
  })

  it.each([
    ['raised', 'reportWhistleProgress', '这次吹哨现在是“待报到”，不能报告进展，请先报到。'],
    ['acknowledged', 'acknowledgeWhistle', '这次吹哨现在是“已报到”，不能报到。'],
    ['resolved', 'returnWhistle', '这次吹哨现在是“已办结”，不能退回。'],
    ['returned', 'resolveWhistle', '这次吹哨现在是“已退回”，不能办结。'],
  ] as const)('%s refuses %s', (from, act, message) => {
    expect(() => whistleTransition(from, act)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message }),
    )
  })
})

describe('actingLevels', () => {
  it('adds the township, then the district, never takes the department off', () => {
    expect(actingLevels('department')).toEqual(['department'])
    expect(actingLevels('township')).toEqual(['department', 'township'])
    expect(actingLevels('district')).toEqual(['department', 'township', 'district'])
  })
})

describe('the words on the matter’s timeline', () => {
  it('says each step as the village reads it', () => {
    expect(responseHoursWords(2)).toBe('2 小时')
    expect(responseHoursWords(24)).toBe('24 小时')
    expect(responseHoursWords(168)).toBe('7 天')
    expect(responseHoursWords(30)).toBe('30 小时')
    expect(
      whistleStepWords({
        kind: 'raised',
        departmentName: '区水务局',
        tierLabel: '危及生命财产安全',
        responseHours: 2,
        note: '',
      }),
    ).toBe('已吹哨：区水务局（危及生命财产安全，2 小时内报到）')
    expect(whistleStepWords({ kind: 'acknowledged', unitName: '区水务局', late: false })).toBe(
      '区水务局已报到',
    )
    expect(whistleStepWords({ kind: 'acknowledged', unitName: '东镇', late: true })).toBe(
      '东镇已报到（超时）',
    )
    expect(
      whistleStepWords({
        kind: 'escalated',
        departmentName: '区水务局',
        level: 'township',
        unitName: '东镇',
      }),
    ).toBe('区水务局超时未报到，已升级到乡镇（东镇）')
    expect(whistleStepWords({ kind: 'returned', unitName: '区水务局', reason: '不归本局' })).toBe(
      '区水务局退回：不归本局',
    )
  })
})

/** The meeting screen's pure part: counts as typed, who counts as ticked off, the step. */
import {
  boxLines,
  boxSum,
  paperStep,
  parseCount,
  stepWords,
  tickedCount,
  voterMark,
} from '../../../../../../src/packages/committee/pages/meeting/model'
import type { PendingItem } from '../../../../../../src/services/pending'

const item = (action: string, state: PendingItem['state'], payload: unknown = {}): PendingItem => ({
  id: `${action}-${state}`,
  fn: 'polls',
  action,
  payload,
  label: action,
  scope: 'poll:p1',
  key: action,
  state,
  addedAt: '2026-11-24T11:00:00.000Z',
})

describe('the meeting screen’s arithmetic', () => {
  it('reads counts: empty is 0, digits only', () => {
    expect([parseCount(''), parseCount(' 7 '), parseCount('12')]).toEqual([0, 7, 12])
    expect([parseCount('-1'), parseCount('1.5'), parseCount('三')].every(Number.isNaN)).toBe(true)
    expect(boxSum({ yes: '3', no: '1', abstain: '', spoiled: '0' })).toBe(4)
  })

  it('the box has each choice and 废票', () => {
    expect(boxLines({ kind: 'yesNo', options: [] }).map((l) => l.label)).toEqual([
      '赞成',
      '反对',
      '弃权',
      '废票',
    ])
    const options = [
      { id: 'o1', label: '村口' },
      { id: 'o2', label: '桥头' },
    ]
    expect(boxLines({ kind: 'choice', options }).map((l) => l.choice)).toEqual([
      'o1',
      'o2',
      'spoiled',
    ])
  })

  it('ticked off: on paper in the turnout, or ticked here and not refused', () => {
    const voters = [
      { personId: 'a', name: '甲', voted: true, channel: 'paper' as const },
      { personId: 'b', name: '乙', voted: true, channel: 'online' as const },
      { personId: 'c', name: '丙', voted: false },
      { personId: 'd', name: '丁', voted: false },
    ]
    const pending = [
      item('markPaperVoter', 'waiting', { pollId: 'p1', personId: 'b' }),
      item('markPaperVoter', 'refused', { pollId: 'p1', personId: 'c' }),
      item('markPaperVoter', 'sent', { pollId: 'p1', personId: 'a' }),
    ]
    expect(tickedCount(voters, pending)).toBe(2)
    expect(voters.map((v) => voterMark(v, pending))).toEqual(['paper', 'ticking', 'none', 'none'])
  })

  it('the step: 1 nobody ticked, 2 ticked, 3 entered here, 4 confirmed here', () => {
    expect(paperStep(0, [])).toBe(1)
    expect(paperStep(2, [])).toBe(2)
    expect(paperStep(2, [item('enterPaperCounts', 'refused')])).toBe(2)
    expect(paperStep(2, [item('enterPaperCounts', 'waiting')])).toBe(3)
    expect(paperStep(2, [item('confirmPaperCounts', 'sent')])).toBe(4)
    expect(stepWords(4, [item('confirmPaperCounts', 'sent')])).toBe(
      '票箱的票数已经确认，等截止后计票',
    )
    expect(stepWords(4, [item('confirmPaperCounts', 'waiting')])).toBe(
      '您的确认已经记在手机上，等网络好了自动发送',
    )
  })
})

/** 接诉即办's clock (domain/matters/rules.ts: hoursLeft, byDeadline), beside isOverdue. Expected by hand. */
import { byDeadline, hoursLeft, isOverdue } from '../../../domain/matters/rules'

const now = new Date('2026-11-21T09:00:00+08:00')
const at = (hours: number) => new Date(now.getTime() + hours * 3600e3)

describe('hoursLeft', () => {
  it('whole hours, rounded down; negative exactly when overdue', () => {
    const cases: Array<[number, number, boolean]> = [
      [48, 48, false],
      [47.5, 47, false],
      [0.01, 0, false],
      [0, 0, false],
      [-0.01, -1, true],
      [-48, -48, true],
      [-48.5, -49, true],
    ]
    for (const [h, left, overdue] of cases) {
      const m = { status: 'raised' as const, respondBy: at(h) }
      expect({ h, left: hoursLeft(m, now), overdue: isOverdue(m, now) }).toEqual({
        h,
        left,
        overdue,
      })
    }
  })
})

describe('byDeadline', () => {
  it('the nearest deadline (the longest overdue) first, ties by id, the input untouched', () => {
    const input = [
      { _id: 'b', respondBy: at(2) },
      { _id: 'c', respondBy: at(-5) },
      { _id: 'a', respondBy: at(2) },
      { _id: 'd', respondBy: at(30) },
    ]
    expect(byDeadline(input).map((m) => m._id)).toEqual(['c', 'a', 'b', 'd'])
    expect(input.map((m) => m._id)).toEqual(['b', 'c', 'a', 'd'])
  })
})

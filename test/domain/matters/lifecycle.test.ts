import type { MatterStatus } from '../../../types/model/matter'
import {
  ACTION_LABELS,
  FINAL_STATUSES,
  nextActions,
  STATUS_LABELS,
  transition,
  TRANSITIONS,
  type TransitionAction,
} from '../../../domain/matters/lifecycle'
import { DomainError } from '../../../domain/shared/errors'

const STATUSES = Object.keys(STATUS_LABELS) as MatterStatus[]
const ACTIONS = Object.keys(TRANSITIONS) as TransitionAction[]

/** The lifecycle as the issue states it, written out independently of the table. */
const ROAD: Array<[MatterStatus, TransitionAction, MatterStatus]> = [
  ['raised', 'acceptMatter', 'accepted'],
  ['raised', 'declineMatter', 'declined'],
  ['raised', 'mergeMatter', 'merged'],
  ['raised', 'withdrawMatter', 'withdrawn'],
  ['accepted', 'startDiscussion', 'discussing'],
  ['discussing', 'openPoll', 'deciding'],
  ['deciding', 'publishTally', 'decided'],
  ['deciding', 'returnToDiscussion', 'discussing'],
  ['discussing', 'recordDecision', 'decided'],
  ['decided', 'assignHandling', 'handling'],
  ['handling', 'resolveMatter', 'resolved'],
  ['resolved', 'closeMatter', 'closed'],
]

describe('the matter lifecycle table', () => {
  it('allows exactly the transitions of the issue, from every status', () => {
    for (const from of STATUSES) {
      for (const action of ACTIONS) {
        const road = ROAD.find(([f, a]) => f === from && a === action)
        if (road) {
          expect(transition(from, action)).toBe(road[2])
        } else {
          expect(() => transition(from, action)).toThrow(DomainError)
        }
      }
    }
  })

  it('refuses in plain words naming both the status and the act', () => {
    expect(() => transition('closed', 'acceptMatter')).toThrow('这件事现在是“已关闭”，不能受理。')
    expect(() => transition('withdrawn', 'resolveMatter')).toThrow(
      expect.objectContaining({ name: 'DomainError', code: 'CONFLICT' }),
    )
  })

  it('final statuses lead nowhere; every other status leads somewhere', () => {
    for (const s of STATUSES) {
      expect({ s, final: nextActions(s).length === 0 }).toEqual({
        s,
        final: FINAL_STATUSES.includes(s),
      })
    }
  })

  it('every status and act has a Chinese label', () => {
    for (const s of STATUSES) expect(STATUS_LABELS[s]).toMatch(/^[\u4e00-\u9fff]+$/)
    for (const a of ACTIONS) expect(ACTION_LABELS[a]).toMatch(/^[\u4e00-\u9fff]+$/)
  })

  it('every status is reachable from raised or from a committee topic (accepted)', () => {
    const reached = new Set<MatterStatus>(['raised', 'accepted'])
    for (let changed = true; changed;) {
      changed = false
      for (const [from, , to] of ROAD) {
        if (reached.has(from) && !reached.has(to)) {
          reached.add(to)
          changed = true
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATUSES].sort())
  })
})

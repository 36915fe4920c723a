import type { Matter } from '../../../types/model/matter'
import { availableActions } from '../../../domain/matters/actions'
import {
  addDays,
  closable,
  isOverdue,
  ratingOpen,
  upcomingTalkDays,
} from '../../../domain/matters/rules'
import { DEMO_POLL, demoMatters } from '../../../domain/matters/demo'
import { STATUS_LABELS } from '../../../domain/matters/lifecycle'

const now = new Date('2026-11-27T10:00:00+08:00')
const ms = (d: Date) => d.getTime()

describe('接诉即办: overdue', () => {
  it('a raised matter is overdue only after its deadline', () => {
    const respondBy = addDays(now, -1)
    expect(isOverdue({ status: 'raised', respondBy }, now)).toBe(true)
    expect(isOverdue({ status: 'raised', respondBy: now }, now)).toBe(false)
    expect(isOverdue({ status: 'accepted', respondBy }, now)).toBe(false)
  })
})

describe('民意测评: the rating window', () => {
  const ends = addDays(now, 1)
  it('open while resolved and before its end; closable from its end', () => {
    expect(ratingOpen({ status: 'resolved', ratingEndsAt: ends }, now)).toBe(true)
    expect(ratingOpen({ status: 'resolved', ratingEndsAt: now }, now)).toBe(false)
    expect(ratingOpen({ status: 'closed', ratingEndsAt: ends }, now)).toBe(false)
    expect(closable({ status: 'resolved', ratingEndsAt: ends }, now)).toBe(false)
    expect(closable({ status: 'resolved', ratingEndsAt: now }, now)).toBe(true)
    expect(closable({ status: 'resolved' }, now)).toBe(false)
  })
})

describe('upcomingTalkDays', () => {
  it('lists the next talk days after today, across month ends', () => {
    expect(upcomingTalkDays(now, [4, 14, 24], 4)).toEqual([
      '2026-12-04',
      '2026-12-14',
      '2026-12-24',
      '2027-01-04',
    ])
    expect(upcomingTalkDays(new Date('2026-12-24T23:59:00+08:00'), [24], 2)).toEqual([
      '2027-01-24',
      '2027-02-24',
    ])
  })
})

describe('availableActions', () => {
  const m = (over: Partial<Matter>): Matter => ({
    _id: 'm',
    villageId: 'v',
    title: 't',
    body: 'b',
    photos: [],
    origin: 'resident',
    urgent: false,
    status: 'raised',
    raisedBy: 'owner',
    raisedByName: 'o',
    raisedAt: now,
    respondBy: addDays(now, 3),
    statusAt: {},
    rating: { count: 0, sum: 0, raters: [] },
    updatedAt: now,
    ...over,
  })
  const committee = {
    memberId: 'c',
    villageId: 'v',
    roles: ['resident', 'committee'] as const,
    status: 'verified' as const,
  }
  const owner = {
    memberId: 'owner',
    villageId: 'v',
    roles: ['resident'] as const,
    status: 'verified' as const,
  }
  const moderator = {
    memberId: 'mo',
    villageId: 'v',
    roles: ['resident', 'moderator'] as const,
    status: 'verified' as const,
  }

  it('the raiser may withdraw; the committee accept, decline or merge', () => {
    expect(availableActions(owner, m({}), now)).toEqual(['withdrawMatter'])
    expect(availableActions(committee, m({}), now)).toEqual([
      'acceptMatter',
      'declineMatter',
      'mergeMatter',
    ])
    expect(availableActions(null, m({}), now)).toEqual([])
  })

  it('rating once while the window is open; closing only after it', () => {
    const resolved = m({ status: 'resolved', ratingEndsAt: addDays(now, 1) })
    const talk = ['postStatement', 'reportStatement']
    expect(availableActions(owner, resolved, now)).toEqual(['rateMatter', ...talk])
    const rated = m({ ...resolved, rating: { count: 1, sum: 5, raters: ['owner'] } })
    expect(availableActions(owner, rated, now)).toEqual(talk)
    expect(availableActions(moderator, resolved, now)).toEqual(['rateMatter', ...talk])
    const over = m({ status: 'resolved', ratingEndsAt: addDays(now, -1) })
    expect(availableActions(moderator, over, now)).toEqual(['closeMatter', ...talk])
  })

  it('the discussion takes statements and reports from acceptance until resolution', () => {
    expect(availableActions(owner, m({ status: 'discussing' }), now)).toEqual([
      'postStatement',
      'reportStatement',
    ])
    expect(availableActions(owner, m({ status: 'closed' }), now)).toEqual([])
    expect(availableActions(null, m({ status: 'discussing' }), now)).toEqual([])
  })
})

describe('demo matters', () => {
  it('cover every status, with consistent timelines', () => {
    const demo = demoMatters(now)
    // 已决议 comes from the seeded poll's count (scripts/seedPoll.ts), which moves its matter on.
    const seeded = demo.matters.map((x) => (x._id === DEMO_POLL.matterId ? 'decided' : x.status))
    expect(demo.matters.find((x) => x._id === DEMO_POLL.matterId)?.status).toBe('deciding')
    expect(new Set(seeded)).toEqual(new Set(Object.keys(STATUS_LABELS)))
    for (const matter of demo.matters) {
      const log = demo.auditLogs.filter((e) => e.subjectId === matter._id)
      expect(log.filter((e) => e.to).at(-1)?.to).toBe(matter.status)
      const times = log.map((e) => ms(e.at))
      expect(times).toEqual([...times].sort((a, b) => a - b))
    }
  })
})

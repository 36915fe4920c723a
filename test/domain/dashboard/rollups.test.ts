/**
 * The stored rollups (what each act adds, domain/dashboard/rollups.ts) plus the clocks that ran
 * out unanswered equal a full recount by the one definition (`rollupFrom`), month by month — on
 * 400 matters walked through their lifecycle act by act (each act adding contribution(after) −
 * contribution(before), as the back end does in the act's transaction), with ratings, whistles and
 * ledger entries, at several instants. Plus the arithmetic's edges (a count going below 0).
 */
import type { MatterStatus } from '../../../types/model/matter'
import {
  lastTwelveMonths,
  monthKey,
  rollupFrom,
  type LedgerFacts,
  type MonthKey,
  type RatingFacts,
  type Rollup,
  type WhistleFacts,
} from '../../../domain/dashboard/metrics'
import {
  addDeltas,
  applyDelta,
  deltaOf,
  ledgerContribution,
  matterContribution,
  monthFigures,
  ratingContribution,
  rollupsAfter,
  whistleContribution,
  type Delta,
  type MatterRecord,
} from '../../../domain/dashboard/rollups'
import { DomainError } from '../../../domain/shared/errors'

const DAY = 86400e3
const HOUR = 3600e3

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const START = new Date('2026-01-01T00:00:00+08:00').getTime()

interface World {
  stored: Map<MonthKey, Rollup>
  matters: MatterRecord[]
  ratings: RatingFacts[]
  whistles: WhistleFacts[]
  ledger: LedgerFacts[]
}

function record(world: World, delta: Delta): void {
  for (const r of rollupsAfter('v1', world.stored, delta)) world.stored.set(r.month, r)
}

/** One matter's life, act by act, each act recorded as its change of contribution. */
function live(world: World, rnd: () => number): void {
  const raisedAt = new Date(START + Math.floor(rnd() * 330 * DAY))
  const resident = rnd() < 0.85
  let m: MatterRecord = resident
    ? {
        origin: 'resident',
        status: 'raised',
        raisedAt,
        respondBy: new Date(raisedAt.getTime() + (1 + Math.floor(rnd() * 5)) * DAY),
        statusAt: { raised: raisedAt },
      }
    : {
        origin: 'committee',
        status: 'accepted',
        raisedAt,
        respondBy: raisedAt,
        statusAt: { raised: raisedAt, accepted: raisedAt },
      }
  record(world, deltaOf(matterContribution(undefined), matterContribution(m)))
  const act = (status: MatterStatus, at: Date) => {
    const next: MatterRecord = { ...m, status, statusAt: { ...m.statusAt, [status]: at } }
    record(world, deltaOf(matterContribution(m), matterContribution(next)))
    m = next
  }
  if (resident) {
    const roll = rnd()
    // answered within 0 … 8 days: in time or late; or withdrawn; or never answered
    const at = new Date(raisedAt.getTime() + Math.floor(rnd() * 8 * DAY))
    if (roll < 0.55) act('accepted', at)
    else if (roll < 0.65) act('declined', at)
    else if (roll < 0.7) act('merged', at)
    else if (roll < 0.8) act('withdrawn', at)
    // the deadline itself is in time
    else if (roll < 0.83) act('accepted', m.respondBy)
  }
  if (m.status === 'accepted' && rnd() < 0.6) {
    const resolvedAt = new Date((m.statusAt.accepted as Date).getTime() + rnd() * 40 * DAY)
    act('discussing', new Date(resolvedAt.getTime() - HOUR))
    act('resolved', resolvedAt)
    for (let i = Math.floor(rnd() * 4); i > 0; i--) {
      const rating: RatingFacts = {
        score: (1 + Math.floor(rnd() * 5)) as RatingFacts['score'],
        at: new Date(resolvedAt.getTime() + rnd() * 6 * DAY),
      }
      world.ratings.push(rating)
      record(world, ratingContribution(rating))
    }
    if (rnd() < 0.3) act('closed', new Date(resolvedAt.getTime() + 7 * DAY))
  }
  world.matters.push(m)
}

function whistle(world: World, rnd: () => number): void {
  const raisedAt = new Date(START + Math.floor(rnd() * 330 * DAY))
  const hours = [2, 24, 168, 360][Math.floor(rnd() * 4)] as number
  const dueAt = new Date(raisedAt.getTime() + hours * HOUR)
  let w: WhistleFacts = {
    departmentId: ['water', 'roads', 'parks'][Math.floor(rnd() * 3)] as string,
    status: 'raised',
    raisedAt,
    dueAt,
    responseHours: hours,
  }
  const roll = rnd()
  const at = new Date(raisedAt.getTime() + rnd() * 2 * hours * HOUR)
  let next: WhistleFacts | undefined
  if (roll < 0.5) next = { ...w, status: 'acknowledged', acknowledgedAt: at }
  else if (roll < 0.6) next = { ...w, status: 'resolved', resolvedAt: at }
  else if (roll < 0.7) next = { ...w, status: 'returned', returnedAt: at }
  else if (roll < 0.75) next = { ...w, status: 'returned' }
  record(world, whistleContribution(w))
  if (next) {
    record(world, deltaOf(whistleContribution(w), whistleContribution(next)))
    w = next
  }
  world.whistles.push(w)
}

function ledgerEntry(world: World, rnd: () => number): void {
  const made = new Date(START + Math.floor(rnd() * 330 * DAY))
  let e: LedgerFacts = { month: monthKey(made) }
  record(world, ledgerContribution(e))
  if (rnd() < 0.5) {
    const next = { ...e, completedAt: new Date(made.getTime() + rnd() * 60 * DAY) }
    record(world, deltaOf(ledgerContribution(e), ledgerContribution(next)))
    e = next
  }
  world.ledger.push(e)
}

/** What the dashboard counts at read time: the clocks still `raised` whose deadline passed. */
function ranOut(world: World, month: MonthKey, now: Date) {
  const matters = world.matters.filter(
    (m) =>
      m.origin === 'resident' &&
      m.status === 'raised' &&
      m.respondBy.getTime() < now.getTime() &&
      monthKey(m.respondBy) === month,
  ).length
  const whistlesByDepartment: Record<string, number> = {}
  for (const w of world.whistles) {
    if (w.status !== 'raised' || new Date(w.dueAt).getTime() >= now.getTime()) continue
    if (monthKey(w.dueAt) !== month) continue
    whistlesByDepartment[w.departmentId] = (whistlesByDepartment[w.departmentId] ?? 0) + 1
  }
  return { matters, whistlesByDepartment }
}

describe('stored rollups + ran-out clocks = a full recount (rollupFrom)', () => {
  const rnd = random(14)
  const world: World = { stored: new Map(), matters: [], ratings: [], whistles: [], ledger: [] }
  for (let i = 0; i < 400; i++) live(world, rnd)
  for (let i = 0; i < 120; i++) whistle(world, rnd)
  for (let i = 0; i < 60; i++) ledgerEntry(world, rnd)

  // Instants after every act (acts happen up to ~2 months past the last raise, in 2027): the
  // stored counts are final, the ran-out part depends on now.
  it.each(['2027-03-01T00:00:00+08:00', '2027-06-15T12:00:00+08:00'])('at %s', (iso) => {
    const now = new Date(iso)
    const months = [
      ...lastTwelveMonths(new Date('2026-12-15T00:00:00+08:00')),
      '2027-01',
      '2027-02',
    ]
    let checked = 0
    for (const month of months) {
      const expected = rollupFrom({ unitId: 'v1', month, now, ...world })
      const stored = world.stored.get(month)
      const got = monthFigures('v1', month, stored ? [stored] : [], ranOut(world, month, now))
      expect(got).toEqual(expected)
      checked += expected.raised + expected.due + expected.ratings + expected.whistlesDue
    }
    // the world is not empty: the comparison counted something in every kind
    expect(checked).toBeGreaterThan(800)
  })

  it('every kind of count occurs', () => {
    const total = monthFigures('v1', 'all', [...world.stored.values()], {
      matters: 0,
      whistlesByDepartment: {},
    })
    for (const key of [
      'raised',
      'due',
      'answeredInTime',
      'accepted',
      'resolved',
      'ratings',
      'satisfied',
      'whistlesDue',
      'whistlesAnsweredInTime',
      'matchesMade',
      'matchesCompleted',
    ] as const) {
      expect(total[key]).toBeGreaterThan(0)
    }
    expect(Object.keys(total.overdueByDepartment ?? {}).sort()).toEqual(['parks', 'roads', 'water'])
  })
})

describe('the arithmetic', () => {
  const at = (local: string) => new Date(`${local}+08:00`)
  const raised: MatterRecord = {
    origin: 'resident',
    status: 'raised',
    raisedAt: at('2026-11-30T10:00:00'),
    respondBy: at('2026-12-01T10:00:00'),
    statusAt: { raised: at('2026-11-30T10:00:00') },
  }

  it('an acceptance adds, to the months it touches, exactly what it settles', () => {
    const accepted: MatterRecord = {
      ...raised,
      status: 'accepted',
      statusAt: { ...raised.statusAt, accepted: at('2026-12-01T10:00:00') },
    }
    // due and in time in December (the deadline itself), accepted in December; November untouched
    expect(deltaOf(matterContribution(raised), matterContribution(accepted))).toEqual({
      '2026-12': {
        counts: { due: 1, answeredInTime: 1, accepted: 1 },
        overdueByDepartment: {},
      },
    })
  })

  it('opposite changes cancel out to nothing', () => {
    const d = matterContribution(raised)
    expect(addDeltas(d, deltaOf(d, matterContribution(undefined)))).toEqual({})
  })

  it('a count below 0 is refused, never stored', () => {
    const empty = rollupsAfter('v1', new Map(), {})
    expect(empty).toEqual([])
    expect(() =>
      applyDelta(
        { ...monthFigures('v1', '2026-11', [], { matters: 0, whistlesByDepartment: {} }) },
        { counts: { resolved: -1 }, overdueByDepartment: {} },
      ),
    ).toThrow(DomainError)
  })
})

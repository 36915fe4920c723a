// domain/village/memberships: which of a person's memberships a call acts as, by a table written
// out here (not derived from the rule itself).
import { chooseMembership, isFinished } from '../../../domain/village/memberships'
import type { MemberStatus } from '../../../types/model/member'

const m = (id: string, villageId: string, status: MemberStatus, requestedAt: string) => ({
  _id: id,
  villageId,
  status,
  requestedAt: new Date(requestedAt),
})

const A = m('a', 'va', 'verified', '2026-01-01T00:00:00Z')
const B = m('b', 'vb', 'verified', '2026-03-01T00:00:00Z')
const C = m('c', 'vc', 'pending', '2026-05-01T00:00:00Z')
const D = m('d', 'vd', 'left', '2026-06-01T00:00:00Z')
const E = m('e', 've', 'declined', '2026-02-01T00:00:00Z')
const B2 = m('b0', 'vx', 'verified', '2026-03-01T00:00:00Z')

describe('chooseMembership', () => {
  it.each([
    ['none at all', [], undefined, undefined],
    ['one: that one (all data before #14)', [D], undefined, 'd'],
    ['one, named: that one', [A], 'va', 'a'],
    ['one, another village named: none', [A], 'vb', undefined],
    ['named wins over standing', [A, B, C], 'vc', 'c'],
    ['named, not theirs: none (never another of theirs)', [A, B, C], 'vz', undefined],
    ['verified before a newer pending', [A, B, C], undefined, 'b'],
    ['among verified, the latest asked', [B, A], undefined, 'b'],
    ['pending before declined and left', [C, D, E], undefined, 'c'],
    ['declined before a newer left', [D, E], undefined, 'e'],
    ['same standing and time: the smaller id', [B, B2], undefined, 'b'],
  ])('%s', (_name, list, villageId, want) => {
    expect(chooseMembership(list, villageId)?._id).toBe(want)
    expect(chooseMembership([...list].reverse(), villageId)?._id).toBe(want)
  })

  it('isFinished: only declined and left', () => {
    expect([A, C, D, E].map(isFinished)).toEqual([false, false, true, true])
  })
})

import { ROLES, type MemberStatus, type Role } from '../../../types/model/member'
import {
  checkClaim,
  checkJoinRequest,
  checkReview,
  checkRoleChange,
  normalizeRoles,
  ROLE_LABELS,
  sameRoles,
} from '../../../domain/village/roles'

function codeOf(f: () => unknown): string | undefined {
  try {
    f()
    return undefined
  } catch (e) {
    return (e as { code?: string }).code
  }
}

describe('normalizeRoles', () => {
  it('always keeps resident, drops repeats and orders as ROLES', () => {
    expect(normalizeRoles([])).toEqual(['resident'])
    expect(normalizeRoles(['committee', 'representative', 'committee'])).toEqual([
      'resident',
      'representative',
      'committee',
    ])
    expect(normalizeRoles([...ROLES].reverse())).toEqual([...ROLES])
  })

  it('sameRoles compares as stored', () => {
    expect(sameRoles(['committee'], ['resident', 'committee'])).toBe(true)
    expect(sameRoles(['committee'], ['moderator'])).toBe(false)
  })

  it('every role has a Chinese label', () => {
    for (const r of ROLES) expect(ROLE_LABELS[r as Role]).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('checkRoleChange', () => {
  it('never one’s own roles', () => {
    expect(codeOf(() => checkRoleChange('m1', { _id: 'm1', status: 'verified' }))).toBe('FORBIDDEN')
  })

  it('only verified members hold roles', () => {
    expect(codeOf(() => checkRoleChange('m1', { _id: 'm2', status: 'pending' }))).toBe('CONFLICT')
    expect(codeOf(() => checkRoleChange('m1', { _id: 'm2', status: 'declined' }))).toBe('CONFLICT')
    expect(codeOf(() => checkRoleChange('m1', { _id: 'm2', status: 'verified' }))).toBeUndefined()
  })
})

describe('membership status rules', () => {
  const cases: Array<[MemberStatus | undefined, string | undefined, string | undefined]> = [
    // status, may ask to join?, may be reviewed?
    [undefined, undefined, undefined],
    ['pending', 'CONFLICT', undefined],
    ['verified', 'CONFLICT', 'CONFLICT'],
    ['declined', undefined, 'CONFLICT'],
  ]
  it.each(cases)('%s: join → %s, review → %s', (status, join, review) => {
    expect(codeOf(() => checkJoinRequest(status ? { status } : undefined))).toBe(join)
    if (status) expect(codeOf(() => checkReview({ status }))).toBe(review)
  })
})

describe('who may claim a new village with its 启用码', () => {
  const cases: Array<[MemberStatus | undefined, string | undefined]> = [
    [undefined, undefined],
    ['pending', 'CONFLICT'],
    ['verified', 'CONFLICT'],
    ['declined', undefined],
    ['left', undefined],
  ]
  it.each(cases)('%s → %s', (status, claim) => {
    expect(codeOf(() => checkClaim(status ? { status } : undefined))).toBe(claim)
  })
})

/**
 * Roles and membership rules of a village: who may be given which role, and which requests and
 * reviews a membership's status allows. Pure; the `village` function asks here.
 */
import type { Member, MemberStatus, Role } from '../../types/model/member'
import { ROLES } from '../../types/model/member'
import { DomainError } from '../shared/errors'

export const ROLE_LABELS: Record<Role, string> = {
  resident: '村民',
  representative: '村民代表',
  committee: '村委会',
  moderator: '主持人',
  legalOfficer: '法治委员',
}

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  pending: '待审核',
  verified: '已认证',
  declined: '未通过',
  left: '已退出',
}

/** A member's roles as stored: 'resident' always kept, no repeats, in the order of ROLES. */
export function normalizeRoles(roles: readonly Role[]): Role[] {
  const wanted = new Set<Role>(['resident', ...roles])
  return ROLES.filter((r) => wanted.has(r))
}

export function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  const x = normalizeRoles(a)
  const y = normalizeRoles(b)
  return x.length === y.length && x.every((r, i) => r === y[i])
}

/**
 * Whether the committee member `actorId` may set the roles of `target`: roles are never
 * self-assigned, and only verified members hold roles.
 */
export function checkRoleChange(actorId: string, target: Pick<Member, '_id' | 'status'>): void {
  if (target._id === actorId) {
    throw new DomainError('FORBIDDEN', '不能修改自己的角色，请另一位村委会成员来修改。')
  }
  if (target.status !== 'verified') {
    throw new DomainError('CONFLICT', '只有已认证的村民才能设置角色，请先审核通过。')
  }
}

/** Whether someone with this membership (or none) may ask to join; throws CONFLICT if not. */
export function checkJoinRequest(existing: Pick<Member, 'status'> | undefined): void {
  if (existing?.status === 'pending') {
    throw new DomainError('CONFLICT', '您已经提交过申请，请耐心等待村委会审核。')
  }
  if (existing?.status === 'verified') {
    throw new DomainError('CONFLICT', '您已经是认证村民了，不用再申请。')
  }
}

/**
 * Whether someone with this membership (or none) may claim a new village with its 启用码: not while
 * they belong to a village or wait to join one (a declined or left membership is reused). Throws
 * CONFLICT if not.
 */
export function checkClaim(existing: Pick<Member, 'status'> | undefined): void {
  if (existing?.status === 'pending') {
    throw new DomainError(
      'CONFLICT',
      '您已经申请加入一个村，正在等村委会审核，不能再用启用码。请先等审核结果。',
    )
  }
  if (existing?.status === 'verified') {
    throw new DomainError(
      'CONFLICT',
      '您已经是一个村的村民了，不能再用启用码启用新的村。如果要换村，请先在“我的”里退出原来的村。',
    )
  }
}

/** Only a pending request can be approved or declined; throws CONFLICT otherwise. */
export function checkReview(member: Pick<Member, 'status'>): void {
  if (member.status !== 'pending') {
    throw new DomainError(
      'CONFLICT',
      `这个申请已经处理过了（${MEMBER_STATUS_LABELS[member.status]}），不能再审核。`,
    )
  }
}

export const LAST_COMMITTEE_MEMBER =
  '您是本村最后一位村委会成员，不能退出。请先让另一位村民担任村委会成员，再退出。'

/**
 * Whether `member` may leave their village, given how many other verified committee members it
 * has: a village is never left without a committee. Throws CONFLICT if not.
 */
export function checkLeave(member: Pick<Member, 'roles'>, otherCommittee: number): void {
  if (member.roles.includes('committee') && otherCommittee === 0) {
    throw new DomainError('CONFLICT', LAST_COMMITTEE_MEMBER)
  }
}

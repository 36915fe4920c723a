/**
 * Which of a WeChat user's memberships a call acts as (#14: one person may belong to several
 * villages — a township official living in one village and helping another, someone who moved).
 * Identity stays the platform's OPENID; the village is context: the app names the one the person
 * chose (the event's top-level `villageId`), and without one the rule below picks.
 *
 * - A village named: the caller's membership there, or none (then they call as a stranger, never
 *   as somebody else's membership, never as one of their own elsewhere).
 * - None named: the best-standing membership — verified before pending before declined before
 *   left — and among equals the one asked for last (latest `requestedAt`), then the smallest id.
 *   So one membership (all data stored before #14) is always chosen, as before.
 *
 * Pure; `cloudfunctions/_shared/actor.ts`, getMe and getHome ask here.
 */
import type { Member, MemberStatus } from '../../types/model/member'

const STANDING: Record<MemberStatus, number> = { verified: 0, pending: 1, declined: 2, left: 3 }

type Candidate = Pick<Member, '_id' | 'villageId' | 'status' | 'requestedAt'>

const time = (at: Date | string): number => new Date(at).getTime()

/** The default order: best standing first, then latest asked, then smallest id. */
export function byStanding(a: Candidate, b: Candidate): number {
  return (
    STANDING[a.status] - STANDING[b.status] ||
    time(b.requestedAt) - time(a.requestedAt) ||
    (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
  )
}

/** The membership a call acts as (see the header), or undefined. */
export function chooseMembership<M extends Candidate>(
  memberships: readonly M[],
  villageId?: string,
): M | undefined {
  if (villageId !== undefined) return memberships.find((m) => m.villageId === villageId)
  return [...memberships].sort(byStanding)[0]
}

/** A membership that stands no more (refused or left): asking to join again may reuse it. */
export const isFinished = (m: Pick<Member, 'status'>): boolean =>
  m.status === 'declined' || m.status === 'left'

/**
 * Who is calling the township function, and what they may see: a township's staff (their staff
 * records, ctx.staff()) and a village's members (their membership, ctx.actor()) — both from the
 * platform's OPENID, never from the request. The rules of seeing, in one place:
 *
 * - A caller with neither an active staff record nor a verified membership is refused before
 *   anything is read (UNAUTHENTICATED).
 * - A need or a ledger entry is seen by the staff of its township and the members of its village;
 *   a service by the staff of its township and the members of its township's villages
 *   (seesVillageEntry, seesService). Anyone
 *   else gets the very answer a made-up id gets (NOT_FOUND): another township's entries do not
 *   exist for them.
 * - Seeing is not acting: who may act is staffFor (domain/township/access.ts) for the township's
 *   side, `can` (domain/permissions) for the village's, and domain/township/lists.ts for which
 *   party answers a claim.
 */
import { can, type Action } from '../../domain/permissions'
import { NOT_STAFF, staffFor } from '../../domain/township/access'
import type { ListActor, VillageUnit } from '../../domain/township/lists'
import type { AppError } from '../../types/api'
import type { Staff } from '../../types/model/township'
import type { ActorRecord } from '../_shared/actor'
import { authorize, refuse } from '../_shared/authorize'
import { fail, type HandlerContext } from '../_shared/handler'
import type { Reader } from '../_shared/repo'
import { findVillage, loadVillage } from '../_shared/villages'

export const NOT_SIGNED_IN = '请先登录微信。'

export const NOT_KNOWN: AppError = {
  code: 'UNAUTHENTICATED',
  message: '您还不是村里的认证村民，也不是乡镇（街道）的工作人员，不能查看或办理两张清单。',
}

export const NO_TOWNSHIP: AppError = {
  code: 'CONFLICT',
  message: '本村还没有加入乡镇的需求清单，请联系乡镇（街道）把本村加进来。',
}

export const CHOOSE_TOWNSHIP: AppError = {
  code: 'INVALID_INPUT',
  message: '您在不止一个乡镇（街道）工作，请先选择是哪一个。',
}

export const NOT_FOUND = {
  need: { code: 'NOT_FOUND', message: '找不到这条需求，可能已被撤回。' },
  service: { code: 'NOT_FOUND', message: '找不到这项服务，可能已被撤回。' },
  entry: { code: 'NOT_FOUND', message: '找不到这条台账。' },
} as const satisfies Record<string, AppError>

export interface Caller {
  /** Active staff records (any unit). */
  staff: readonly Staff[]
  /** The verified membership, when there is one. */
  member?: ActorRecord
}

/** The caller, who is someone here (staff or a verified member): checked before anything is read. */
export async function knownCaller(ctx: HandlerContext): Promise<Caller> {
  if (!ctx.openid) fail('UNAUTHENTICATED', NOT_SIGNED_IN)
  const [staff, actor] = await Promise.all([ctx.staff(), ctx.actor()])
  const member = actor?.status === 'verified' ? actor : undefined
  if (staff.length === 0 && !member) refuse(NOT_KNOWN)
  return { staff, ...(member ? { member } : {}) }
}

/** The caller's record acting for this township, if any. */
export function townshipStaff(caller: Caller, townshipId: string): Staff | undefined {
  return staffFor(caller.staff, { kind: 'township', townshipId })
}

/**
 * The township a staff-only action with no entry to go by (offering a service, the ledger, the
 * staff's lists) is for: the one the caller works for, or the one they chose among theirs.
 */
export function ownTownshipStaff(caller: Caller, chosen: string | undefined): Staff {
  if (chosen !== undefined) return townshipStaff(caller, chosen) ?? refuse(NOT_STAFF)
  const records = caller.staff.filter((s) => s.unit.kind === 'township')
  const townships = new Set(
    records.map((s) => (s.unit.kind === 'township' ? s.unit.townshipId : '')),
  )
  if (townships.size === 0) refuse(NOT_STAFF)
  if (townships.size > 1) refuse(CHOOSE_TOWNSHIP)
  return records[0] as Staff
}

/**
 * Whose lists a caller reads as staff: their township (or the one they chose), when they work for
 * one; undefined for a caller with no township record and no choice (a village's committee).
 */
export function listsOwner(
  caller: Caller,
  chosen: string | undefined,
): { staffId: string; townshipId: string } | undefined {
  const works = caller.staff.some((s) => s.unit.kind === 'township')
  if (chosen === undefined && !works) return undefined
  const s = ownTownshipStaff(caller, chosen)
  return { staffId: s._id, townshipId: townshipOf(s).townshipId }
}

export function townshipOf(s: Staff): { districtId: string; townshipId: string } {
  if (s.unit.kind !== 'township') return fail('INTERNAL', '服务出了点问题，请稍后再试。')
  return { districtId: s.unit.districtId, townshipId: s.unit.townshipId }
}

/**
 * The caller as their village's committee, allowed `action`, with the units and the name of their
 * village; a village on its own (no township) is told so. Staff who are no member here are told
 * they are not the village's.
 */
export async function committeeOf(
  ctx: HandlerContext,
  caller: Caller,
  action: Action,
): Promise<{ member: ActorRecord; unit: VillageUnit; villageName: string }> {
  if (!caller.member) refuse(NOT_COMMITTEE)
  const member = authorize(caller.member, action, { villageId: caller.member.villageId })
  const village = await loadVillage(ctx.db, member.villageId)
  if (!village.townshipId || !village.districtId) refuse(NO_TOWNSHIP)
  return {
    member,
    unit: {
      villageId: village._id,
      townshipId: village.townshipId,
      districtId: village.districtId,
    },
    villageName: village.name,
  }
}

export const NOT_COMMITTEE: AppError = {
  code: 'FORBIDDEN',
  message: '这件事要由村委会来办。',
}

/**
 * The caller as the committee of the village of an entry they see: a member allowed `action`
 * there, or refused (FORBIDDEN; `unseen` for a member of another village).
 */
export function villageSide(
  caller: Caller,
  action: Action,
  entry: { villageId: string },
  unseen: AppError,
): ActorRecord {
  if (!caller.member) refuse(NOT_COMMITTEE)
  return authorize(caller.member, action, { villageId: entry.villageId }, unseen)
}

/** Whether the caller sees a need or a ledger entry (its township's staff, its village's members). */
export function seesVillageEntry(
  caller: Caller,
  entry: { townshipId: string; villageId: string },
): boolean {
  return (
    townshipStaff(caller, entry.townshipId) !== undefined ||
    caller.member?.villageId === entry.villageId
  )
}

/**
 * Whether the caller sees a service: the staff of its township, and the members of its township's
 * villages (the member's village is read to know its township).
 */
export async function seesService(
  r: Reader,
  caller: Caller,
  service: { townshipId: string },
): Promise<boolean> {
  if (townshipStaff(caller, service.townshipId) !== undefined) return true
  if (!caller.member) return false
  const village = await findVillage(r, caller.member.villageId)
  return village?.townshipId === service.townshipId
}

/**
 * The caller as each party that may take back an entry of the township's lists or a claim on
 * one: its village (a verified member allowed `action` in their village — the entry's, when it
 * names one), a provider and the township (a staff member of the entry's township). Which of
 * them, if any, may is the domain's to say (domain/township/lists.ts).
 */
export function ownerSides(
  caller: Caller,
  entry: { townshipId: string; villageId?: string },
  action: Action,
): ListActor[] {
  const sides: ListActor[] = []
  const m = caller.member
  if (
    m &&
    (entry.villageId === undefined || m.villageId === entry.villageId) &&
    can(m, action, { villageId: m.villageId }).allowed
  ) {
    sides.push({ kind: 'village', memberId: m.memberId, villageId: m.villageId })
  }
  const s = townshipStaff(caller, entry.townshipId)
  if (s) {
    sides.push(
      { kind: 'provider', id: s._id },
      { kind: 'township', staffId: s._id, townshipId: entry.townshipId },
    )
  }
  return sides
}

/**
 * The caller as the side of a claim they can be: the village (a verified member of the need's
 * village, allowed `action` there) and the provider (the township's staff, acting for the
 * services they registered). The domain decides which of them, if any, answers the claim.
 */
export function sidesOf(
  caller: Caller,
  need: { townshipId: string; villageId: string },
  action: Action,
): ListActor[] {
  const sides: ListActor[] = []
  const m = caller.member
  if (m && m.villageId === need.villageId && can(m, action, need).allowed) {
    sides.push({ kind: 'village', memberId: m.memberId, villageId: m.villageId })
  }
  const s = townshipStaff(caller, need.townshipId)
  if (s) sides.push({ kind: 'provider', id: s._id })
  return sides
}

/** Who the audit names: a staff member or a member. */
export function actorOf(caller: Caller, side: ListActor): { actorId: string; actorName: string } {
  switch (side.kind) {
    case 'village':
      return { actorId: side.memberId, actorName: caller.member?.name ?? '' }
    case 'provider': {
      const s = caller.staff.find((x) => x._id === side.id)
      return { actorId: side.id, actorName: s?.name ?? '' }
    }
    case 'township': {
      const s = caller.staff.find((x) => x._id === side.staffId)
      return { actorId: side.staffId, actorName: s?.name ?? '' }
    }
  }
}

/**
 * 村委会启用码: the first WeChat user who enters a new village's one-time code (with their name and
 * 户号) becomes its first committee member, verified at once; the code is spent in the same
 * transaction, so of many entering it at once exactly one gets the village. Refused, writing
 * nothing, for a wrong or spent code and for a caller who belongs to a village or waits to join
 * one (any of their memberships, #14); a declined or left membership is reused (as requestJoin
 * does: the one the default rule of domain/village/memberships ranks first).
 */
import type { Member } from '../../../types/model/member'
import { checkClaim, normalizeRoles } from '../../../domain/village/roles'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { asAppError, fail, handler } from '../../_shared/handler'
import { audit } from '../../_shared/audit'
import { runTransaction } from '../../_shared/cloud'
import { findVillage } from '../../_shared/villages'
import { foundingCodeHash, villageByFoundingHash } from '../foundingCodes'
import { isDuplicateKey } from '../inviteCodes'
import { chooseMembership } from '../../../domain/village/memberships'
import { membershipsOf } from '../../_shared/members'
import { addMember, loadMember, patchVillage, replaceMember } from '../repo'
import { NOT_SIGNED_IN } from '../rules'

export const WRONG_CODE = '启用码不对，或者已经有人用过了。请核对村里拿到的启用码后重新输入。'
const ALREADY = '您已经提交过，请回到首页看看。'

export const claimVillage = handler(VILLAGE_SCHEMAS.claimVillage, async (input, ctx) => {
  const openid = ctx.openid ?? fail('UNAUTHENTICATED', NOT_SIGNED_IN)
  // The best-standing membership: verified or pending anywhere refuses; else it is reused.
  const existing = chooseMembership(await membershipsOf(ctx.db, openid))
  checkClaim(existing)
  const codeHash = foundingCodeHash(input.code)
  const found = await villageByFoundingHash(ctx.db, codeHash)
  if (!found) fail('NOT_FOUND', WRONG_CODE)
  const roles = normalizeRoles(['committee'])
  const record: Omit<Member, '_id'> = {
    villageId: found._id,
    openid,
    name: input.name,
    householdNo: input.householdNo,
    ...(input.phone ? { phone: input.phone } : {}),
    roles,
    status: 'verified',
    requestedAt: ctx.now,
    reviewedAt: ctx.now,
  }
  const _ = ctx.db.command
  try {
    const memberId = await runTransaction(ctx.db, async (t) => {
      // Read again inside: another caller may have spent the code since. Writing the village
      // (founding removed) makes every concurrent claim conflict on it.
      const village = await findVillage(t, found._id)
      if (village?.founding?.codeHash !== codeHash) fail('NOT_FOUND', WRONG_CODE)
      await patchVillage(t, village._id, {
        founding: _.remove() as unknown as undefined,
        updatedAt: ctx.now,
      })
      let id: string
      if (existing) {
        checkClaim(await loadMember(t, existing._id))
        await replaceMember(t, existing._id, record)
        id = existing._id
      } else {
        id = await addMember(t, record)
      }
      await audit(t, {
        villageId: village._id,
        subjectType: 'member',
        subjectId: id,
        action: 'claimVillage',
        actorId: id,
        actorName: input.name,
        at: ctx.now,
        ...(existing ? { from: existing.status } : {}),
        to: 'verified',
        note: '用村委会启用码成为本村第一位村委会成员',
      })
      return id
    })
    return { memberId, villageId: found._id, villageName: found.name, roles }
  } catch (error) {
    // The same WeChat user twice at once: the unique openid_villageId index lets one membership in.
    if (!asAppError(error) && isDuplicateKey(error)) fail('CONFLICT', ALREADY)
    throw error
  }
})

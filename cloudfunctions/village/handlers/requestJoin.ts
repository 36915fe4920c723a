/**
 * A WeChat user asks to join a village (pending 待审核). One membership per WeChat user and
 * village (#14: they may belong to several villages; the unique openid_villageId index holds it):
 * asking again in the same village — refused or left — starts that record afresh. Asking in a
 * village where they have none reuses a membership of theirs that stands no more (declined or
 * left) elsewhere, the one the default rule ranks first, as before #14; else a new record.
 *
 * Concurrency: requests for one record conflict on it (the one run again reads it pending and is
 * refused); two new records in one village meet the unique index (CONFLICT).
 */
import type { Member } from '../../../types/model/member'
import { checkJoinRequest } from '../../../domain/village/roles'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { asAppError, fail, handler } from '../../_shared/handler'
import { audit } from '../../_shared/audit'
import { loadVillage } from '../../_shared/villages'
import { notifyEvent } from '../../_shared/notify'
import { joinRequestedMessage } from '../../../domain/notifications/rules'
import { chooseMembership, isFinished } from '../../../domain/village/memberships'
import { runTransaction } from '../../_shared/cloud'
import { membershipsOf } from '../../_shared/members'
import { addMember, loadMember, replaceMember } from '../repo'
import { NOT_SIGNED_IN } from '../rules'

const ALREADY = '您已经提交过申请，请耐心等待村委会审核。'

function duplicateKey(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === 'string' && /E11000|duplicate key/i.test(message)
}

export const requestJoin = handler(VILLAGE_SCHEMAS.requestJoin, async (input, ctx) => {
  const openid = ctx.openid ?? fail('UNAUTHENTICATED', NOT_SIGNED_IN)
  const mine = await membershipsOf(ctx.db, openid)
  const here = chooseMembership(mine, input.villageId)
  checkJoinRequest(here)
  const existing = here ?? chooseMembership(mine.filter(isFinished))
  const village = await loadVillage(ctx.db, input.villageId)
  const record: Omit<Member, '_id'> = {
    villageId: village._id,
    openid,
    name: input.name,
    householdNo: input.householdNo,
    ...(input.phone ? { phone: input.phone } : {}),
    roles: ['resident'],
    status: 'pending',
    requestedAt: ctx.now,
  }
  try {
    const memberId = await runTransaction(ctx.db, async (t) => {
      // Read again inside: a concurrent request may have moved it on (refused if it is now
      // pending or verified here; a new record if it was reused meanwhile for another village).
      const current = existing ? await loadMember(t, existing._id) : undefined
      if (current?.villageId === village._id) checkJoinRequest(current)
      const reused = current && (current.villageId === village._id || isFinished(current))
      if (reused) await replaceMember(t, current._id, record)
      const id = reused ? current._id : await addMember(t, record)
      await audit(t, {
        villageId: village._id,
        subjectType: 'member',
        subjectId: id,
        action: 'requestJoin',
        actorId: id,
        actorName: input.name,
        at: ctx.now,
        from: reused ? current.status : undefined,
        to: 'pending',
      })
      return id
    })
    // 订阅消息: the committee members who asked to be told; the event is this request (a request
    // made again after a refusal is a new one).
    await notifyEvent(
      ctx.db,
      village._id,
      {
        event: 'joinRequested',
        subjectId: `${memberId}-${ctx.now.getTime()}`,
        actorId: memberId,
        now: ctx.now,
      },
      joinRequestedMessage({ name: input.name, villageName: village.name, at: ctx.now }),
    )
    return { memberId, status: 'pending' as const }
  } catch (error) {
    // Two requests at once: the unique openid_villageId index lets one membership per village in.
    if (!asAppError(error) && duplicateKey(error)) fail('CONFLICT', ALREADY)
    throw error
  }
})

/** Steps several `village` handlers share. */
import type { Action } from '../../domain/permissions'
import type { ActorRecord } from '../_shared/actor'
import { authorize } from '../_shared/authorize'
import type { HandlerContext } from '../_shared/handler'

export const NOT_SIGNED_IN = '请先登录微信。'

/**
 * The caller, known to be allowed `action` in their own village. Handlers that act on another
 * document ask again against that document's village once they have read it.
 */
export async function allowedInOwnVillage(
  ctx: HandlerContext,
  action: Action,
): Promise<ActorRecord> {
  const actor = await ctx.actor()
  return authorize(actor, action, { villageId: actor?.villageId ?? '' })
}

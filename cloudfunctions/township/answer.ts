/**
 * Answering a claim (confirm or decline), the part both handlers share: read the need and the
 * service its claim names inside the transaction, and find which of the caller's sides (the
 * need's village, the provider) the domain lets answer it. The rule of who answers is the
 * domain's (domain/township/lists.ts); this only offers it each side the caller can be, and
 * passes on its first refusal when none may.
 */
import type { Action } from '../../domain/permissions'
import { listTransition, type ListActor } from '../../domain/township/lists'
import type { Need, Service } from '../../types/model/township'
import { refuse } from '../_shared/authorize'
import type { Transaction } from '../_shared/cloud'
import {
  actorOf,
  NOT_COMMITTEE,
  NOT_FOUND,
  seesVillageEntry,
  sidesOf,
  type Caller,
} from './callers'
import type { Who } from './change'
import { findNeed, findService } from './repo'

export async function readClaim(
  t: Transaction,
  caller: Caller,
  needId: string,
  action: Action & ('confirmClaim' | 'declineClaim'),
): Promise<{ need: Need; service: Service; sides: ListActor[] }> {
  const need = await findNeed(t, needId)
  if (!need || !seesVillageEntry(caller, need)) refuse(NOT_FOUND.need)
  const sides = sidesOf(caller, need, action)
  if (sides.length === 0) refuse(NOT_COMMITTEE)
  // A need with no claim waiting is refused by the status table, naming its status.
  listTransition('need', need.status, action === 'confirmClaim' ? 'confirm' : 'decline')
  const serviceId = need.claim?.serviceId
  const service = serviceId !== undefined ? await findService(t, serviceId) : undefined
  if (!service) refuse(NOT_FOUND.service)
  return { need, service, sides }
}

/** The first side the domain lets act, with what it answered; else the first side's refusal. */
export function asSomeSide<T>(
  caller: Caller,
  sides: readonly ListActor[],
  act: (side: ListActor) => T,
): { who: Who; result: T } {
  let first: unknown
  for (const side of sides) {
    try {
      return { who: actorOf(caller, side), result: act(side) }
    } catch (error) {
      first ??= error
    }
  }
  throw first
}

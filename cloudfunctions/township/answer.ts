/**
 * Answering a claim (confirm or decline), the part both handlers share: read the need and the
 * service its claim names inside the transaction, and find which of the caller's sides (the
 * need's village, the provider) the domain lets answer it. The rule of who answers is the
 * domain's (domain/township/lists.ts); this only offers it each side the caller can be, and
 * passes on its first refusal when none may. Taking a claim back (withdrawClaim) reads its pair
 * the same way, from either end.
 */
import type { Action } from '../../domain/permissions'
import { listTransition, type ListActor } from '../../domain/township/lists'
import type { ListingRef } from '../../types/api/township'
import type { Need, Service } from '../../types/model/township'
import { refuse } from '../_shared/authorize'
import type { Transaction } from '../_shared/cloud'
import {
  actorOf,
  NOT_COMMITTEE,
  NOT_FOUND,
  ownerSides,
  seesService,
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

/**
 * The pair a claim joins, read inside the transaction from the end the caller names (a need or a
 * service), with the caller's sides that may have made the claim (ownerSides, `withdrawClaim`).
 * An entry the caller does not see answers what a made-up id answers; one with no claim waiting
 * is refused by the status table, naming its status.
 */
export async function readPairOf(
  t: Transaction,
  caller: Caller,
  ref: ListingRef,
): Promise<{ need: Need; service: Service; sides: ListActor[] }> {
  const action = 'withdrawClaim'
  if (ref.kind === 'need') {
    const need = await findNeed(t, ref.id)
    if (!need || !seesVillageEntry(caller, need)) refuse(NOT_FOUND.need)
    const sides = ownerSides(caller, need, action)
    if (sides.length === 0) refuse(NOT_COMMITTEE)
    listTransition('need', need.status, action)
    const serviceId = need.claim?.serviceId
    const service = serviceId !== undefined ? await findService(t, serviceId) : undefined
    if (!service) refuse(NOT_FOUND.service)
    return { need, service, sides }
  }
  const service = await findService(t, ref.id)
  if (!service || !(await seesService(t, caller, service))) refuse(NOT_FOUND.service)
  const sides = ownerSides(caller, service, action)
  if (sides.length === 0) refuse(NOT_COMMITTEE)
  listTransition('service', service.status, action)
  const needId = service.claim?.needId
  const need = needId !== undefined ? await findNeed(t, needId) : undefined
  if (!need) refuse(NOT_FOUND.need)
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

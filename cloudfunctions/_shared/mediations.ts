/**
 * The `mediations` collection, for every function: the mediation function keeps the cases, the
 * matters function reads a matter's case for the public word on its page (调解中 / 已调解).
 *
 * A case's `_id` is its matter's id: at most one case per matter, ever, by construction — two
 * legal officers opening one at the same moment both write that one document, so one transaction
 * wins and the other, run again, finds the case (the unique `matterId` index guards it too).
 */
import type { MediationCase } from '../../types/model/township'
import { COLLECTION } from './collections'
import { byId, type Reader } from './repo'

export function caseIdOf(matterId: string): string {
  return matterId
}

/** The matter's case, when there is one. */
export function findCase(r: Reader, caseId: string): Promise<MediationCase | undefined> {
  return byId<MediationCase>(r, COLLECTION.mediations, caseId)
}

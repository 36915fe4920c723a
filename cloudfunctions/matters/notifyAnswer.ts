/**
 * matterAnswered: inside the committee's answer (accept, decline, merge), in the same transaction,
 * the raiser's message when they subscribed on the matter (domain/notifications/rules.ts).
 */
import type { Matter } from '../../types/model/matter'
import { matterAnsweredMessage, raiserToTell, type Answer } from '../../domain/notifications/rules'
import type { ActorRecord } from '../_shared/actor'
import type { Transaction } from '../_shared/cloud'
import { enqueueIn } from '../_shared/notify'

/** Writes the raiser's message in `t` (when due); answers its id for delivery after the commit. */
export async function answerRaiser(
  t: Transaction,
  matter: Matter,
  who: ActorRecord,
  answer: Answer,
  now: Date,
): Promise<string | undefined> {
  const raiser = raiserToTell(matter, who.memberId)
  if (!raiser) return undefined
  return enqueueIn(t, {
    villageId: matter.villageId,
    memberId: raiser,
    event: 'matterAnswered',
    subjectId: matter._id,
    content: matterAnsweredMessage({ id: matter._id, title: matter.title }, answer, now),
    now,
  })
}

/**
 * The scheduler's 接诉即办 pass: each raised matter within RESPONSE_DUE_HOURS of its response
 * deadline gets one responseDue message per subscribed committee member (outbox ids make it once
 * however often the pass runs). Looks back RESPONSE_DUE_HOURS past the deadline too, so a pass
 * missed for a while still reminds; a matter answered meanwhile gets none (checked again, with the
 * matter written, inside each message's transaction).
 */
import {
  RESPONSE_DUE_HOURS,
  responseDueMessage,
  responseDueNow,
} from '../../domain/notifications/rules'
import type { Database } from '../_shared/cloud'
import { COLLECTION } from '../_shared/collections'
import { findMatter, raisedAround } from '../_shared/matters'
import { notifyEvent } from '../_shared/notify'
import { touch } from '../_shared/repo'

const HOUR_MS = 3600e3
/** Matters reminded per run at most (the next run takes the rest). */
const PER_RUN = 50

/** Answers the ids of the messages written. */
export async function remindCommittee(db: Database, now: Date): Promise<string[]> {
  const out: string[] = []
  const window = RESPONSE_DUE_HOURS * HOUR_MS
  for (const m of await raisedAround(db, now, window, PER_RUN)) {
    if (!responseDueNow(m, now)) continue
    out.push(
      ...(await notifyEvent(
        db,
        m.villageId,
        { event: 'responseDue', subjectId: m._id, matter: m, now },
        responseDueMessage({ id: m._id, title: m.title, respondBy: new Date(m.respondBy) }, now),
        async (t) => {
          const current = await findMatter(t, m._id)
          if (!current || !responseDueNow(current, now)) return false
          // Written, so that an answer committed meanwhile conflicts with this message: the rule
          // "not once it is answered" then holds.
          await touch(t, db, COLLECTION.matters, m._id)
          return true
        },
      )),
    )
  }
  return out
}

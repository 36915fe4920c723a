/**
 * 吹哨报到's messages to the staff who must answer (domain/notifications/whistle.ts): after the
 * blow's transaction, to the department's subscribed staff (whistleBlown); after each escalation
 * step of the scheduler, to the township's or the district's (whistleEscalated). Written through
 * the outbox like every message (../_shared/notify.ts `notifyStaff`): one small transaction per
 * staff record, never failing the blow or the step.
 */
import type { Whistle, WhistleLevel } from '../../types/model/township'
import { whistleEvent, whistleMessage } from '../../domain/notifications/whistle'
import { answeringUnit } from '../../domain/township/access'
import type { Database } from '../_shared/cloud'
import { findMatter } from '../_shared/matters'
import { notifyStaff } from '../_shared/notify'
import { byId, touch } from '../_shared/repo'
import { COLLECTION } from '../_shared/collections'
import type { Village } from '../../types/model/member'
import { findWhistle } from './repo'
import { tierLabelOf } from './views'

/** The words a message names besides the whistle (read after the commit when not given). */
export interface WhistleNames {
  title: string
  villageName: string
}

async function namesOf(db: Database, w: Whistle): Promise<WhistleNames> {
  const [matter, village] = await Promise.all([
    findMatter(db, w.matterId),
    byId<Pick<Village, 'name'>>(db, COLLECTION.villages, w.villageId),
  ])
  return { title: matter?.title ?? '吹哨事项', villageName: village?.name ?? '村里' }
}

/**
 * Tells the unit at `level` about `w`: the department when blown, the township or the district
 * when escalated. An escalation's message is checked again inside each message's transaction (the
 * whistle still unanswered and at that level), with the whistle written so that an answer
 * committed meanwhile conflicts. Answers the messages' ids; never throws.
 */
export async function notifyWhistleStaff(
  db: Database,
  w: Whistle,
  level: WhistleLevel,
  now: Date,
  names?: WhistleNames,
): Promise<string[]> {
  try {
    const content = whistleMessage(
      { ...w, tierLabel: tierLabelOf(w) },
      names ?? (await namesOf(db, w)),
      level,
    )
    return await notifyStaff(
      db,
      {
        districtId: w.districtId,
        unit: answeringUnit(w, level),
        event: whistleEvent(level),
        subjectId: w._id,
        now,
      },
      content,
      level === 'department'
        ? undefined
        : async (t) => {
            const current = await findWhistle(t, w._id)
            if (!current || current.status !== 'raised' || current.escalatedTo !== level) {
              return false
            }
            await touch(t, db, COLLECTION.whistles, w._id)
            return true
          },
    )
  } catch (error) {
    console.error(`[notify] whistle ${w._id} → ${level}:`, (error as Error).message)
    return []
  }
}

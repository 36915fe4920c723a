// The `scheduler` function: run by its timer trigger (config.json) every minute, it counts the
// polls whose closing time lies CAST_GRACE_MS behind, reminds the committee of raised matters
// near their response deadline (reminders.ts), and escalates whistles whose clock has run out
// (escalations.ts). Nobody else may run it: a call that carries
// a caller's OPENID (any mini-program user) is refused without reading anything. The one thing
// anyone may ask is `{ action: 'health' }` (see _shared/health.ts), answered before that refusal:
// it runs none of the work and reads nothing else.
import type { Envelope } from '../../types/api'
import { HEALTH_ACTION, type HealthReport } from '../../types/api/envelope'
import { callerOpenid, database } from '../_shared/cloud'
import { health } from '../_shared/health'
import { CAST_GRACE_MS } from '../polls/access'
import { publishResult } from '../polls/count'
import { duePolls } from '../polls/repo'
import { escalateWhistles } from './escalations'
import { remindCommittee } from './reminders'

/** Polls counted per run at most (the trigger runs again a minute later for the rest). */
const PER_RUN = 10

export const SCHEDULER = { id: 'scheduler', name: '系统（定时计票）' }

export async function main(
  event?: unknown,
): Promise<
  Envelope<{ counted: string[]; reminded: string[]; escalated: string[] }> | Envelope<HealthReport>
> {
  if ((event as { action?: unknown } | null | undefined)?.action === HEALTH_ACTION) {
    return health('scheduler', database)
  }
  if (callerOpenid()) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '您没有权限做这件事。' } }
  }
  const db = database()
  const now = new Date()
  const due = await duePolls(db, new Date(now.getTime() - CAST_GRACE_MS), PER_RUN)
  const counted: string[] = []
  for (const poll of due) {
    try {
      if (await publishResult(db, poll, now, SCHEDULER)) counted.push(poll._id)
    } catch (error) {
      console.error(`[scheduler] poll ${poll._id}:`, (error as Error).message)
    }
  }
  let reminded: string[] = []
  try {
    reminded = await remindCommittee(db, now)
  } catch (error) {
    console.error('[scheduler] reminders:', (error as Error).message)
  }
  let escalated: string[] = []
  try {
    escalated = await escalateWhistles(db, now)
  } catch (error) {
    console.error('[scheduler] whistles:', (error as Error).message)
  }
  return { ok: true, data: { counted, reminded, escalated } }
}

/**
 * The scheduler's 吹哨报到 pass: a raised whistle whose clock has run out is escalated — to the
 * township once the department's time is past, to the district once the township's is too
 * (domain/township/whistle.ts `escalationDue`: one level at a time, in order, however late the
 * pass runs). Each step in ONE transaction that re-reads the whistle and writes it only if the
 * clock still asks for that level: `escalatedTo`, an `escalated` step by the scheduler, and the
 * step on the matter's timeline (an audit record). Two passes at once both write the whistle, so
 * one of them retries, re-reads and finds nothing more to do: one step per level.
 *
 * After each step has committed, the staff of the unit it went to who subscribed on their 工作台
 * get a whistleEscalated message (../whistles/notifyStaff.ts, through the outbox: one per staff
 * record and whistle, never for a whistle answered meanwhile). A pass that records no step sends
 * nothing; a failure to notify is logged and never undoes or repeats the step.
 */
import type { Whistle, WhistleLevel } from '../../types/model/township'
import { escalationDue, WHISTLE_TIERS } from '../../domain/township/whistle'
import { WHISTLE_AUDIT_ACTION, whistleStepWords } from '../../domain/township/whistleSteps'
import { audit } from '../_shared/audit'
import { runTransaction, type Database } from '../_shared/cloud'
import {
  escalationCandidates,
  findDepartment,
  findDistrict,
  findTownship,
  findWhistle,
  updateWhistle,
} from '../whistles/repo'
import { notifyWhistleStaff } from '../whistles/notifyStaff'
import { SCHEDULER_ID } from '../whistles/views'

/** Whistles looked at per query and run (the next run, a minute later, takes the rest). */
const PER_RUN = 25

/** One escalation step if the clock still asks for it: the whistle and the level recorded. */
async function escalateOnce(
  db: Database,
  id: string,
  now: Date,
): Promise<{ whistle: Whistle; level: WhistleLevel } | undefined> {
  return runTransaction(db, async (t) => {
    const w = await findWhistle(t, id)
    const level = w && escalationDue(w, now)
    if (!w || !level) return undefined
    const [department, unit] = await Promise.all([
      findDepartment(t, w.departmentId),
      level === 'township' ? findTownship(t, w.townshipId) : findDistrict(t, w.districtId),
    ])
    const patch = {
      escalatedTo: level,
      steps: [...w.steps, { kind: 'escalated' as const, at: now, by: SCHEDULER_ID, level }],
      updatedAt: now,
    }
    await updateWhistle(t, id, patch)
    await audit(t, {
      villageId: w.villageId,
      subjectType: 'matter',
      subjectId: w.matterId,
      action: WHISTLE_AUDIT_ACTION.escalated,
      actorId: SCHEDULER_ID,
      actorName: '系统',
      at: now,
      to: level,
      note: whistleStepWords({
        kind: 'escalated',
        departmentName: department?.name ?? '部门',
        level,
        unitName: unit?.name ?? (level === 'township' ? '乡镇' : '区'),
      }),
    })
    return { whistle: { ...w, ...patch }, level }
  })
}

/** Answers `<whistleId>:<level>` for each step recorded. */
export async function escalateWhistles(db: Database, now: Date): Promise<string[]> {
  const out: string[] = []
  const seen = new Set<string>()
  const candidates: Whistle[] = await escalationCandidates(db, now, WHISTLE_TIERS, PER_RUN)
  for (const w of candidates) {
    if (seen.has(w._id) || !escalationDue(w, now)) continue
    seen.add(w._id)
    try {
      // at most two steps: a whistle found already due at the district gets the township first
      for (let i = 0; i < 2; i += 1) {
        const step = await escalateOnce(db, w._id, now)
        if (!step) break
        out.push(`${w._id}:${step.level}`)
        await notifyWhistleStaff(db, step.whistle, step.level, now)
      }
    } catch (error) {
      console.error(`[scheduler] whistle ${w._id}:`, (error as Error).message)
    }
  }
  return out
}

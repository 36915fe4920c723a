/**
 * The one way a blown whistle is acted on by staff: the caller's staff records judged before
 * anything is read; then in ONE transaction read the whistle, judge who may act (./access.ts),
 * move it along the table (domain/township/whistleSteps.ts), write the whistle with its new step,
 * write the matter when the whistle ends (its open whistles: the one-per-department rule relies on
 * them), and leave the step on the matter's timeline (an audit record on the matter).
 */
import type { Matter } from '../../types/model/matter'
import type { Whistle, WhistleStep } from '../../types/model/township'
import type { WhistleView } from '../../types/api/whistles'
import { NOT_STAFF } from '../../domain/township/access'
import { whistleState } from '../../domain/township/whistle'
import {
  WHISTLE_AUDIT_ACTION,
  WHISTLE_TRANSITIONS,
  whistleStepWords,
  whistleTransition,
  type WhistleAct,
  type WhistleStepFacts,
} from '../../domain/township/whistleSteps'
import { audit } from '../_shared/audit'
import { refuse } from '../_shared/authorize'
import { runTransaction } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/handler'
import { findMatter, updateMatter } from '../_shared/matters'
import { acting, NOT_FOUND_WHISTLE, NOT_YET_ESCALATED, seeing, type WhistleStaff } from './access'
import {
  findDepartment,
  findDistrict,
  findTownship,
  findWhistle,
  namesFor,
  updateWhistle,
} from './repo'
import type { Reader } from '../_shared/repo'
import { toWhistleView } from './views'

/** The caller's active staff records; none at all: refused before anything is read. */
export async function staffRecords(ctx: HandlerContext) {
  const records = await ctx.staff()
  if (records.length === 0) refuse(NOT_STAFF)
  return records
}

/** The name of the unit a staff member acts as (the timeline's actor). */
export async function unitName(r: Reader, w: Whistle, who: WhistleStaff): Promise<string> {
  switch (who.unit) {
    case 'department':
      return (await findDepartment(r, w.departmentId))?.name ?? '部门'
    case 'township':
      return (await findTownship(r, w.townshipId))?.name ?? '乡镇'
    case 'district':
      return (await findDistrict(r, w.districtId))?.name ?? '区'
  }
}

/** The view of one whistle (its names read at once). */
export async function viewOf(ctx: HandlerContext, w: Whistle): Promise<WhistleView> {
  return toWhistleView(w, await namesFor(ctx.db, [w]), ctx.now)
}

/** A staff act: `text` is the progress, the result or the reason. */
export async function actOnWhistle(
  ctx: HandlerContext,
  whistleId: string,
  act: WhistleAct,
  text?: string,
): Promise<WhistleView> {
  const records = await staffRecords(ctx)
  const rule = WHISTLE_TRANSITIONS[act]
  const written = await runTransaction(ctx.db, async (t) => {
    const w = await findWhistle(t, whistleId)
    if (!w || !seeing(records, w)) refuse(NOT_FOUND_WHISTLE)
    const who = acting(records, w, ctx.now) ?? refuse(NOT_YET_ESCALATED)
    const to = whistleTransition(w.status, act)
    const name = await unitName(t, w, who)
    const step: WhistleStep = {
      kind: rule.step,
      at: ctx.now,
      by: who.staff._id,
      unit: who.unit,
      ...(text !== undefined ? { text } : {}),
    }
    const patch: Partial<Whistle> = {
      status: to,
      steps: [...w.steps, step],
      updatedAt: ctx.now,
      ...(act === 'acknowledgeWhistle' ? { acknowledgedAt: ctx.now } : {}),
      ...(act === 'resolveWhistle' ? { resolvedAt: ctx.now } : {}),
      ...(act === 'returnWhistle' ? { returnedAt: ctx.now } : {}),
    }
    const changed: Whistle = { ...w, ...patch }
    await updateWhistle(t, whistleId, patch)
    if (to === 'resolved' || to === 'returned') {
      // The department is free for another whistle on this matter: the matter says so.
      const matter: Matter | undefined = await findMatter(t, w.matterId)
      if (matter) {
        await updateMatter(t, w.matterId, {
          openWhistles: (matter.openWhistles ?? []).filter((d) => d !== w.departmentId),
        })
      }
    }
    const facts: WhistleStepFacts =
      rule.step === 'acknowledged'
        ? {
            kind: 'acknowledged',
            unitName: name,
            late: whistleState(changed, ctx.now).answeredInTime === false,
          }
        : rule.step === 'returned'
          ? { kind: 'returned', unitName: name, reason: text ?? '' }
          : { kind: rule.step, unitName: name, text: text ?? '' }
    await audit(t, {
      villageId: w.villageId,
      subjectType: 'matter',
      subjectId: w.matterId,
      action: WHISTLE_AUDIT_ACTION[rule.step],
      actorId: who.staff._id,
      actorName: name,
      at: ctx.now,
      from: w.status,
      to,
      note: whistleStepWords(facts),
    })
    return changed
  })
  return viewOf(ctx, written)
}

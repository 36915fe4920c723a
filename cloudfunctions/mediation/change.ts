/**
 * The one way a case is acted on, after `cloudfunctions/matters/change.ts`: in ONE transaction,
 * read the case, ask the permissions (a member of another village gets the answer a made-up id
 * gets), let the rules (domain/mediation/rules.ts) make the new case, write it whole, and leave
 * the audit records — the case's own (subject: the case) and, when the public word changes, the
 * public step on the matter's timeline (`publicEntry`).
 *
 * What reaches the matter's timeline, which every member of the village reads: only
 * 进入调解 / 调解完成 / 调解结束 (MEDIATION_PUBLIC_STEPS), in the name of the case's legal officer,
 * with no note, no status, no party. Who confirmed, the meetings, the agreement and a referral are
 * in the case and in its own audit records only.
 */
import type { MediationView } from '../../types/api/mediation'
import type { MediationCase, MediationStatus } from '../../types/model/township'
import type { Action } from '../../domain/permissions'
import type { MediationAction } from '../../domain/mediation/rules'
import { publicStep } from '../../domain/mediation/rules'
import type { ActorRecord } from '../_shared/actor'
import { audit } from '../_shared/audit'
import { authorize, verifiedActor } from '../_shared/authorize'
import { runTransaction, type Transaction } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/handler'
import { CASE_NOT_FOUND, findMember, loadCase, saveCase } from './repo'
import { presentChanged } from './views'

/**
 * The public step of a change from `from` (undefined: the case is new) to the case's status, on
 * the matter's timeline, when the public word changed.
 */
export async function publicEntry(
  t: Transaction,
  from: MediationStatus | undefined,
  c: MediationCase,
  officer: { memberId: string; name: string },
  at: Date,
): Promise<void> {
  const step = publicStep(from, c.status)
  if (!step) return
  await audit(t, {
    villageId: c.villageId,
    subjectType: 'matter',
    subjectId: c.matterId,
    action: step,
    actorId: officer.memberId,
    actorName: officer.name,
    at,
  })
}

/** The case's own audit record of a change (kept by the function, shown to nobody). */
export async function caseEntry(
  t: Transaction,
  action: string,
  before: MediationCase | undefined,
  c: MediationCase,
  who: ActorRecord,
  at: Date,
): Promise<void> {
  const replaced =
    before?.agreement !== undefined &&
    c.agreement !== undefined &&
    new Date(before.agreement.proposedAt).getTime() !== new Date(c.agreement.proposedAt).getTime()
  await audit(t, {
    villageId: c.villageId,
    subjectType: 'mediation',
    subjectId: c._id,
    action,
    actorId: who.memberId,
    actorName: who.name,
    at,
    ...(before ? { from: before.status } : {}),
    to: c.status,
    // a proposal replaced: the words the parties may have read stay in the audit
    ...(replaced && before?.agreement ? { textBefore: before.agreement.text } : {}),
  })
}

type Work = (c: MediationCase, who: ActorRecord) => MediationCase

/** One act of `action` on the case `caseId` by the caller: the case as they now see it. */
export async function actOnCase(
  ctx: HandlerContext,
  caseId: string,
  action: MediationAction & Action,
  work: Work,
): Promise<MediationView> {
  const actor = await verifiedActor(ctx)
  const [changed, by] = await runTransaction(ctx.db, async (t) => {
    const c = await loadCase(t, caseId)
    const who = authorize(actor, action, { villageId: c.villageId }, CASE_NOT_FOUND)
    const next = work(c, who)
    await saveCase(t, next)
    await caseEntry(t, action, c, next, who, ctx.now)
    if (publicStep(c.status, next.status)) {
      const officer = await findMember(t, c.legalOfficerId)
      await publicEntry(
        t,
        c.status,
        next,
        { memberId: c.legalOfficerId, name: officer?.name ?? '法治委员' },
        ctx.now,
      )
    }
    return [next, who] as const
  })
  return presentChanged(ctx.db, by, changed)
}

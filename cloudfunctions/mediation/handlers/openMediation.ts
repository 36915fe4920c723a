/**
 * 法治委员 opens a mediation case on a matter of their village: the parties are verified members
 * of the village, read here (an unknown id and another village's member get the same answer).
 * Which matters: any matter of the village that has not ended (domain openCase) — the officer
 * judges that it is a dispute; the category is not asked, since a raised matter has none yet and
 * the disputes of a village (homestead, land, neighbours) lie in several categories.
 *
 * One transaction writes the case, the matter (so a matter ended meanwhile — declined, withdrawn,
 * closed — makes one of the two run again and see it) and both audit records. At most one case
 * per matter, ever: its id is the matter's.
 */
import { MEDIATION_SCHEMAS } from '../../../domain/mediation/schemas'
import { openCase, type PartyMember } from '../../../domain/mediation/rules'
import { authorize, NOT_FOUND, verifiedActor } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { caseEntry, publicEntry } from '../change'
import { caseIdOf, findCase, findMember, loadMatter, saveCase, updateMatter } from '../repo'
import { presentChanged } from '../views'

export const openMediation = handler(MEDIATION_SCHEMAS.openMediation, async (input, ctx) => {
  const actor = await verifiedActor(ctx)
  const [opened, by] = await runTransaction(ctx.db, async (t) => {
    const matter = await loadMatter(t, input.matterId)
    const who = authorize(actor, 'openMediation', { villageId: matter.villageId }, NOT_FOUND.matter)
    const caseId = caseIdOf(matter._id)
    if (await findCase(t, caseId)) {
      fail('CONFLICT', '这件事已经有一起调解了，一件事只能调解一次。')
    }
    const found = await Promise.all(input.partyIds.map((id) => findMember(t, id)))
    const members: PartyMember[] = found.flatMap((m) =>
      m ? [{ memberId: m._id, villageId: m.villageId, status: m.status }] : [],
    )
    const c = { _id: caseId, ...openCase(matter, who, input.partyIds, members, ctx.now) }
    await saveCase(t, c)
    await updateMatter(t, matter._id, { updatedAt: ctx.now })
    await caseEntry(t, 'openMediation', undefined, c, who, ctx.now)
    await publicEntry(t, undefined, c, who, ctx.now)
    return [c, who] as const
  })
  return presentChanged(ctx.db, by, opened)
})

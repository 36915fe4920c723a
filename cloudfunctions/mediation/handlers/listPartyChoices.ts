/**
 * 开始调解's list of people to choose the parties from: the village's verified members, by name
 * only, the matter's raiser first. For a legal officer, and only on a matter that may still take a
 * case (not ended, no case yet). The least a choice needs: listMembers (phones, roles, join
 * requests) stays the committee's. At most PARTY_CHOICES_LIMIT names (a village has fewer).
 */
import { FINAL_STATUSES } from '../../../domain/matters/lifecycle'
import { MEDIATION_SCHEMAS } from '../../../domain/mediation/schemas'
import { authorize, NOT_FOUND, verifiedActorAnd } from '../../_shared/authorize'
import { fail, handler } from '../../_shared/handler'
import { pageOfMembers } from '../../_shared/members'
import { caseIdOf, findCase, loadMatter } from '../repo'

export const PARTY_CHOICES_LIMIT = 999

export const listPartyChoices = handler(
  MEDIATION_SCHEMAS.listPartyChoices,
  async ({ matterId }, ctx) => {
    const [actor, matter] = await verifiedActorAnd(ctx, loadMatter(ctx.db, matterId))
    const who = authorize(
      actor,
      'listPartyChoices',
      { villageId: matter.villageId },
      NOT_FOUND.matter,
    )
    if (FINAL_STATUSES.includes(matter.status))
      fail('CONFLICT', '这件事已经结束了，不能再发起调解。')
    if (await findCase(ctx.db, caseIdOf(matter._id))) {
      fail('CONFLICT', '这件事已经有一起调解了，一件事只能调解一次。')
    }
    const verified = await pageOfMembers(ctx.db, {
      villageId: who.villageId,
      status: 'verified',
      limit: PARTY_CHOICES_LIMIT,
    })
    const members = verified
      .filter((m) => m._id !== who.memberId)
      .map((m) => ({ memberId: m._id, name: m.name }))
      .sort(
        (a, b) =>
          Number(b.memberId === matter.raisedBy) - Number(a.memberId === matter.raisedBy) ||
          a.name.localeCompare(b.name, 'zh-Hans-CN'),
      )
    return { members }
  },
)

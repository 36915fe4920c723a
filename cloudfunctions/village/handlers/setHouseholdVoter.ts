/**
 * The committee sets a household's 户代表: the person of that household who casts its vote in a
 * `households` poll (audited). Writes the household and the person, so an import that removes
 * the person or rewrites the household at the same moment conflicts and runs again.
 */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { audit } from '../../_shared/audit'
import { authorize } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { fail, handler } from '../../_shared/handler'
import { loadPerson, NO_PERSON, updatePerson } from '../../_shared/persons'
import { personLabel } from '../links'
import { findHousehold, updateHousehold } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const NO_HOUSEHOLD = { code: 'NOT_FOUND', message: '找不到这一户。' } as const

export const setHouseholdVoter = handler(VILLAGE_SCHEMAS.setHouseholdVoter, async (input, ctx) => {
  const actor = await allowedInOwnVillage(ctx, 'setHouseholdVoter')
  return runTransaction(ctx.db, async (t) => {
    const household =
      (await findHousehold(t, input.householdId)) ?? fail(NO_HOUSEHOLD.code, NO_HOUSEHOLD.message)
    const who = authorize(
      actor,
      'setHouseholdVoter',
      { villageId: household.villageId },
      NO_HOUSEHOLD,
    )
    const person = await loadPerson(t, input.personId)
    authorize(who, 'setHouseholdVoter', { villageId: person.villageId }, NO_PERSON)
    if (person.householdId !== household._id) {
      fail('CONFLICT', `${person.name}不在第 ${household.number} 户，户代表应当是这一户的人。`)
    }
    if (household.voterPersonId === person._id) return { changed: false }
    await updateHousehold(t, household._id, { voterPersonId: person._id })
    await updatePerson(t, person._id, { updatedAt: ctx.now })
    await audit(t, {
      villageId: household.villageId,
      subjectType: 'household',
      subjectId: household._id,
      action: 'setHouseholdVoter',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      ...(household.voterPersonId ? { from: household.voterPersonId } : {}),
      to: person._id,
      note: `户代表设为${personLabel(person)}`,
    })
    return { changed: true }
  })
})

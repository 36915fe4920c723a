/**
 * The committee marks a person on the register as 村民代表 (or not), with or without an account
 * (audited). The village's count of representatives follows the register: counted inside the
 * transaction, which writes the village, so two changes at once take turns and both count.
 */
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { withDefaults } from '../../../domain/village/settings'
import { audit } from '../../_shared/audit'
import { authorize } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { countRepresentatives, loadPerson, NO_PERSON, updatePerson } from '../../_shared/persons'
import { loadVillage } from '../../_shared/villages'
import { personLabel } from '../links'
import { patchVillage } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const setRepresentative = handler(VILLAGE_SCHEMAS.setRepresentative, async (input, ctx) => {
  const actor = await allowedInOwnVillage(ctx, 'setRepresentative')
  return runTransaction(ctx.db, async (t) => {
    const person = await loadPerson(t, input.personId)
    const who = authorize(actor, 'setRepresentative', { villageId: person.villageId }, NO_PERSON)
    const village = await loadVillage(t, person.villageId)
    const counts = withDefaults(village).counts
    if (person.representative === input.representative) {
      return { changed: false, representatives: counts.representatives }
    }
    await updatePerson(t, person._id, { representative: input.representative, updatedAt: ctx.now })
    const others =
      (await countRepresentatives(ctx.db, person.villageId)) - (person.representative ? 1 : 0)
    const representatives = others + (input.representative ? 1 : 0)
    await patchVillage(t, person.villageId, {
      counts: { ...counts, representatives },
      updatedAt: ctx.now,
    })
    await audit(t, {
      villageId: person.villageId,
      subjectType: 'person',
      subjectId: person._id,
      action: 'setRepresentative',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      from: String(person.representative),
      to: String(input.representative),
      note: `${personLabel(person)}${input.representative ? '设为' : '不再是'}村民代表`,
    })
    return { changed: true, representatives }
  })
})

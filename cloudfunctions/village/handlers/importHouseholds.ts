/**
 * The committee imports the household register (CSV): households by their `<villageId>_<户号>` id
 * and their persons by stable ids (`_shared/persons.ts`), so a repeated import converges. The
 * households, the persons, the village's counts and the audit record are ONE transaction, written
 * only when something changed, and planned inside it from the register as it stands, so a
 * conflicting write (another import, a link, a 村民代表 or 户代表 change: each writes the village,
 * the person or the household this import writes) re-plans it from the new state.
 * A person no longer in the file leaves the register unless an account is linked to them
 * (domain/village/register.ts); the answer names those removed and those kept.
 */
import type { ImportHouseholdsResponse, RegisterChange } from '../../../types/api/village'
import type { Person } from '../../../types/model/member'
import { planHouseholdImport, readHouseholdCsv } from '../../../domain/village/households'
import { planPersons } from '../../../domain/village/register'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { withDefaults } from '../../../domain/village/settings'
import { audit } from '../../_shared/audit'
import { runTransaction } from '../../_shared/cloud'
import { handler } from '../../_shared/handler'
import { personId, personsOfVillage, removePersons, savePersons } from '../../_shared/persons'
import { loadVillage } from '../../_shared/villages'
import { listHouseholds, patchVillage, saveHouseholds } from '../repo'
import { allowedInOwnVillage } from '../rules'

export const importHouseholds = handler(VILLAGE_SCHEMAS.importHouseholds, async (input, ctx) => {
  const who = await allowedInOwnVillage(ctx, 'importHouseholds')
  const register = readHouseholdCsv(input.csv)
  const skipped = register.rows.filter((r) => !r.ok).length
  const vid = who.villageId
  return runTransaction(ctx.db, async (t): Promise<ImportHouseholdsResponse> => {
    const [village, existing, stored] = await Promise.all([
      loadVillage(t, vid),
      listHouseholds(ctx.db, vid),
      personsOfVillage(ctx.db, vid),
    ])
    const people = planPersons(
      vid,
      register.households,
      stored,
      existing,
      (number, name) => personId(vid, number, name),
      ctx.now,
    )
    const plan = planHouseholdImport(vid, existing, people.households)
    const numberOf = new Map(existing.map((h) => [h._id, h.number]))
    const named = (p: Person): RegisterChange => ({
      householdNo: numberOf.get(p.householdId) ?? '',
      name: p.name,
    })
    const persons = {
      created: people.created,
      updated: people.updated,
      unchanged: people.unchanged,
      removed: people.removals.map(named),
      kept: people.kept.map(named),
    }
    const before = withDefaults(village).counts
    const after = { ...plan.counts, representatives: people.representatives }
    const answer = {
      rows: register.rows,
      created: plan.created,
      updated: plan.updated,
      unchanged: plan.unchanged,
      persons,
      counts: after,
    }
    const countsChanged =
      before.adults !== after.adults ||
      before.households !== after.households ||
      before.representatives !== after.representatives
    const writes = plan.writes.length + people.writes.length + people.removals.length
    if (!countsChanged && writes === 0) return answer
    await saveHouseholds(t, plan.writes)
    await savePersons(t, people.writes)
    await removePersons(
      t,
      people.removals.map((p) => p._id),
    )
    await patchVillage(t, vid, { ...(countsChanged ? { counts: after } : {}), updatedAt: ctx.now })
    const list = (xs: RegisterChange[]) => xs.map((x) => `${x.householdNo}户${x.name}`).join('、')
    await audit(t, {
      villageId: vid,
      subjectType: 'village',
      subjectId: vid,
      action: 'importHouseholds',
      actorId: who.memberId,
      actorName: who.name,
      at: ctx.now,
      from: JSON.stringify(before),
      to: JSON.stringify(after),
      note:
        `新增 ${plan.created} 户，更新 ${plan.updated} 户，未变 ${plan.unchanged} 户；跳过 ${skipped} 行；` +
        `名册新增 ${persons.created} 人，更新 ${persons.updated} 人，移出 ${persons.removed.length} 人` +
        (persons.removed.length ? `（${list(persons.removed)}）` : '') +
        (persons.kept.length
          ? `；已关联账号、未移出 ${persons.kept.length} 人（${list(persons.kept)}）`
          : ''),
    })
    return answer
  })
})

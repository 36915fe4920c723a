/**
 * Migration: households stored before persons (`people` names and an `adults` count, no persons)
 * get their persons, with the stable ids an import would give them (`_shared/persons.ts`). Who is
 * adult is known when every person is (adults = people) or none is (adults = 0); otherwise it
 * cannot be told from the stored data: the persons are stored as not adult and the household is
 * marked `adultsUnknown` for the committee to re-import it (the import clears the mark; the
 * village's adult count, from the households, stays as it was). Each household's persons and its
 * mark are ONE transaction; a household whose persons exist is skipped, so the migration can stop
 * anywhere and run again. Nobody is linked to an account here: the committee links (audited).
 * One entry of the project's list of migrations (`npm run migrate`).
 */
import type { Household, Person } from '../../types/model/member'
import { personsOfOldHousehold } from '../../domain/village/register'
import { COLLECTION } from '../_shared/collections'
import { runTransaction, type Database } from '../_shared/cloud'
import { personId, savePersons } from '../_shared/persons'
import { allWhere } from '../_shared/repo'

export interface PersonsMigration {
  /** Households given persons by this run, persons written, households marked for re-import. */
  households: number
  persons: number
  flagged: number
}

export async function migratePersons(db: Database, now = new Date()): Promise<PersonsMigration> {
  const done: PersonsMigration = { households: 0, persons: 0, flagged: 0 }
  const all = { _id: db.command.exists(true) }
  const households = await allWhere<Household>(db, COLLECTION.households, all, {
    maxPages: 1000,
    field: { _id: true, villageId: true, number: true, people: true, adults: true },
  })
  const persons = await allWhere<Pick<Person, '_id'>>(db, COLLECTION.persons, all, {
    maxPages: 1000,
    field: { _id: true },
  })
  const known = new Set(persons.map((p) => p._id))
  for (const h of households) {
    if (!Array.isArray(h.people) || typeof h.adults !== 'number') continue
    const old = personsOfOldHousehold(h, (n, name) => personId(h.villageId, n, name), now)
    // Any person of it on the register: the household is already in the new shape.
    if (old.persons.length === 0 || old.persons.some((p) => known.has(p._id))) continue
    await runTransaction(db, async (t) => {
      await savePersons(t, old.persons)
      if (old.adultsUnknown) {
        await t.collection(COLLECTION.households).doc(h._id).update({ adultsUnknown: true })
      }
    })
    done.households += 1
    done.persons += old.persons.length
    if (old.adultsUnknown) done.flagged += 1
  }
  return done
}

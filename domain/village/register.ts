/**
 * The register as persons (户籍名册, collection `persons`): what an import of households does to the
 * persons stored for them. A person's id is stable: the same 户号 and 姓名 give the same id (the
 * id function is the caller's: hashing is platform work, `cloudfunctions/_shared/persons.ts`), so
 * a re-import keeps ids, links, the 村民代表 flag and the 户代表.
 *
 * A person of a re-imported household who is no longer in the file leaves the register, unless an
 * account is linked to them: then they stay (with their adult flag) and the import says so, so
 * that the committee unlinks the account first if the person really left. A person is never
 * removed without the import's answer and audit record naming them.
 */
import type { Household, Person } from '../../types/model/member'
import { householdId, type ImportedHousehold } from './households'

/** The stable id of the person `name` of household `number` (a pure function of the three). */
export type PersonIdOf = (number: string, name: string) => string

export interface PersonsPlan {
  /** The imported households as they are to be stored: kept persons added, 户代表 carried over. */
  households: ImportedHousehold[]
  /** Persons to write whole: new ones, and those whose adult flag changed. */
  writes: Person[]
  /** Persons to remove (not in the file, no account linked). */
  removals: Person[]
  /** Persons not in the file but kept, because an account is linked to them. */
  kept: Person[]
  created: number
  updated: number
  unchanged: number
  /** 村民代表 on the whole register after the import. */
  representatives: number
}

export const linkedMembers = (p: Pick<Person, 'memberIds'>): string[] => p.memberIds ?? []

/**
 * What importing `imported` does to the persons of the village: `stored` are all its persons,
 * `storedHouseholds` its households (for their 户代表). Households the file does not mention keep
 * their persons as they are.
 */
export function planPersons(
  villageId: string,
  imported: readonly ImportedHousehold[],
  stored: readonly Person[],
  storedHouseholds: readonly Household[],
  idOf: PersonIdOf,
  now: Date,
): PersonsPlan {
  const plan: PersonsPlan = {
    households: [],
    writes: [],
    removals: [],
    kept: [],
    created: 0,
    updated: 0,
    unchanged: 0,
    representatives: 0,
  }
  const byHousehold = new Map<string, Person[]>()
  for (const p of stored) {
    byHousehold.set(p.householdId, [...(byHousehold.get(p.householdId) ?? []), p])
  }
  const voters = new Map(storedHouseholds.map((h) => [h._id, h.voterPersonId]))
  const after = new Map(stored.map((p) => [p._id, p]))
  for (const h of imported) {
    const hid = householdId(villageId, h.number)
    const mine = new Map((byHousehold.get(hid) ?? []).map((p) => [p._id, p]))
    const onRegister = new Set<string>()
    for (const person of h.persons) {
      const id = idOf(h.number, person.name)
      onRegister.add(id)
      const before = mine.get(id)
      mine.delete(id)
      if (before && before.adult === person.adult) {
        plan.unchanged += 1
        continue
      }
      const next: Person = before
        ? { ...before, adult: person.adult, updatedAt: now }
        : {
            _id: id,
            villageId,
            householdId: hid,
            name: person.name,
            adult: person.adult,
            representative: false,
            memberIds: [],
            createdAt: now,
            updatedAt: now,
          }
      if (before) plan.updated += 1
      else plan.created += 1
      plan.writes.push(next)
      after.set(id, next)
    }
    const people = [...h.people]
    let adults = h.adults
    for (const gone of mine.values()) {
      if (linkedMembers(gone).length > 0) {
        plan.kept.push(gone)
        onRegister.add(gone._id)
        people.push(gone.name)
        if (gone.adult) adults += 1
      } else {
        plan.removals.push(gone)
        after.delete(gone._id)
      }
    }
    const voter = voters.get(hid)
    plan.households.push({
      number: h.number,
      head: h.head,
      people,
      adults,
      persons: h.persons,
      ...(voter && onRegister.has(voter) ? { voterPersonId: voter } : {}),
    })
  }
  plan.representatives = [...after.values()].filter((p) => p.representative).length
  return plan
}

/** How a household stored before persons becomes persons (the persons migration). */
export interface MigratedHousehold {
  persons: Person[]
  /** The household's adult count could not be attributed to names: mark it for re-import. */
  adultsUnknown: boolean
}

/**
 * The persons of an old-shaped household (`people` names and an `adults` count). When every
 * person is adult (adults = people) or none is (adults = 0), each person gets that flag; otherwise
 * nobody can tell who the adults are: the persons are stored as not adult and the household is
 * marked for the committee to re-import (the village's adult count, from households, is kept).
 */
export function personsOfOldHousehold(
  h: Pick<Household, '_id' | 'villageId' | 'number' | 'people' | 'adults'>,
  idOf: PersonIdOf,
  now: Date,
): MigratedHousehold {
  const all = h.adults === h.people.length && h.people.length > 0
  const known = all || h.adults === 0
  return {
    adultsUnknown: !known,
    persons: [...new Set(h.people)].map((name) => ({
      _id: idOf(h.number, name),
      villageId: h.villageId,
      householdId: h._id,
      name,
      adult: all,
      representative: false,
      memberIds: [],
      createdAt: now,
      updatedAt: now,
    })),
  }
}

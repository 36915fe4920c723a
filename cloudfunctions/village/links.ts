/**
 * The link of an account (member) to a person on the register: `Member.personId` (what the polls
 * read) and its mirror `Person.memberIds`, always written together in the caller's transaction.
 * Moving a link writes the member, the person it leaves and the person it joins, so a concurrent
 * link of the same member, or an import removing either person, conflicts and runs again.
 */
import type { Member, Person } from '../../types/model/member'
import { linkedMembers } from '../../domain/village/register'
import { database, type Transaction } from '../_shared/cloud'
import { findPerson, NO_PERSON, updatePerson } from '../_shared/persons'
import { refuse } from '../_shared/authorize'
import { updateMember } from '../_shared/members'

export interface LinkChange {
  changed: boolean
  from?: Person
  to?: Person
}

/** Where the person is: 001户李梅 (for timelines and audit notes). */
export function personLabel(p: Person): string {
  const number = p.householdId.slice(p.villageId.length + 1)
  return `${number}户${p.name}`
}

/**
 * Links `member` to the person `personId` of their village, or unlinks them (`undefined`). A
 * person of another village answers as one that does not exist.
 */
export async function setLink(
  t: Transaction,
  member: Member,
  personId: string | undefined,
  now: Date,
  memberPatch: Partial<Omit<Member, '_id'>> = {},
): Promise<LinkChange> {
  const fromId = member.personId
  const to = personId ? await findPerson(t, personId) : undefined
  if (personId && (!to || to.villageId !== member.villageId)) refuse(NO_PERSON)
  if (fromId === personId) return { changed: false, to }
  const from = fromId ? await findPerson(t, fromId) : undefined
  if (from) {
    await updatePerson(t, from._id, {
      memberIds: linkedMembers(from).filter((m) => m !== member._id),
      updatedAt: now,
    })
  }
  if (to) {
    await updatePerson(t, to._id, {
      memberIds: [...linkedMembers(to).filter((m) => m !== member._id), member._id],
      updatedAt: now,
    })
  }
  const _ = database().command
  await updateMember(t, member._id, {
    ...memberPatch,
    personId: (personId ?? _.remove()) as string,
  })
  return { changed: true, from, to }
}

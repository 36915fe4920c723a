/**
 * Who may vote in a poll, from the register as it stands when the poll opens: every adult
 * (村民会议, and 民意征询), every representative (村民代表会议), or every household's 户代表
 * (`households`), each with the member accounts linked to that person at that moment.
 */
import type { PollBody, FrozenElectorate } from '../../types/model/poll'
import { DomainError } from '../shared/errors'

export interface RegisterEntry {
  _id: string
  householdId: string
  name: string
  adult: boolean
  representative: boolean
}

export interface ElectorEntry {
  personId: string
  householdId: string
  name: string
  /** Member ids linked to the person now, sorted. */
  accounts: string[]
}

export function freezeElectorate(
  body: PollBody,
  register: {
    persons: readonly RegisterEntry[]
    households: ReadonlyArray<{ _id: string; voterPersonId?: string }>
    members: ReadonlyArray<{ _id: string; personId?: string }>
  },
): { voters: ElectorEntry[]; counts: FrozenElectorate } {
  const byId = new Map(register.persons.map((p) => [p._id, p]))
  let chosen: RegisterEntry[]
  if (body === 'representatives') {
    chosen = register.persons.filter((p) => p.representative)
  } else if (body === 'households') {
    const missing = register.households.filter(
      (h) => !h.voterPersonId || byId.get(h.voterPersonId)?.householdId !== h._id,
    )
    if (missing.length > 0) {
      throw new DomainError(
        'POLL_DESIGN',
        `还有 ${missing.length} 户没有指定户代表，按户表决前请先为每一户指定户代表。`,
      )
    }
    chosen = register.households.map((h) => byId.get(h.voterPersonId as string) as RegisterEntry)
  } else {
    chosen = register.persons.filter((p) => p.adult)
  }
  const accounts = new Map<string, string[]>()
  for (const m of register.members) {
    if (!m.personId) continue
    accounts.set(m.personId, [...(accounts.get(m.personId) ?? []), m._id])
  }
  const voters = chosen
    .map((p) => ({
      personId: p._id,
      householdId: p.householdId,
      name: p.name,
      accounts: (accounts.get(p._id) ?? []).sort(),
    }))
    .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0))
  return {
    voters,
    counts: {
      size: voters.length,
      adults: register.persons.filter((p) => p.adult).length,
      households: register.households.length,
      representatives: register.persons.filter((p) => p.representative).length,
    },
  }
}

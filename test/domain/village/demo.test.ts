import { ROLES } from '../../../types/model/member'
import {
  DEMO_REGISTER_CSV,
  DEMO_VILLAGE_ID,
  demoHouseholds,
  demoMembers,
  demoRegister,
  demoVillage,
} from '../../../domain/village/demo'
import { readHouseholdCsv } from '../../../domain/village/households'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { parseInput } from '../../../domain/shared/validate'

describe('the demo village 示范村', () => {
  const households = demoHouseholds()
  const members = demoMembers()

  it('has a clean register of 12 households', () => {
    expect(readHouseholdCsv(DEMO_REGISTER_CSV).rows.every((r) => r.ok)).toBe(true)
    expect(households).toHaveLength(12)
  })

  it('has about 30 members, every role, one membership per OPENID', () => {
    expect(members.length).toBeGreaterThanOrEqual(28)
    expect(new Set(members.map((m) => m.openid)).size).toBe(members.length)
    expect(new Set(members.map((m) => m._id)).size).toBe(members.length)
    const roles = new Set(members.filter((m) => m.status === 'verified').flatMap((m) => m.roles))
    expect([...roles].sort()).toEqual([...ROLES].sort())
    expect(new Set(members.map((m) => m.status))).toEqual(
      new Set(['verified', 'pending', 'declined']),
    )
  })

  it('links each verified member to a registered household holding their name', () => {
    for (const m of members.filter((x) => x.status === 'verified')) {
      const h = households.find((x) => x._id === m.householdId)
      expect({ name: m.name, in: h?.people.includes(m.name) }).toEqual({ name: m.name, in: true })
    }
  })

  it('members would pass the join form, and the counts match the register', () => {
    for (const m of members) {
      expect(() =>
        parseInput(VILLAGE_SCHEMAS.requestJoin, {
          villageId: DEMO_VILLAGE_ID,
          name: m.name,
          householdNo: m.householdNo,
          phone: m.phone,
        }),
      ).not.toThrow()
    }
    expect(demoVillage().counts).toEqual({
      adults: households.reduce((n, h) => n + h.adults, 0),
      households: 12,
      representatives: members.filter((m) => m.roles.includes('representative')).length,
    })
  })

  it('puts every registered person on the register and links each verified member to theirs', () => {
    const { persons, members: linked } = demoRegister((n, name) => `${n}-${name}`)
    expect(persons).toHaveLength(households.reduce((n, h) => n + h.people.length, 0))
    expect(persons.filter((p) => p.adult)).toHaveLength(demoVillage().counts.adults)
    for (const m of linked.filter((x) => x.status === 'verified')) {
      const p = persons.find((x) => x._id === m.personId)
      expect({ member: m._id, person: p?.name, links: p?.memberIds }).toEqual({
        member: m._id,
        person: m.name,
        links: [m._id],
      })
    }
    expect(linked.filter((m) => m.status !== 'verified' && m.personId)).toEqual([])
    expect(persons.filter((p) => p.representative)).toHaveLength(
      demoVillage().counts.representatives,
    )
  })
})

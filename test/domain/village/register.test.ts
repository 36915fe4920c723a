import type { Household, Person } from '../../../types/model/member'
import { readHouseholdCsv } from '../../../domain/village/households'
import { personsOfOldHousehold, planPersons } from '../../../domain/village/register'

const idOf = (number: string, name: string) => `id-${number}-${name}`
const NOW = new Date('2026-11-21T01:00:00Z')
const EARLIER = new Date('2026-06-01T00:00:00Z')

const person = (number: string, name: string, over: Partial<Person> = {}): Person => ({
  _id: idOf(number, name),
  villageId: 'v',
  householdId: `v_${number}`,
  name,
  adult: true,
  representative: false,
  memberIds: [],
  createdAt: EARLIER,
  updatedAt: EARLIER,
  ...over,
})

const household = (number: string, over: Partial<Household> = {}): Household => ({
  _id: `v_${number}`,
  villageId: 'v',
  number,
  head: '张三',
  people: [],
  adults: 0,
  ...over,
})

const file = (...rows: string[]) =>
  readHouseholdCsv(['户号,户主,姓名,是否成年', ...rows].join('\n')).households

describe('planPersons', () => {
  it('puts every person of a new household on the register with their adult flag', () => {
    const plan = planPersons('v', file('001,张三,张三,是', '001,张三,张小宝,否'), [], [], idOf, NOW)
    expect(plan.writes).toEqual([
      {
        _id: 'id-001-张三',
        villageId: 'v',
        householdId: 'v_001',
        name: '张三',
        adult: true,
        representative: false,
        memberIds: [],
        createdAt: NOW,
        updatedAt: NOW,
      },
      {
        _id: 'id-001-张小宝',
        villageId: 'v',
        householdId: 'v_001',
        name: '张小宝',
        adult: false,
        representative: false,
        memberIds: [],
        createdAt: NOW,
        updatedAt: NOW,
      },
    ])
    expect(plan).toMatchObject({ created: 2, updated: 0, unchanged: 0, removals: [], kept: [] })
  })

  it('keeps ids, links, the representative flag and the 户代表 on a re-import; writes only a changed flag', () => {
    const stored = [
      person('001', '张三', { representative: true, memberIds: ['m1'] }),
      person('001', '张小宝', { adult: false }),
    ]
    const plan = planPersons(
      'v',
      file('001,张三,张三,是', '001,张三,张小宝,是'),
      stored,
      [household('001', { voterPersonId: 'id-001-张三' })],
      idOf,
      NOW,
    )
    expect(plan.writes).toEqual([person('001', '张小宝', { adult: true, updatedAt: NOW })])
    expect(plan).toMatchObject({ created: 0, updated: 1, unchanged: 1, representatives: 1 })
    expect(plan.households).toEqual([
      {
        number: '001',
        head: '张三',
        people: ['张三', '张小宝'],
        adults: 2,
        persons: [
          { name: '张三', adult: true },
          { name: '张小宝', adult: true },
        ],
        voterPersonId: 'id-001-张三',
      },
    ])
  })

  it('removes an unlinked person no longer in the file, keeps a linked one, and counts the register', () => {
    const stored = [
      person('001', '张三'),
      person('001', '老张', { representative: true }),
      person('001', '李梅', { memberIds: ['m2'], representative: true }),
      person('002', '王五', { representative: true }),
    ]
    const plan = planPersons(
      'v',
      file('001,张三,张三,是'),
      stored,
      [household('001', { voterPersonId: 'id-001-老张' }), household('002')],
      idOf,
      NOW,
    )
    expect(plan.removals.map((p) => p._id)).toEqual(['id-001-老张'])
    expect(plan.kept.map((p) => p._id)).toEqual(['id-001-李梅'])
    expect(plan.writes).toEqual([])
    // 李梅 (kept) and 王五 (household not in the file) stay representatives; 老张 left.
    expect(plan.representatives).toBe(2)
    // The 户代表 left the register: the household has none until the committee sets one.
    expect(plan.households).toEqual([
      {
        number: '001',
        head: '张三',
        people: ['张三', '李梅'],
        adults: 2,
        persons: [{ name: '张三', adult: true }],
      },
    ])
  })
})

describe('personsOfOldHousehold', () => {
  const old = (people: string[], adults: number) => ({
    _id: 'v_001',
    villageId: 'v',
    number: '001',
    people,
    adults,
  })

  it('all adult when the count is everyone', () => {
    const out = personsOfOldHousehold(old(['张三', '李梅'], 2), idOf, NOW)
    expect(out.adultsUnknown).toBe(false)
    expect(out.persons.map((p) => [p._id, p.adult])).toEqual([
      ['id-001-张三', true],
      ['id-001-李梅', true],
    ])
  })

  it('none adult when the count is 0', () => {
    const out = personsOfOldHousehold(old(['小宝'], 0), idOf, NOW)
    expect(out).toMatchObject({ adultsUnknown: false, persons: [{ name: '小宝', adult: false }] })
  })

  it('otherwise nobody is marked adult and the household is flagged for re-import', () => {
    const out = personsOfOldHousehold(old(['张三', '李梅', '小宝'], 2), idOf, NOW)
    expect(out.adultsUnknown).toBe(true)
    expect(out.persons.map((p) => p.adult)).toEqual([false, false, false])
  })

  it('an empty household has no persons and nothing to flag', () => {
    expect(personsOfOldHousehold(old([], 0), idOf, NOW)).toEqual({
      adultsUnknown: false,
      persons: [],
    })
  })
})

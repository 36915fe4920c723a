/**
 * The persons migration on old-shaped households (names and an adult count, no persons): persons
 * with the ids an import gives, adult flags where the count tells them, a mark where it cannot;
 * run again, nothing changes; a re-import then finds the same ids and clears the mark.
 */
import { createHash } from 'node:crypto'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { migrateInviteCodes } from '../../../cloudfunctions/village/migrateInviteCodes'
import { migratePersons } from '../../../cloudfunctions/village/migratePersons'
import { migrate } from '../../../scripts/migrate'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, VILLAGE_A } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend
const AT = new Date('2026-11-20T00:00:00Z')
const EARLIER = new Date('2026-05-01T00:00:00Z')

/** A person's id as documented in cloudfunctions/_shared/persons.ts, computed here on its own. */
const pid = (number: string, name: string) =>
  `p_${createHash('sha256').update(`${VILLAGE_A}\n${number}\n${name}`).digest('hex').slice(0, 32)}`

const oldHousehold = (number: string, people: string[], adults: number) => ({
  _id: `${VILLAGE_A}_${number}`,
  villageId: VILLAGE_A,
  number,
  head: people[0] ?? '户主',
  people,
  adults,
})

const person = (number: string, name: string, adult: boolean, at = AT) => ({
  _id: pid(number, name),
  villageId: VILLAGE_A,
  householdId: `${VILLAGE_A}_${number}`,
  name,
  adult,
  representative: false,
  memberIds: [],
  createdAt: at,
  updatedAt: at,
})

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.households, [
    oldHousehold('001', ['张三', '李梅'], 2),
    oldHousehold('002', ['小宝'], 0),
    oldHousehold('003', ['王五', '王嫂', '王小'], 2),
    oldHousehold('004', ['赵六'], 1),
    oldHousehold('005', [], 0),
  ])
  // 004 is already in the new shape (imported after persons came): left alone.
  insert(backend, COLLECTION.persons, [person('004', '赵六', true, EARLIER)])
})
afterAll(() => backend.close())

const byId = (docs: Array<Record<string, unknown>>) =>
  [...docs].sort((a, b) => String(a._id).localeCompare(String(b._id)))

it('gives each old household its persons; a count it cannot attribute is flagged, not guessed', async () => {
  expect(await migratePersons(backend.db, AT)).toEqual({ households: 3, persons: 6, flagged: 1 })
  expect(byId(await backend.all(COLLECTION.persons))).toEqual(
    byId([
      person('001', '张三', true),
      person('001', '李梅', true),
      person('002', '小宝', false),
      person('003', '王五', false),
      person('003', '王嫂', false),
      person('003', '王小', false),
      person('004', '赵六', true, EARLIER),
    ]),
  )
  const households = byId(await backend.all(COLLECTION.households))
  expect(households).toEqual([
    oldHousehold('001', ['张三', '李梅'], 2),
    oldHousehold('002', ['小宝'], 0),
    { ...oldHousehold('003', ['王五', '王嫂', '王小'], 2), adultsUnknown: true },
    oldHousehold('004', ['赵六'], 1),
    oldHousehold('005', [], 0),
  ])
})

it('run again, it changes nothing', async () => {
  // the villages (stored as before invite codes) are brought up to date by their own migration
  await migrateInviteCodes(backend.db)
  const before = await snapshot(backend)
  expect(await migratePersons(backend.db, new Date('2026-11-21T00:00:00Z'))).toEqual({
    households: 0,
    persons: 0,
    flagged: 0,
  })
  expect(await snapshot(backend)).toEqual(before)
  const serviceUrl = backend.emulator.serviceUrl
  const results = await migrate({ serviceUrl })
  expect(results.find((r) => r.name === 'register: household names → persons')).toEqual({
    name: 'register: household names → persons',
    changed: 0,
  })
  expect(await snapshot(backend)).toEqual(before)
})

it('a re-import of the flagged household keeps the ids, sets who is adult and clears the mark', async () => {
  const res = await backend.call(CAST.committee.openid, 'village', 'importHouseholds', {
    csv: '户号,户主,姓名,是否成年\n003,王五,王五,是\n003,王五,王嫂,是\n003,王五,王小,否\n',
  })
  expect(res.ok && res.data).toMatchObject({
    created: 0,
    updated: 1,
    persons: { created: 0, updated: 2, unchanged: 1, removed: [], kept: [] },
  })
  const persons = (await backend.all(COLLECTION.persons)).filter(
    (p) => p.householdId === `${VILLAGE_A}_003`,
  )
  expect(persons.map((p) => [p._id, p.adult]).sort()).toEqual(
    [
      [pid('003', '王五'), true],
      [pid('003', '王嫂'), true],
      [pid('003', '王小'), false],
    ].sort(),
  )
  const h = (await backend.all(COLLECTION.households)).find((x) => x._id === `${VILLAGE_A}_003`)
  expect(h).toEqual(oldHousehold('003', ['王五', '王嫂', '王小'], 2))
})

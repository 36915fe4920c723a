// The project's seed through the real SDK, and a dev login as a seeded member reaching the real
// (bundled) village function.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/_shared/collections'
import { buildFunctions } from '../../scripts/build-functions'
import { DEMO_MEMBERS, DEMO_VILLAGE_ID, isSeeded, seedDemo } from '../../scripts/seed'
import { DEV_TOKEN_HEADER, type Emulator } from '../src/index'
import { demoHouseholds, demoMembers, demoVillage } from '../../domain/village/demo'
import { demoMatters } from '../../domain/matters/demo'
import { STATUS_LABELS } from '../../domain/matters/lifecycle'
import { sdkFor, start } from './helpers'

// Child processes, bundling and worker cold starts: generous when the whole suite shares 2 cores.
jest.setTimeout(60_000)

const DEMO = demoMatters(new Date())
// village, households, one person per name on the register, members, matters with their
// timelines, agenda slots, ratings and statements
const SEEDED =
  1 +
  demoHouseholds().length +
  demoHouseholds().reduce((n, h) => n + h.people.length, 0) +
  demoMembers().length +
  DEMO.matters.length +
  DEMO.auditLogs.length +
  DEMO.agendaSlots.length +
  DEMO.ratings.length +
  DEMO.statements.length
const FUNCTIONS = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-build-'))

let emulator: Emulator

beforeAll(async () => {
  await buildFunctions({ out: FUNCTIONS, names: ['village'] })
  emulator = await start({ collections: COLLECTIONS, functionsDir: FUNCTIONS, dev: true })
})

afterAll(async () => {
  await emulator.close()
})

describe('seed', () => {
  it('seeds 示范村 once, idempotently, and starts over with reset', async () => {
    expect(await isSeeded(emulator.url)).toBe(false)
    expect(await seedDemo({ serviceUrl: emulator.serviceUrl })).toEqual({
      inserted: SEEDED,
      removed: 0,
    })
    expect(await isSeeded(emulator.url)).toBe(true)
    expect(await seedDemo({ serviceUrl: emulator.serviceUrl })).toEqual({ inserted: 0, removed: 0 })

    const db = sdkFor(emulator).database()
    const [village] = (await db.collection('villages').doc(DEMO_VILLAGE_ID).get()).data
    expect(village).toMatchObject({
      name: '示范村',
      talkDays: [4, 14, 24],
      counts: demoVillage().counts,
    })
    const matters = await db.collection('matters').where({ villageId: DEMO_VILLAGE_ID }).get()
    // Seeded without a ballot secret, the counted demo poll is left out and 村里办老年食堂 stays
    // 表决中 (test/functions/scripts/seedPoll.test.ts seeds and counts it): every other status is here.
    expect(new Set(matters.data.map((m: { status: string }) => m.status))).toEqual(
      new Set(Object.keys(STATUS_LABELS).filter((s) => s !== 'decided')),
    )
    const members = await db.collection('members').where({ villageId: DEMO_VILLAGE_ID }).get()
    expect(new Set(members.data.flatMap((m: { roles: string[] }) => m.roles))).toEqual(
      new Set(['committee', 'moderator', 'legalOfficer', 'representative', 'resident']),
    )

    await db.collection('members').add({ villageId: DEMO_VILLAGE_ID, openid: 'extra' })
    expect(new Set(members.data.map((m: { status: string }) => m.status))).toEqual(
      new Set(['verified', 'pending', 'declined']),
    )
    expect(await seedDemo({ serviceUrl: emulator.serviceUrl, reset: true })).toEqual({
      inserted: SEEDED,
      removed: SEEDED + 1,
    })
    expect((await db.collection('members').count()).total).toBe(demoMembers().length)
  })

  it('a dev login as a seeded member reaches village.whoami with that member’s OPENID', async () => {
    await seedDemo({ serviceUrl: emulator.serviceUrl })
    const member = DEMO_MEMBERS[0]
    const login = (await (
      await fetch(`${emulator.url}/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memberId: member._id }),
      })
    ).json()) as { token: string }
    const res = await fetch(`${emulator.url}/fn/village`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEV_TOKEN_HEADER]: login.token },
      body: JSON.stringify({ action: 'whoami', payload: {} }),
    })
    expect(await res.json()).toEqual({ ok: true, data: { openid: member.openid } })
  })
})

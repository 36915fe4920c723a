// npm run seed [-- --reset] [--url http://127.0.0.1:<port>] [--data <dir>]
// Seeds a demo village (示范村, 说事日 on the 4th, 14th and 24th), three households and verified
// members of every role, through the real SDK. Idempotent: existing documents are left as they
// are; --reset empties the declared collections first. Without --url it opens the data directory (default .data/) itself.
import tcb from '@cloudbase/node-sdk'
import path from 'node:path'
import { COLLECTION, COLLECTIONS } from '../cloudfunctions/_shared/collections'
import type { Household, Member, Role, Village } from '../types/model/member'
import { startEmulator } from '../emulator/src/index'

export const DEMO_VILLAGE_ID = 'demo-village'

export interface DemoMember {
  readonly _id: string
  readonly openid: string
  readonly name: string
  readonly roles: readonly Role[]
  readonly householdNo: string
}

/** One member per role (a committee member is a resident too), plus a second resident. */
export const DEMO_MEMBERS: readonly DemoMember[] = [
  {
    _id: 'demo-committee',
    openid: 'dev-openid-committee',
    name: '张主任',
    roles: ['resident', 'committee'],
    householdNo: '001',
  },
  {
    _id: 'demo-moderator',
    openid: 'dev-openid-moderator',
    name: '李主持',
    roles: ['resident', 'moderator'],
    householdNo: '002',
  },
  {
    _id: 'demo-legal',
    openid: 'dev-openid-legal',
    name: '王律师',
    roles: ['legalOfficer'],
    householdNo: '003',
  },
  {
    _id: 'demo-representative',
    openid: 'dev-openid-representative',
    name: '赵代表',
    roles: ['resident', 'representative'],
    householdNo: '003',
  },
  {
    _id: 'demo-resident-1',
    openid: 'dev-openid-resident-1',
    name: '陈大爷',
    roles: ['resident'],
    householdNo: '001',
  },
  {
    _id: 'demo-resident-2',
    openid: 'dev-openid-resident-2',
    name: '刘阿姨',
    roles: ['resident'],
    householdNo: '002',
  },
]

const DEMO_HOUSEHOLDS: readonly Household[] = [
  {
    _id: 'demo-household-001',
    villageId: DEMO_VILLAGE_ID,
    number: '001',
    head: '陈大爷',
    people: ['陈大爷', '张主任'],
    adults: 2,
  },
  {
    _id: 'demo-household-002',
    villageId: DEMO_VILLAGE_ID,
    number: '002',
    head: '刘阿姨',
    people: ['刘阿姨', '李主持'],
    adults: 2,
  },
  {
    _id: 'demo-household-003',
    villageId: DEMO_VILLAGE_ID,
    number: '003',
    head: '赵代表',
    people: ['赵代表', '王律师', '赵小妹'],
    adults: 2,
  },
]

const demoVillage = (now: Date): Village => ({
  _id: DEMO_VILLAGE_ID,
  name: '示范村',
  talkDays: [4, 14, 24],
  counts: {
    adults: DEMO_HOUSEHOLDS.reduce((n, h) => n + h.adults, 0),
    households: DEMO_HOUSEHOLDS.length,
    representatives: DEMO_MEMBERS.filter((m) => m.roles.includes('representative')).length,
  },
  // the defaults of domain/village/settings.ts
  settings: { agendaSize: 10, responseDeadlineDays: 3, reportThreshold: 3, ratingWindowDays: 7 },
  createdAt: now,
  updatedAt: now,
})

const demoMember = (m: DemoMember, now: Date): Member => ({
  _id: m._id,
  villageId: DEMO_VILLAGE_ID,
  openid: m.openid,
  name: m.name,
  householdNo: m.householdNo,
  householdId: `demo-household-${m.householdNo}`,
  roles: [...m.roles],
  status: 'verified',
  requestedAt: now,
  reviewedAt: now,
  reviewedBy: 'demo-committee',
})

export interface SeedOptions {
  /** The emulator's service URL (`<url>/admin`) or base URL. */
  readonly serviceUrl: string
  /** Empty the declared collections first. */
  readonly reset?: boolean
}

export interface SeedResult {
  readonly inserted: number
  readonly removed: number
}

const sdkFor = (serviceUrl: string) => {
  // Talk to the local emulator without probing for a cloud host (see DESIGN.md).
  process.env.TENCENTCLOUD ??= 'true'
  process.env.TENCENTCLOUD_SECRETID ??= 'local-secret-id'
  process.env.TENCENTCLOUD_SECRETKEY ??= 'local-secret-key'
  const url = serviceUrl.endsWith('/admin') ? serviceUrl : `${serviceUrl.replace(/\/+$/, '')}/admin`
  return tcb.init({ env: 'local', serviceUrl: url })
}

/** True when the demo village exists (`npm start` seeds when it does not). */
export const isSeeded = async (serviceUrl: string): Promise<boolean> => {
  const db = sdkFor(serviceUrl).database()
  const res = await db.collection(COLLECTION.villages).doc(DEMO_VILLAGE_ID).get()
  return Array.isArray(res.data) && res.data.length > 0
}

export const seedDemo = async (options: SeedOptions): Promise<SeedResult> => {
  const db = sdkFor(options.serviceUrl).database()
  const _ = db.command
  let removed = 0
  if (options.reset) {
    for (const c of COLLECTIONS) {
      const res = await db
        .collection(c.name)
        .where({ _id: _.exists(true) })
        .remove()
      removed += typeof res.deleted === 'number' ? res.deleted : 0
    }
  }
  let inserted = 0
  const ensure = async (collection: string, id: string, data: Record<string, unknown>) => {
    const existing = await db.collection(collection).doc(id).get()
    if (Array.isArray(existing.data) && existing.data.length > 0) return
    await db.collection(collection).doc(id).set(data)
    inserted += 1
  }
  const now = new Date()
  const { _id: villageId, ...village } = demoVillage(now)
  await ensure(COLLECTION.villages, villageId, village)
  for (const { _id, ...household } of DEMO_HOUSEHOLDS) {
    await ensure(COLLECTION.households, _id, household)
  }
  for (const m of DEMO_MEMBERS) {
    const { _id, ...member } = demoMember(m, now)
    await ensure(COLLECTION.members, _id, member)
  }
  return { inserted, removed }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename

if (isMain) {
  const args = process.argv.slice(2)
  const valueOf = (flag: string): string | undefined => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const reset = args.includes('--reset')
  const run = async (): Promise<SeedResult> => {
    const url = valueOf('--url')
    if (url) return seedDemo({ serviceUrl: url, reset })
    const emulator = await startEmulator({
      dataDir: valueOf('--data') ?? '.data',
      collections: COLLECTIONS,
    })
    try {
      return await seedDemo({ serviceUrl: emulator.serviceUrl, reset })
    } finally {
      await emulator.close()
    }
  }
  run()
    .then((r) => {
      process.stdout.write(
        `seeded 示范村: ${r.inserted} documents inserted${reset ? `, ${r.removed} removed first` : ''}\n`,
      )
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(1)
    })
}

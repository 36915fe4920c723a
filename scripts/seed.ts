// npm run seed [-- --reset] [--url http://127.0.0.1:<port>] [--data <dir>]
// Seeds a demo village (示范村, 说事日 on the 4th, 14th and 24th) and a few members of different
// roles, through the real SDK. Idempotent: existing documents are left as they are; --reset empties
// the declared collections first. Without --url it opens the data directory (default .data/) itself.
import tcb from '@cloudbase/node-sdk'
import path from 'node:path'
import { COLLECTIONS } from '../cloudfunctions/_shared/collections'
import { startEmulator } from '../emulator/src/index'

export const DEMO_VILLAGE_ID = 'demo-village'

export interface DemoMember {
  readonly _id: string
  readonly openid: string
  readonly name: string
  readonly role: 'resident' | 'representative' | 'committee' | 'moderator' | 'legalOfficer'
}

export const DEMO_MEMBERS: readonly DemoMember[] = [
  { _id: 'demo-committee', openid: 'dev-openid-committee', name: '张主任', role: 'committee' },
  { _id: 'demo-moderator', openid: 'dev-openid-moderator', name: '李主持', role: 'moderator' },
  { _id: 'demo-legal', openid: 'dev-openid-legal', name: '王律师', role: 'legalOfficer' },
  { _id: 'demo-representative', openid: 'dev-openid-rep', name: '赵代表', role: 'representative' },
  { _id: 'demo-resident-1', openid: 'dev-openid-resident-1', name: '陈大爷', role: 'resident' },
  { _id: 'demo-resident-2', openid: 'dev-openid-resident-2', name: '刘阿姨', role: 'resident' },
]

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
  const res = await db.collection('villages').doc(DEMO_VILLAGE_ID).get()
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
  await ensure('villages', DEMO_VILLAGE_ID, {
    name: '示范村',
    talkDays: [4, 14, 24],
    createdAt: db.serverDate(),
  })
  for (const m of DEMO_MEMBERS) {
    await ensure('members', m._id, {
      villageId: DEMO_VILLAGE_ID,
      openid: m.openid,
      name: m.name,
      role: m.role,
      status: 'active',
      joinedAt: db.serverDate(),
    })
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

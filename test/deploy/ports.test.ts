// The deploy's data port over a real node-sdk database (the emulator's): it counts the open polls
// the ballot key guard asks about and runs the invite-code migration the unique index needs.
import tcb from '@cloudbase/node-sdk'
import { startEmulator, type Emulator } from '../../emulator/src'
import { COLLECTIONS } from '../../cloudfunctions/_shared/collections'
import type { Database } from '../../cloudfunctions/_shared/cloud'
import { dataPortFor, isNotFound } from '../../deploy/ports'

process.env.TENCENTCLOUD = 'true'

let emulator: Emulator
let db: Database

beforeAll(async () => {
  emulator = await startEmulator({ memory: true, collections: COLLECTIONS })
  db = tcb
    .init({ env: 'local', serviceUrl: emulator.serviceUrl, ...emulator.credentials })
    .database()
})
afterAll(() => emulator.close())

describe('dataPortFor (node-sdk)', () => {
  it('counts the polls whose status is open, and only those', async () => {
    const port = dataPortFor(db)
    expect(await port.countOpenPolls()).toBe(0)
    for (const [id, status] of [
      ['p1', 'open'],
      ['p2', 'draft'],
      ['p3', 'open'],
      ['p4', 'counted'],
    ]) {
      await db.collection('polls').doc(id).set({ status, villageId: 'v1' })
    }
    expect(await port.countOpenPolls()).toBe(2)
  })

  it('gives every village without an invite code one, distinct, and leaves coded ones as they are', async () => {
    await db.collection('villages').doc('old-1').set({ name: '东村' })
    await db.collection('villages').doc('old-2').set({ name: '西村' })
    await db.collection('villages').doc('new-1').set({ name: '南村', inviteCode: 'KEEP1234' })
    const port = dataPortFor(db)
    expect(await port.migrateInviteCodes()).toBe(2)
    const all = (await db.collection('villages').get()).data as Array<{
      _id: string
      inviteCode?: string
    }>
    const codes = all.map((v) => v.inviteCode)
    expect(codes.every((c) => typeof c === 'string' && c.length > 0)).toBe(true)
    expect(new Set(codes).size).toBe(3)
    expect(all.find((v) => v._id === 'new-1')?.inviteCode).toBe('KEEP1234')
    expect(await port.migrateInviteCodes()).toBe(0)
  })
})

describe('isNotFound', () => {
  it('tells manager-node’s not-found errors from the others', () => {
    expect(isNotFound({ code: 'ResourceNotFound.Function' })).toBe(true)
    expect(isNotFound({ code: 'ResourceNotFound.FunctionName' })).toBe(true)
    expect(isNotFound({ code: 'InternalError' })).toBe(false)
    expect(isNotFound(new Error('ResourceNotFound'))).toBe(false)
  })
})

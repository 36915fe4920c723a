/**
 * A staff message handed to the Notifier port (cloudfunctions/_shared/notify.ts deliverQueued):
 * in `wechat` mode the recipient's WeChat account is the staff record's own, and when delivery
 * cannot run (here: bundles outside the repository, so no wx-server-sdk, as in a function
 * deployed without its dependencies) the message is recorded failed with the reason — and the
 * whistle is blown all the same.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { buildFunctions } from '../../../scripts/build-functions'
import type { OutboxMessage } from '../../../types/model/notification'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter } from '../support/fixtures'
import { DEPT_WATER, DISTRICT, seedDistrict, STAFF, staff } from '../support/townshipFixtures'
import { op } from './support'

let backend: Backend
let dir: string
const logs: string[] = []

/** 区水务局's second record, whose person never claimed it (no WeChat account). */
const UNCLAIMED = staff(
  'water-new',
  { kind: 'department', districtId: DISTRICT, departmentId: DEPT_WATER },
  { openid: undefined },
)

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fengsi-whistle-wx-'))
  await buildFunctions({ out: dir, names: ['whistles', 'notifications'] })
  backend = await startBackend({
    functionsDir: dir,
    functionEnv: { FENGSI_NOTIFY: 'wechat', FENGSI_TMPL_WHISTLE: 'tmpl-whistle thing5=thing6' },
    functionLog: (name, line) => logs.push(`${name}: ${line}`),
  })
  await seedCast(backend)
  await seedDistrict(backend)
  insert(backend, COLLECTION.staff, [UNCLAIMED])
})
afterAll(async () => {
  await backend.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('delivering a whistle’s message', () => {
  it('is tried for the staff record’s own account, recorded failed with the reason; the blow succeeds', async () => {
    const sub = await backend.call(op(STAFF.water), 'notifications', 'subscribe', {
      topic: 'staff',
      subjectId: STAFF.water._id,
      templateIds: ['tmpl-whistle'],
    })
    expect(sub).toEqual({ ok: true, data: { subscribed: true } })
    // the unclaimed record's subscription, as a claimed one would have left it
    insert(backend, COLLECTION.subscriptions, [
      {
        _id: 'staff_department_dept-water_water-new',
        staffId: 'water-new',
        districtId: DISTRICT,
        topic: 'staff',
        subjectId: 'department_dept-water',
        templateIds: ['tmpl-whistle'],
        createdAt: new Date('2026-11-20T00:00:00Z'),
      },
    ])
    insert(backend, COLLECTION.matters, [storedMatter('dl-1', { status: 'accepted' })])
    const res = await backend.call(CAST.committee.openid, 'whistles', 'blowWhistle', {
      matterId: 'dl-1',
      departmentId: DEPT_WATER,
      tier: 'danger',
      note: '',
    })
    expect(res.ok && res.data).toMatchObject({ id: 'dl-1_w1', status: 'raised' })
    const outbox = ((await backend.all(COLLECTION.outbox)) as unknown as OutboxMessage[]).sort(
      (a, b) => a._id.localeCompare(b._id),
    )
    expect(outbox.map((m) => [m._id, m.staffId, m.status, m.error])).toEqual([
      [
        'whistleBlown_dl-1_w1_water',
        'water',
        'failed',
        expect.stringMatching(/wx-server-sdk is not installed in this function/),
      ],
      [
        'whistleBlown_dl-1_w1_water-new',
        'water-new',
        'failed',
        'the staff record has no WeChat account any more',
      ],
    ])
    expect(logs.filter((l) => l.startsWith('whistles:')).join('\n')).toMatch(
      /wx-server-sdk is not installed/,
    )
  })
})

/**
 * `npm run migrate` on statements of the old shape (`hiding: null` while in sight): the field goes,
 * nothing else changes, a second run changes nothing, and moderation works on the migrated data.
 */
import { migrateInviteCodes } from '../../../cloudfunctions/village/migrateInviteCodes'
import { migrateRollups } from '../../../cloudfunctions/township/migrateRollups'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { migrate } from '../../../scripts/migrate'
import { TEST_NOW, type Backend } from '../support/backend'
import {
  discussionBackend,
  OPEN_MATTER,
  snapshot,
  statementBy,
  WRITER,
} from '../support/discussionFixtures'
import { CAST, insert, VILLAGE_A } from '../support/fixtures'

let backend: Backend

beforeAll(async () => {
  backend = await discussionBackend()
  const at = new Date('2026-03-04T02:00:00.000Z')
  // already the current shapes: in sight without the field, and hidden with its reason
  insert(backend, COLLECTION.statements, [
    { ...statementBy(CAST.resident, OPEN_MATTER), _id: 'st-new' },
    {
      ...statementBy(CAST.resident, OPEN_MATTER),
      _id: 'st-hidden',
      hidden: true,
      hiding: { by: 'reports', at, pendingReview: true },
    },
  ])
})
afterAll(() => backend.close())

/** Statements of the old shape: in sight, with `hiding: null`. */
function seedOldShape(ids: readonly string[]): void {
  insert(
    backend,
    COLLECTION.statements,
    ids.map((id) => ({ ...statementBy(CAST.resident, OPEN_MATTER), _id: id, hiding: null })),
  )
}

const byId = async (id: string) =>
  (await backend.all(COLLECTION.statements)).find((s) => s._id === id)

describe('npm run migrate', () => {
  it('removes hiding: null from statements in sight, changes nothing else, and is idempotent', async () => {
    const OLD = ['st-old-1', 'st-old-2', 'st-old-3']
    seedOldShape(OLD)
    // the villages (stored as before invite codes) are brought up to date by their own migration
    await migrateInviteCodes(backend.db)
    // and the dashboards' rollups of the matters by theirs (test/functions/township/migrateRollups)
    await migrateRollups(backend.db)
    const before = await snapshot(backend)
    const first = await migrate({ serviceUrl: backend.emulator.serviceUrl })
    expect(first).toEqual([
      { name: 'statements: hiding null → no hiding field', changed: 3 },
      { name: 'agendas: one document per day → agenda slots', changed: 0 },
      { name: 'timeline: rating entries → audit records off the timeline', changed: 0 },
      { name: 'statements: report list → one document per report', changed: 0 },
      { name: 'register: household names → persons', changed: 0 },
      { name: 'villages: no invite code → a unique invite code', changed: 0 },
      { name: 'dashboards: records before rollups → rollups per village and month', changed: 0 },
    ])

    // Expected: the same database with the three `hiding: null` fields gone, written out here.
    const expected = {
      ...before,
      [COLLECTION.statements]: before[COLLECTION.statements].map((s) => {
        if (!OLD.includes(String(s._id))) return s
        const copy = { ...s }
        delete copy.hiding
        return copy
      }),
    }
    const after = await snapshot(backend)
    expect(after).toEqual(expected)
    for (const id of OLD) expect(await byId(id)).not.toHaveProperty('hiding')
    expect(await byId('st-hidden')).toMatchObject({
      hidden: true,
      hiding: { by: 'reports', pendingReview: true },
    })

    const second = await migrate({ serviceUrl: backend.emulator.serviceUrl })
    expect(second).toEqual([
      { name: 'statements: hiding null → no hiding field', changed: 0 },
      { name: 'agendas: one document per day → agenda slots', changed: 0 },
      { name: 'timeline: rating entries → audit records off the timeline', changed: 0 },
      { name: 'statements: report list → one document per report', changed: 0 },
      { name: 'register: household names → persons', changed: 0 },
      { name: 'villages: no invite code → a unique invite code', changed: 0 },
      { name: 'dashboards: records before rollups → rollups per village and month', changed: 0 },
    ])
    expect(await snapshot(backend)).toEqual(after)
  })

  it('a migrated statement can be hidden and restored by a moderator', async () => {
    seedOldShape(['st-old-4'])
    await migrate({ serviceUrl: backend.emulator.serviceUrl })
    const mod = CAST.moderator.openid
    const hide = await backend.call(mod, 'discussion', 'hideStatement', {
      statementId: 'st-old-4',
      reason: '人身攻击',
    })
    expect(hide).toEqual({ ok: true, data: { ok: true } })
    expect(await byId('st-old-4')).toMatchObject({
      hidden: true,
      hiding: { by: 'moderator', moderatorId: CAST.moderator._id, reason: '人身攻击' },
    })
    const restore = await backend.call(mod, 'discussion', 'restoreStatement', {
      statementId: 'st-old-4',
      reason: '已核实',
    })
    expect(restore).toEqual({ ok: true, data: { ok: true } })
    expect(await byId('st-old-4')).not.toHaveProperty('hiding')
  })

  it('turns report lists into one document per report, keeps them counting, and is idempotent', async () => {
    const at = new Date(TEST_NOW.getTime() - 60_000)
    insert(backend, COLLECTION.statements, [
      {
        ...statementBy(WRITER, OPEN_MATTER),
        _id: 'st-rep-1',
        reports: [
          { memberId: CAST.resident._id, reason: '骂人', at },
          { memberId: CAST.resident2._id, reason: '', at },
        ],
      },
      { ...statementBy(WRITER, OPEN_MATTER), _id: 'st-rep-0', reports: [] },
    ])
    const before = await snapshot(backend)
    const first = await migrate({ serviceUrl: backend.emulator.serviceUrl })
    expect(first).toContainEqual({
      name: 'statements: report list → one document per report',
      changed: 2,
    })
    const after = await snapshot(backend)
    // Expected, written out: the two lists gone, two report documents, nothing else changed.
    const withoutReports = (x: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'reports'))
    expect(after).toEqual({
      ...before,
      [COLLECTION.statements]: before[COLLECTION.statements].map((x) =>
        x._id === 'st-rep-1' || x._id === 'st-rep-0' ? withoutReports(x) : x,
      ),
      [COLLECTION.statementReports]: [
        {
          _id: `st-rep-1_${CAST.resident._id}`,
          villageId: VILLAGE_A,
          statementId: 'st-rep-1',
          memberId: CAST.resident._id,
          reason: '骂人',
          at,
        },
        {
          _id: `st-rep-1_${CAST.resident2._id}`,
          villageId: VILLAGE_A,
          statementId: 'st-rep-1',
          memberId: CAST.resident2._id,
          reason: '',
          at,
        },
      ],
    })
    const second = await migrate({ serviceUrl: backend.emulator.serviceUrl })
    expect(second.every((m) => m.changed === 0)).toBe(true)
    expect(await snapshot(backend)).toEqual(after)

    // The migrated reports still count: one report each, and the third member's hides it.
    const report = (openid: string) =>
      backend.call(openid, 'discussion', 'reportStatement', { statementId: 'st-rep-1', reason: '' })
    expect(await report(CAST.resident.openid)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '您已经举报过这条发言了，主持人会尽快处理。' },
    })
    expect(await report(CAST.representative.openid)).toEqual({ ok: true, data: { hidden: true } })
  })
})

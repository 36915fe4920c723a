/** Editing, deleting, reporting, hiding and restoring statements through the emulator. */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { TEST_NOW, type Backend } from '../support/backend'
import {
  discussionBackend,
  matterIn,
  OPEN_MATTER,
  seedReports,
  seedStatements,
  snapshot,
  statementBy,
  WRITER,
} from '../support/discussionFixtures'
import { CAST, VILLAGE_A } from '../support/fixtures'

let backend: Backend
const OPEN = OPEN_MATTER
const CLOSED = 'm-closed'
const MINUTE = 60_000

beforeAll(async () => {
  backend = await discussionBackend({ matters: [matterIn(CLOSED, 'closed')] })
})
afterAll(() => backend.close())

async function stored(id: string) {
  return (await backend.all(COLLECTION.statements)).find((s) => s._id === id)
}
async function auditOf(id: string) {
  return (await backend.all(COLLECTION.auditLogs)).filter((a) => a.subjectId === id)
}
const refused = (code: string) => ({
  ok: false,
  error: { code, message: expect.any(String) },
})

describe('discussion.editStatement: the author, within 10 minutes of posting', () => {
  it('just inside the window: the text changes and is marked edited', async () => {
    const s = statementBy(CAST.resident, OPEN, { agoMs: 10 * MINUTE - 20_000 })
    seedStatements(backend, [s])
    const res = await backend.call(CAST.resident.openid, 'discussion', 'editStatement', {
      statementId: s._id,
      text: '更正：是东头的路灯。',
    })
    expect(res).toEqual({ ok: true, data: { hidden: false } })
    expect(await stored(s._id)).toMatchObject({
      text: '更正：是东头的路灯。',
      editedAt: expect.any(Date),
      at: s.at,
    })
    // The audit keeps what people read before the edit.
    expect(await auditOf(s._id)).toEqual([
      expect.objectContaining({
        subjectType: 'statement',
        action: 'editStatement',
        actorId: CAST.resident._id,
        from: 'visible',
        to: 'visible',
        textBefore: s.text,
      }),
    ])
  })

  it('just past the window: CONFLICT, nothing written', async () => {
    const s = statementBy(CAST.resident, OPEN, { agoMs: 10 * MINUTE + 20_000 })
    seedStatements(backend, [s])
    const before = await snapshot(backend)
    const res = await backend.call(CAST.resident.openid, 'discussion', 'editStatement', {
      statementId: s._id,
      text: '改晚了',
    })
    expect(res).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '发言超过 10 分钟就不能修改了。' },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('the edited text passes the content check too; rejected text is never written', async () => {
    const s = statementBy(CAST.resident, OPEN)
    seedStatements(backend, [s])
    const before = await snapshot(backend)
    const res = await backend.call(CAST.resident.openid, 'discussion', 'editStatement', {
      statementId: s._id,
      text: '你们都是混蛋',
    })
    expect(res).toEqual(refused('INVALID_INPUT'))
    expect(await snapshot(backend)).toEqual(before)
  })

  it('an edit with a review word hides the statement, pending a moderator’s review', async () => {
    const s = statementBy(CAST.resident, OPEN)
    seedStatements(backend, [s])
    const res = await backend.call(CAST.resident.openid, 'discussion', 'editStatement', {
      statementId: s._id,
      text: '有人拿钱买票。',
    })
    expect(res).toEqual({ ok: true, data: { hidden: true } })
    expect(await stored(s._id)).toMatchObject({
      text: '有人拿钱买票。',
      hidden: true,
      hiding: { by: 'contentCheck', pendingReview: true },
    })
  })

  it('a deleted statement, or one on a closed matter, cannot be edited', async () => {
    const deleted = statementBy(CAST.resident, OPEN, { deleted: true, text: '' })
    const closed = statementBy(CAST.resident, CLOSED)
    seedStatements(backend, [deleted, closed])
    const before = await snapshot(backend)
    for (const s of [deleted, closed]) {
      const res = await backend.call(CAST.resident.openid, 'discussion', 'editStatement', {
        statementId: s._id,
        text: '改一下',
      })
      expect(res).toEqual(refused('CONFLICT'))
    }
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('discussion.deleteStatement', () => {
  it('removes the text, keeps the place, leaves an audit record; twice is CONFLICT', async () => {
    const s = statementBy(CAST.resident, OPEN, { agoMs: 60 * MINUTE })
    seedStatements(backend, [s])
    const res = await backend.call(CAST.resident.openid, 'discussion', 'deleteStatement', {
      statementId: s._id,
    })
    expect(res).toEqual({ ok: true, data: { ok: true } })
    expect(await stored(s._id)).toMatchObject({
      text: '',
      deleted: true,
      deletedAt: expect.any(Date),
    })
    expect(await auditOf(s._id)).toEqual([
      expect.objectContaining({
        villageId: VILLAGE_A,
        subjectType: 'statement',
        action: 'deleteStatement',
        actorId: CAST.resident._id,
        from: 'visible',
        to: 'deleted',
      }),
    ])
    const before = await snapshot(backend)
    const again = await backend.call(CAST.resident.openid, 'discussion', 'deleteStatement', {
      statementId: s._id,
    })
    expect(again).toEqual(refused('CONFLICT'))
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('discussion.reportStatement', () => {
  const report = (openid: string, statementId: string) =>
    backend.call(openid, 'discussion', 'reportStatement', { statementId, reason: '骂人' })

  it('hides the statement automatically at the third report, pending review, audited', async () => {
    const s = statementBy(WRITER, OPEN)
    seedStatements(backend, [s])
    expect(await report(CAST.resident.openid, s._id)).toEqual({ ok: true, data: { hidden: false } })

    // Once per member: the second report is refused and changes nothing.
    const before = await snapshot(backend)
    expect(await report(CAST.resident.openid, s._id)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '您已经举报过这条发言了，主持人会尽快处理。' },
    })
    expect(await snapshot(backend)).toEqual(before)

    expect(await report(CAST.resident2.openid, s._id)).toEqual({
      ok: true,
      data: { hidden: false },
    })
    expect(await stored(s._id)).toMatchObject({ hidden: false })
    expect(await stored(s._id)).not.toHaveProperty('hiding')
    expect(await report(CAST.representative.openid, s._id)).toEqual({
      ok: true,
      data: { hidden: true },
    })
    expect(await stored(s._id)).toMatchObject({
      hidden: true,
      hiding: { by: 'reports', pendingReview: true },
    })
    // One document per report, each `<statementId>_<memberId>`.
    const reports = (await backend.all(COLLECTION.statementReports)).filter(
      (r) => r.statementId === s._id,
    )
    expect(reports.sort((a, b) => String(a._id).localeCompare(String(b._id)))).toEqual([
      {
        _id: `${s._id}_${CAST.representative._id}`,
        villageId: VILLAGE_A,
        statementId: s._id,
        memberId: CAST.representative._id,
        reason: '骂人',
        at: TEST_NOW,
      },
      {
        _id: `${s._id}_${CAST.resident._id}`,
        villageId: VILLAGE_A,
        statementId: s._id,
        memberId: CAST.resident._id,
        reason: '骂人',
        at: TEST_NOW,
      },
      {
        _id: `${s._id}_${CAST.resident2._id}`,
        villageId: VILLAGE_A,
        statementId: s._id,
        memberId: CAST.resident2._id,
        reason: '骂人',
        at: TEST_NOW,
      },
    ])
    // Every report is audited, and the hiding that the third one brought about.
    const audits = await auditOf(s._id)
    expect(audits).toHaveLength(4)
    expect(audits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subjectType: 'statement',
          action: 'reportStatement',
          actorId: CAST.resident._id,
          from: 'visible',
          to: 'visible',
          note: '骂人',
        }),
        expect.objectContaining({ actorId: CAST.resident2._id, from: 'visible', to: 'visible' }),
        expect.objectContaining({
          actorId: CAST.representative._id,
          from: 'visible',
          to: 'visible',
        }),
        expect.objectContaining({
          action: 'reportStatement',
          actorId: CAST.representative._id,
          from: 'visible',
          to: 'hidden',
          note: '被 3 位村民举报，已自动隐藏，等待主持人审核。',
        }),
      ]),
    )
  })

  it('one cannot report one’s own statement', async () => {
    const s = statementBy(WRITER, OPEN)
    seedStatements(backend, [s])
    const before = await snapshot(backend)
    expect(await report(WRITER.openid, s._id)).toEqual(refused('CONFLICT'))
    expect(await snapshot(backend)).toEqual(before)
  })

  it('reads the threshold from the village settings', async () => {
    const villages = backend.db.collection(COLLECTION.villages)
    await villages.doc(VILLAGE_A).update({ 'settings.reportThreshold': 1 })
    try {
      const s = statementBy(WRITER, OPEN)
      seedStatements(backend, [s])
      expect(await report(CAST.legalOfficer.openid, s._id)).toEqual({
        ok: true,
        data: { hidden: true },
      })
    } finally {
      await villages.doc(VILLAGE_A).update({ 'settings.reportThreshold': 3 })
    }
  })
})

describe('discussion.hideStatement / restoreStatement (moderators, with a reason, audited)', () => {
  it('hides, restores; reports from before the restore no longer count', async () => {
    const s = statementBy(WRITER, OPEN)
    seedStatements(backend, [s])
    seedReports(backend, s, [CAST.resident._id, CAST.resident2._id], {
      at: new Date(TEST_NOW.getTime() - MINUTE),
    })
    const mod = CAST.moderator.openid
    expect(
      await backend.call(mod, 'discussion', 'hideStatement', {
        statementId: s._id,
        reason: '人身攻击',
      }),
    ).toEqual({ ok: true, data: { ok: true } })
    expect(await stored(s._id)).toMatchObject({
      hidden: true,
      hiding: {
        by: 'moderator',
        moderatorId: CAST.moderator._id,
        reason: '人身攻击',
        pendingReview: false,
      },
    })
    // Hiding what a moderator already hid is a CONFLICT and writes nothing.
    const before = await snapshot(backend)
    expect(
      await backend.call(mod, 'discussion', 'hideStatement', {
        statementId: s._id,
        reason: '再藏',
      }),
    ).toEqual(refused('CONFLICT'))
    expect(await snapshot(backend)).toEqual(before)

    expect(
      await backend.call(mod, 'discussion', 'restoreStatement', {
        statementId: s._id,
        reason: '已和当事人沟通',
      }),
    ).toEqual({ ok: true, data: { ok: true } })
    expect(await stored(s._id)).toMatchObject({ hidden: false, restoredAt: expect.any(Date) })
    expect(await stored(s._id)).not.toHaveProperty('hiding')
    expect(await auditOf(s._id)).toEqual([
      expect.objectContaining({
        action: 'hideStatement',
        actorId: CAST.moderator._id,
        from: 'visible',
        to: 'hidden',
        note: '人身攻击',
      }),
      expect.objectContaining({
        action: 'restoreStatement',
        from: 'hidden',
        to: 'visible',
        note: '已和当事人沟通',
      }),
    ])
    // Two old reports + one new one would be three, but only the new one counts now.
    expect(
      await backend.call(CAST.committee.openid, 'discussion', 'reportStatement', {
        statementId: s._id,
        reason: '',
      }),
    ).toEqual({ ok: true, data: { hidden: false } })
  })

  it('restoring a statement that is not hidden is CONFLICT; a missing reason is INVALID_INPUT', async () => {
    const s = statementBy(WRITER, OPEN)
    seedStatements(backend, [s])
    const before = await snapshot(backend)
    const mod = CAST.moderator.openid
    expect(
      await backend.call(mod, 'discussion', 'restoreStatement', {
        statementId: s._id,
        reason: '好',
      }),
    ).toEqual(refused('CONFLICT'))
    expect(
      await backend.call(mod, 'discussion', 'hideStatement', { statementId: s._id, reason: ' ' }),
    ).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请填写理由' } })
    expect(await snapshot(backend)).toEqual(before)
  })
})

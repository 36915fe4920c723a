import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { MatterStatus } from '../../../types/model/matter'
import { TEST_NOW, type Backend } from '../support/backend'
import {
  discussionBackend,
  matterIn,
  OPEN_MATTER,
  seedStatements,
  snapshot,
  statementBy,
  WRITER,
} from '../support/discussionFixtures'
import { CAST, insert, member, VILLAGE_A } from '../support/fixtures'

let backend: Backend

const OPEN = OPEN_MATTER

beforeAll(async () => {
  backend = await discussionBackend()
})
afterAll(() => backend.close())

const post = (openid: string, payload: Record<string, unknown>) =>
  backend.call(openid, 'discussion', 'postStatement', payload)

async function stored(id: string) {
  return (await backend.all(COLLECTION.statements)).find((s) => s._id === id)
}

describe('discussion.postStatement', () => {
  it('a verified member speaks: stored with the platform identity, visible, in the village', async () => {
    const res = await post(CAST.resident.openid, { matterId: OPEN, text: '  路灯应该尽快修。 ' })
    expect(res).toEqual({ ok: true, data: { statementId: expect.any(String), hidden: false } })
    if (!res.ok) return
    expect(await stored(res.data.statementId)).toMatchObject({
      villageId: VILLAGE_A,
      matterId: OPEN,
      authorId: CAST.resident._id,
      authorName: CAST.resident.name,
      text: '路灯应该尽快修。',
      deleted: false,
      hidden: false,
    })
    // Reports are documents of their own, not a list on the statement.
    expect(await stored(res.data.statementId)).not.toHaveProperty('reports')
    // In sight means no `hiding` at all (not null: MongoDB cannot set fields inside null).
    expect(await stored(res.data.statementId)).not.toHaveProperty('hiding')
    // The post is audited in its transaction.
    const audits = (await backend.all(COLLECTION.auditLogs)).filter(
      (a) => a.subjectId === res.data.statementId,
    )
    expect(audits).toEqual([
      expect.objectContaining({
        villageId: VILLAGE_A,
        subjectType: 'statement',
        action: 'postStatement',
        actorId: CAST.resident._id,
        to: 'visible',
      }),
    ])
    expect(audits[0]).not.toHaveProperty('from')
  })

  it('answers a statement; answering a reply attaches to the top statement (one level)', async () => {
    const top = await post(CAST.representative.openid, { matterId: OPEN, text: '我同意。' })
    if (!top.ok) throw new Error(top.error.message)
    const reply = await post(CAST.committee.openid, {
      matterId: OPEN,
      text: '村委会下周安排。',
      replyTo: top.data.statementId,
    })
    expect(reply).toEqual({
      ok: true,
      data: { statementId: expect.any(String), replyTo: top.data.statementId, hidden: false },
    })
    if (!reply.ok) return
    const replyToReply = await post(CAST.moderator.openid, {
      matterId: OPEN,
      text: '好的，说事日再议。',
      replyTo: reply.data.statementId,
    })
    expect(replyToReply.ok && replyToReply.data.replyTo).toBe(top.data.statementId)
    if (!replyToReply.ok) return
    expect(await stored(replyToReply.data.statementId)).toMatchObject({
      replyTo: top.data.statementId,
    })
  })

  it('refuses a reply to a statement of another matter, or to a deleted one; nothing written', async () => {
    insert(backend, COLLECTION.matters, [matterIn('m-other', 'discussing')])
    const elsewhere = statementBy(WRITER, 'm-other')
    const deleted = statementBy(WRITER, OPEN, { deleted: true, text: '' })
    seedStatements(backend, [elsewhere, deleted])
    const before = await snapshot(backend)
    const a = await post(CAST.legalOfficer.openid, {
      matterId: OPEN,
      text: '回复',
      replyTo: elsewhere._id,
    })
    expect(a).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) })
    const b = await post(CAST.legalOfficer.openid, {
      matterId: OPEN,
      text: '回复',
      replyTo: deleted._id,
    })
    expect(b).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) })
    expect(await snapshot(backend)).toEqual(before)
  })

  const statuses: Array<[MatterStatus, boolean]> = [
    ['raised', false],
    ['accepted', true],
    ['declined', false],
    ['merged', false],
    ['withdrawn', false],
    ['discussing', true],
    ['deciding', true],
    ['decided', true],
    ['handling', true],
    ['resolved', true],
    ['closed', false],
  ]
  it.each(statuses)('a matter that is %s takes statements: %s', async (status, open) => {
    const id = `m-${status}`
    insert(backend, COLLECTION.matters, [matterIn(id, status)])
    const before = await snapshot(backend)
    const res = await post(CAST.resident2.openid, { matterId: id, text: '说两句。' })
    if (open) {
      expect(res.ok).toBe(true)
    } else {
      expect(res).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringMatching(/受理以后才能发言|不能再发言/) },
      })
      expect(await snapshot(backend)).toEqual(before)
    }
  })

  it('an unknown matter is NOT_FOUND', async () => {
    const res = await post(CAST.resident.openid, { matterId: 'no-such-matter', text: '说两句。' })
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) })
  })

  it('the content check refuses a listed word and writes nothing', async () => {
    const before = await snapshot(backend)
    for (const text of ['你就是个傻逼', '王 八 蛋！', '狗日的东西']) {
      const res = await post(CAST.legalOfficer.openid, { matterId: OPEN, text })
      expect(res).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '发言里有不文明的用语，请修改后再发。' },
      })
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('the content check sees through invisible characters, and not into innocent words', async () => {
    const before = await snapshot(backend)
    for (const text of ['傻\u200b逼', '傻\u202e逼', '你去\u2060死吧']) {
      const res = await post(CAST.legalOfficer.openid, { matterId: OPEN, text })
      expect(res).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '发言里有不文明的用语，请修改后再发。' },
      })
    }
    expect(await snapshot(backend)).toEqual(before)
    for (const text of ['我妈妈的房子漏水了', '过去死了好几只鸡']) {
      const res = await post(WRITER.openid, { matterId: OPEN, text })
      if (!res.ok) throw new Error(res.error.message)
      expect(res.data.hidden).toBe(false)
      expect(await stored(res.data.statementId)).toMatchObject({ text, hidden: false })
    }
  })

  it('a review word stores the statement hidden, pending a moderator’s review', async () => {
    const res = await post(CAST.resident2.openid, { matterId: OPEN, text: '听说有人在拉票。' })
    expect(res).toEqual({ ok: true, data: { statementId: expect.any(String), hidden: true } })
    if (!res.ok) return
    expect(await stored(res.data.statementId)).toMatchObject({
      text: '听说有人在拉票。',
      hidden: true,
      hiding: { by: 'contentCheck', pendingReview: true },
    })
    const seen = async (openid: string) => {
      const list = await backend.call(openid, 'discussion', 'listStatements', { matterId: OPEN })
      if (!list.ok) throw new Error(list.error.message)
      return list.data.items.find((i) => i.id === res.data.statementId)
    }
    expect(await seen(CAST.resident.openid)).toMatchObject({
      state: 'hidden',
      text: '该发言已被隐藏',
    })
    expect(await seen(CAST.moderator.openid)).toMatchObject({
      state: 'hidden',
      text: '听说有人在拉票。',
      moderation: { pendingReview: true, hiddenBy: 'contentCheck' },
    })
  })

  it('an OPENID or author in the payload is ignored: identity comes from the platform', async () => {
    const res = await post(CAST.legalOfficer.openid, {
      matterId: OPEN,
      text: '我是法治委员。',
      openid: CAST.moderator.openid,
      OPENID: CAST.moderator.openid,
      authorId: CAST.moderator._id,
      authorName: '冒名',
      villageId: 'village-b',
    })
    if (!res.ok) throw new Error(res.error.message)
    expect(await stored(res.data.statementId)).toMatchObject({
      authorId: CAST.legalOfficer._id,
      authorName: CAST.legalOfficer.name,
      villageId: VILLAGE_A,
    })
  })

  describe('rate limit: at most 10 statements per member per minute', () => {
    it('statements older than a minute do not count; the 11th within a minute is refused', async () => {
      // A member of its own, so no other test's posts count: 9 posts in the last minute and 5
      // more than a minute ago, as the posting window records them (before the fixed clock).
      const author = member('pace', VILLAGE_A, ['resident'])
      insert(backend, COLLECTION.members, [author])
      const ago = (ms: number) => new Date(TEST_NOW.getTime() - ms)
      await backend.db
        .collection(COLLECTION.postingWindows)
        .doc(author._id)
        .set({
          villageId: author.villageId,
          recent: [...Array(5).fill(ago(61_000)), ...Array(9).fill(ago(20_000))],
        })
      const tenth = await post(author.openid, { matterId: OPEN, text: '第十条。' })
      expect(tenth.ok).toBe(true)
      const before = await snapshot(backend)
      const eleventh = await post(author.openid, { matterId: OPEN, text: '第十一条。' })
      expect(eleventh).toEqual({
        ok: false,
        error: { code: 'RATE_LIMITED', message: expect.stringContaining('每分钟最多发 10 条') },
      })
      expect(await snapshot(backend)).toEqual(before)
      // Someone else is not held back by this member's pace.
      expect(
        (await post(CAST.representative.openid, { matterId: OPEN, text: '我来说。' })).ok,
      ).toBe(true)
    })
  })

  describe('bad input is INVALID_INPUT in plain Chinese, and writes nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      // A missing field is named by its own schema.
      ['no payload fields', {}, '请填写事项编号'],
      ['missing text', { matterId: OPEN }, '请填写发言'],
      ['empty text', { matterId: OPEN, text: '   ' }, '请填写发言'],
      ['501 characters', { matterId: OPEN, text: '议'.repeat(501) }, '发言不能超过 500 个字'],
      ['text as a number', { matterId: OPEN, text: 42 }, '发言应当是文字'],
      ['matterId as an object', { matterId: { $ne: 1 }, text: '说两句' }, '事项编号不对'],
      [
        'replyTo with odd characters',
        { matterId: OPEN, text: '说', replyTo: 'a b' },
        '要回复的发言不对',
      ],
    ]
    it.each(cases)('%s', async (_name, payload, message) => {
      const before = await snapshot(backend)
      const res = await post(CAST.resident2.openid, payload)
      expect(res).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message } })
      expect(await snapshot(backend)).toEqual(before)
    })

    it('500 characters (emoji count as one) are accepted', async () => {
      const res = await post(CAST.committee.openid, { matterId: OPEN, text: '👍'.repeat(500) })
      expect(res.ok).toBe(true)
    })
  })
})

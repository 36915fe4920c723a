/**
 * Paper at the meeting (point 10) through the emulator with the real SDK: a person ticked off on
 * paper has their online ballot withdrawn unread and cannot cast again (paper and phone count
 * once); a box's counts must add up to the persons ticked off; a different committee member
 * confirms them (the same one is refused); only confirmed paper counts, and the result says how
 * many paper ballots were left unconfirmed; open polls take named paper ballots as the person's
 * one ballot. Expected counts and digests are worked out by hand here.
 */
import { createHash } from 'node:crypto'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { castOf, expectedBallotId, openedPoll } from '../support/pollFixtures'
import { CLOSES, countNow, docOf, ok, paperVillage, pollsCaller } from '../support/paperFixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { CHINESE, snapshot } from '../support/snapshot'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend({ functionConcurrency: 10, functionQueueLimit: 400 })
})
afterAll(() => backend.close())
afterEach(() => backend.emulator.clock.set(TEST_NOW))

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

const call = pollsCaller(() => backend)

describe('paper at the meeting: secret polls', () => {
  it('paper and online count once: the online ballot is withdrawn unread, no cast after', async () => {
    const v = paperVillage(backend, 'once', { n: 4 })
    const pollId = await openedPoll(backend, v) // consult, secret
    const [p1, , p3] = v.persons
    await ok(call(v.voters[0].openid, 'castBallot', { pollId, choice: 'yes' }))
    await ok(call(v.voters[1].openid, 'castBallot', { pollId, choice: 'no' }))

    const marked = await call(v.committee.openid, 'markPaperVoter', { pollId, personId: p1._id })
    expect(marked).toEqual({ ok: true, data: { paperVoters: 1 } })
    // withdrawn: the ballot keeps its id and poll, no choice (and none was answered)
    expect(await docOf(backend, COLLECTION.ballots, expectedBallotId(pollId, p1._id))).toEqual({
      _id: expectedBallotId(pollId, p1._id),
      pollId,
    })
    expect(await docOf(backend, COLLECTION.pollVoters, `${pollId}_${p1._id}`)).toMatchObject({
      voted: true,
      channel: 'paper',
      reached: true,
    })
    // ticking off again changes nothing; the person cannot cast online now
    const before = await snapshot(backend)
    expect(await call(v.committee.openid, 'markPaperVoter', { pollId, personId: p1._id })).toEqual({
      ok: true,
      data: { paperVoters: 1 },
    })
    expect(await call(v.voters[0].openid, 'castBallot', { pollId, choice: 'no' })).toEqual({
      ok: false,
      error: { code: 'VOTED_ON_PAPER', message: '您已经在会上投了纸质票，不能再在手机上投票。' },
    })
    expect(await snapshot(backend)).toEqual(before)
    expect(await call(v.voters[0].openid, 'getPoll', { pollId })).toMatchObject({
      ok: true,
      data: { myChoice: null, myChannel: 'paper', can: [] },
    })

    await ok(call(v.committee.openid, 'markPaperVoter', { pollId, personId: p3._id }))
    const box = [
      { choice: 'yes', count: 1 },
      { choice: 'spoiled', count: 1 },
    ]
    expect(await call(v.committee.openid, 'enterPaperCounts', { pollId, counts: box })).toEqual({
      ok: true,
      data: { total: 2 },
    })
    expect(await call(v.committee2.openid, 'confirmPaperCounts', { pollId, counts: box })).toEqual({
      ok: true,
      data: { total: 2 },
    })

    const result = await countNow(backend, v, pollId)
    // online: p2 no; paper: yes 1, 废票 1; p1's online yes withdrawn
    expect(result).toMatchObject({
      counts: { yes: 1, no: 1, abstain: 0 },
      spoiled: 1,
      present: 3,
      turnout: 3,
      ballots: 1,
      unconfirmedPaper: 0,
      digest: sha256(
        [`${expectedBallotId(pollId, v.persons[1]._id)},no`, 'paper,spoiled,1', 'paper,yes,1']
          .sort()
          .map((l) => `${l}\n`)
          .join(''),
      ),
    })
  })

  it('50 at once — the voter casting, the committee ticking them off — still count once', async () => {
    const v = paperVillage(backend, 'oncerace', { n: 2 })
    const pollId = await openedPoll(backend, v)
    const p1 = v.persons[0]._id
    // ten warm instances first, so that the calls below really run at the same moment
    await Promise.all(
      Array.from({ length: 10 }, () => call(v.resident.openid, 'getPoll', { pollId })),
    )
    const { tally } = await race<unknown>('castBallot and markPaperVoter of one person', [
      ...Array.from(
        { length: 25 },
        () => () => call(v.voters[0].openid, 'castBallot', { pollId, choice: 'yes' }),
      ),
      ...Array.from(
        { length: 25 },
        () => () => call(v.committee.openid, 'markPaperVoter', { pollId, personId: p1 }),
      ),
    ])
    expectNoCrashAndLittleBusy(tally, 50)
    expect(Object.keys(tally).filter((k) => !['ok', 'VOTED_ON_PAPER', 'BUSY'].includes(k))).toEqual(
      [],
    )
    // ticked off once, on paper, and no online choice left
    expect(await castOf(backend, pollId)).toEqual([])
    expect(await docOf(backend, COLLECTION.pollVoters, `${pollId}_${p1}`)).toMatchObject({
      voted: true,
      channel: 'paper',
    })
    expect(await docOf(backend, COLLECTION.polls, pollId)).toMatchObject({ paperVoters: 1 })
  })

  it('refuses counts that do not add up to the persons ticked off, writing nothing', async () => {
    const v = paperVillage(backend, 'addup', { n: 4 })
    const pollId = await openedPoll(backend, v)
    const before0 = await snapshot(backend)
    expect(
      await call(v.committee.openid, 'enterPaperCounts', {
        pollId,
        counts: [{ choice: 'yes', count: 1 }],
      }),
    ).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '还没有登记现场投纸质票的人，请先逐个登记。' },
    })
    expect(await snapshot(backend)).toEqual(before0)
    for (const p of v.persons.slice(0, 2)) {
      await ok(call(v.committee.openid, 'markPaperVoter', { pollId, personId: p._id }))
    }
    const before = await snapshot(backend)
    for (const counts of [
      [{ choice: 'yes', count: 1 }],
      [
        { choice: 'yes', count: 2 },
        { choice: 'spoiled', count: 1 },
      ],
      [{ choice: 'no', count: 0 }],
    ]) {
      const total = counts.reduce((s, c) => s + c.count, 0)
      expect(await call(v.committee.openid, 'enterPaperCounts', { pollId, counts })).toEqual({
        ok: false,
        error: {
          code: 'PAPER_MISMATCH',
          message: `票箱里的票一共 ${total} 张（含废票），登记现场投票的是 2 人，对不上，请重新清点。`,
        },
      })
    }
    expect(
      await call(v.committee.openid, 'enterPaperCounts', {
        pollId,
        counts: [
          { choice: 'yes', count: 1 },
          { choice: 'yes', count: 1 },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } })
    expect(
      await call(v.committee.openid, 'enterPaperCounts', {
        pollId,
        counts: [{ choice: 'maybe', count: 2 }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_CHOICE', message: expect.any(String) } })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('a different member confirms the same counts; the same member is refused', async () => {
    const v = paperVillage(backend, 'confirm', { n: 4 })
    const pollId = await openedPoll(backend, v)
    for (const p of v.persons.slice(0, 3)) {
      await ok(call(v.committee.openid, 'markPaperVoter', { pollId, personId: p._id }))
    }
    const box = [
      { choice: 'yes', count: 2 },
      { choice: 'no', count: 1 },
    ]
    await ok(call(v.committee.openid, 'enterPaperCounts', { pollId, counts: box }))
    const before = await snapshot(backend)
    const same = await call(v.committee.openid, 'confirmPaperCounts', { pollId, counts: box })
    expect(same).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: '录入的人不能自己确认，请另一位村委会成员核对后确认（两个人各核一遍，才算数）。',
      },
    })
    const other = [
      { choice: 'yes', count: 1 },
      { choice: 'no', count: 2 },
    ]
    expect(
      await call(v.committee2.openid, 'confirmPaperCounts', { pollId, counts: other }),
    ).toEqual({
      ok: false,
      error: {
        code: 'PAPER_MISMATCH',
        message: '您核对的票数和录入的不一样，请两位一起重新清点票箱。',
      },
    })
    expect(await snapshot(backend)).toEqual(before)
    // in another order, the same counts
    await ok(
      call(v.committee2.openid, 'confirmPaperCounts', { pollId, counts: [...box].reverse() }),
    )
    const poll = await docOf(backend, COLLECTION.polls, pollId)
    expect(poll?.paper).toEqual([
      {
        choice: 'no',
        count: 1,
        enteredBy: v.committee._id,
        enteredAt: TEST_NOW,
        confirmedBy: v.committee2._id,
        confirmedAt: TEST_NOW,
      },
      {
        choice: 'yes',
        count: 2,
        enteredBy: v.committee._id,
        enteredAt: TEST_NOW,
        confirmedBy: v.committee2._id,
        confirmedAt: TEST_NOW,
      },
    ])
    const audits = (await backend.all(COLLECTION.auditLogs)).filter((a) => a.subjectId === pollId)
    expect(audits.map((a) => [a.action, a.actorId])).toEqual(
      expect.arrayContaining([
        ['enterPaperCounts', v.committee._id],
        ['confirmPaperCounts', v.committee2._id],
      ]),
    )
    // the audit records say how many, never the split
    expect(JSON.stringify(audits)).not.toMatch(/yes|"no"|赞成|反对/)
    // once confirmed: no re-entry, nobody more ticked off
    const after = await snapshot(backend)
    expect(
      await call(v.committee.openid, 'enterPaperCounts', { pollId, counts: box }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(CHINESE) },
    })
    expect(
      await call(v.committee.openid, 'markPaperVoter', { pollId, personId: v.persons[3]._id }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // the confirmer's phone sends its confirmation again (its queue never heard the answer): the
    // same answer as the first time, nothing written; other counts, or another member: refused
    expect(await call(v.committee2.openid, 'confirmPaperCounts', { pollId, counts: box })).toEqual({
      ok: true,
      data: { total: 3 },
    })
    expect(
      await call(v.committee2.openid, 'confirmPaperCounts', { pollId, counts: other }),
    ).toEqual({ ok: false, error: { code: 'CONFLICT', message: '票箱的票数已经确认过了。' } })
    expect(await call(v.committee.openid, 'confirmPaperCounts', { pollId, counts: box })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '票箱的票数已经确认过了。' },
    })
    expect(await snapshot(backend)).toEqual(after)
  })

  it('unconfirmed paper is not counted, and the result says how many were left', async () => {
    const v = paperVillage(backend, 'unconf', { n: 4 })
    const pollId = await openedPoll(backend, v)
    for (const p of v.persons.slice(0, 2)) {
      await ok(call(v.committee.openid, 'markPaperVoter', { pollId, personId: p._id }))
    }
    await ok(
      call(v.committee.openid, 'enterPaperCounts', {
        pollId,
        counts: [{ choice: 'yes', count: 2 }],
      }),
    )
    await ok(call(v.voters[2].openid, 'castBallot', { pollId, choice: 'no' }))
    const result = await countNow(backend, v, pollId)
    expect(result).toMatchObject({
      counts: { yes: 0, no: 1, abstain: 0 },
      spoiled: 0,
      present: 1,
      turnout: 1,
      ballots: 1,
      unconfirmedPaper: 2,
      digest: sha256(`${expectedBallotId(pollId, v.persons[2]._id)},no\n`),
    })
  })

  it('an early close waits for the paper to be entered and confirmed', async () => {
    const v = paperVillage(backend, 'early', { n: 2 })
    const pollId = await openedPoll(backend, v)
    await ok(call(v.voters[0].openid, 'castBallot', { pollId, choice: 'no' }))
    await ok(call(v.committee.openid, 'markPaperVoter', { pollId, personId: v.persons[1]._id }))
    const refused = {
      ok: false,
      error: { code: 'CONFLICT', message: '会上的纸质票还没有录入并确认，确认以后才能提前结束。' },
    }
    // everyone has voted, but the box is neither entered nor confirmed
    const counts = [{ choice: 'abstain', count: 1 }]
    for (const step of ['mark', 'enter'] as const) {
      if (step === 'enter')
        await ok(call(v.committee.openid, 'enterPaperCounts', { pollId, counts }))
      const before = await snapshot(backend)
      expect(await call(v.committee.openid, 'closePoll', { pollId })).toEqual(refused)
      expect(await snapshot(backend)).toEqual(before)
    }
    await ok(call(v.committee2.openid, 'confirmPaperCounts', { pollId, counts }))
    expect(await call(v.committee.openid, 'closePoll', { pollId })).toEqual({
      ok: true,
      data: { phase: 'counting', closesAt: TEST_NOW.toISOString() },
    })
  })

  it('paper is taken until the closing time, then refused with nothing written', async () => {
    const v = paperVillage(backend, 'paperlate', { n: 2 })
    const pollId = await openedPoll(backend, v)
    backend.emulator.clock.set(CLOSES.getTime() + 1000)
    const before = await snapshot(backend)
    expect(
      await call(v.committee.openid, 'markPaperVoter', { pollId, personId: v.persons[0]._id }),
    ).toEqual({
      ok: false,
      error: { code: 'POLL_CLOSED', message: '这次表决已经截止了，不能再录入纸质票。' },
    })
    expect(
      await call(v.committee.openid, 'markPaperVoter', { pollId, personId: 'nobody' }),
    ).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } })
    expect(await snapshot(backend)).toEqual(before)
    backend.emulator.clock.set(TEST_NOW)
    expect(
      await call(v.committee.openid, 'markPaperVoter', { pollId, personId: 'nobody' }),
    ).toEqual({
      ok: false,
      error: { code: 'NOT_ELIGIBLE', message: '这个人不在这次表决的选民名单里。' },
    })
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('paper at the meeting: open polls', () => {
  it('a named paper ballot, entered by one member and confirmed by another, is the person’s one ballot', async () => {
    const v = paperVillage(backend, 'named', { n: 4 })
    const pollId = await openedPoll(backend, v, { secret: false })
    const [p1, , p3] = v.persons
    await ok(call(v.voters[0].openid, 'castBallot', { pollId, choice: 'yes' }))
    expect(
      await call(v.committee.openid, 'enterPaperBallot', {
        pollId,
        personId: p1._id,
        choice: 'no',
      }),
    ).toEqual({ ok: true, data: { ok: true } })
    // entered, not yet counted: the online yes is gone, the paper no waits
    expect(await castOf(backend, pollId)).toEqual([])
    let before = await snapshot(backend)
    expect(await call(v.voters[0].openid, 'castBallot', { pollId, choice: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'VOTED_ON_PAPER' },
    })
    expect(
      await call(v.committee.openid, 'confirmPaperBallot', {
        pollId,
        personId: p1._id,
        choice: 'no',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await call(v.committee2.openid, 'confirmPaperBallot', {
        pollId,
        personId: p1._id,
        choice: 'yes',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PAPER_MISMATCH', message: expect.stringMatching(CHINESE) },
    })
    // secret-poll actions do not apply to an open poll
    expect(
      await call(v.committee.openid, 'markPaperVoter', { pollId, personId: p3._id }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(
      await call(v.committee.openid, 'enterPaperCounts', {
        pollId,
        counts: [{ choice: 'no', count: 1 }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await snapshot(backend)).toEqual(before)

    await ok(
      call(v.committee2.openid, 'confirmPaperBallot', { pollId, personId: p1._id, choice: 'no' }),
    )
    expect(await castOf(backend, pollId)).toEqual([
      { _id: expectedBallotId(pollId, p1._id), pollId, personId: p1._id, choice: 'no' },
    ])
    before = await snapshot(backend)
    expect(
      await call(v.committee.openid, 'enterPaperBallot', {
        pollId,
        personId: p1._id,
        choice: 'yes',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await snapshot(backend)).toEqual(before)

    // p3's paper ballot entered, never confirmed
    await ok(
      call(v.committee.openid, 'enterPaperBallot', { pollId, personId: p3._id, choice: 'yes' }),
    )
    const result = await countNow(backend, v, pollId)
    expect(result).toMatchObject({
      counts: { yes: 0, no: 1, abstain: 0 },
      present: 1,
      turnout: 1,
      ballots: 1,
      unconfirmedPaper: 1,
      digest: sha256(`${p1._id},no\n`),
    })
  })
})

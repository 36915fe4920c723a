/**
 * Casting through the emulator with the real SDK: one ballot per person whatever the number of
 * calls or accounts, the frozen electorate, the last cast counts, the closing time on the
 * emulator's clock, the split hidden while open.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { insert, member } from '../support/fixtures'
import { castOf, expectedBallotId, openedPoll, pollVillage } from '../support/pollFixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { snapshot } from '../support/snapshot'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend({ functionConcurrency: 10, functionQueueLimit: 400 })
})
afterAll(() => backend.close())
afterEach(() => backend.emulator.clock.set(TEST_NOW))

describe('castBallot', () => {
  it('50 concurrent casts by one voter leave one ballot, with the id HMAC(poll, person)', async () => {
    const v = pollVillage(backend, 'fifty', { n: 4 })
    const pollId = await openedPoll(backend, v)
    const voter = v.voters[0]
    const choices = ['yes', 'no', 'abstain'] as const
    const { tally } = await race(
      'castBallot by one voter',
      Array.from(
        { length: 50 },
        (_, i) => () =>
          backend.call(voter.openid, 'polls', 'castBallot', { pollId, choice: choices[i % 3] }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, 50)
    const cast = await castOf(backend, pollId)
    expect(cast).toHaveLength(1)
    expect(cast[0]._id).toBe(expectedBallotId(pollId, 'fifty-p1'))
    // a secret ballot: its id, its poll and its choice, nothing else (no voter, no time)
    expect(Object.keys(cast[0]).sort()).toEqual(['_id', 'choice', 'pollId'])
  })

  it('the last cast counts, and the voter sees it as their own choice', async () => {
    const v = pollVillage(backend, 'last', { n: 2 })
    const pollId = await openedPoll(backend, v)
    const voter = v.voters[1]
    for (const choice of ['yes', 'no']) {
      expect(await backend.call(voter.openid, 'polls', 'castBallot', { pollId, choice })).toEqual({
        ok: true,
        data: { ok: true },
      })
    }
    const cast = await castOf(backend, pollId)
    expect(cast.map((b) => b.choice)).toEqual(['no'])
    const mine = await backend.call(voter.openid, 'polls', 'getPoll', { pollId })
    expect(mine).toMatchObject({ ok: true, data: { myChoice: 'no', eligible: true, turnout: 1 } })
  })

  it('two accounts linked to one person leave one ballot (a new phone)', async () => {
    const v = pollVillage(backend, 'twophones', { n: 2 })
    const second = member('twophones-m1b', v.id, ['resident'], { personId: 'twophones-p1' })
    insert(backend, COLLECTION.members, [second])
    const pollId = await openedPoll(backend, v)
    const { tally } = await race('castBallot from two accounts of one person', [
      ...Array.from(
        { length: 25 },
        () => () =>
          backend.call(v.voters[0].openid, 'polls', 'castBallot', { pollId, choice: 'yes' }),
      ),
      ...Array.from(
        { length: 25 },
        () => () => backend.call(second.openid, 'polls', 'castBallot', { pollId, choice: 'no' }),
      ),
    ])
    expectNoCrashAndLittleBusy(tally, 50)
    const cast = await castOf(backend, pollId)
    expect(cast).toHaveLength(1)
    expect(cast[0]._id).toBe(expectedBallotId(pollId, 'twophones-p1'))
    const voters = await backend.all(COLLECTION.pollVoters)
    expect(voters.filter((x) => x.pollId === pollId && x.voted)).toHaveLength(1)
  })

  it('200 voters at once leave 200 ballots and a turnout of 200', async () => {
    const v = pollVillage(backend, 'twohundred', { n: 200 })
    const pollId = await openedPoll(backend, v)
    const { tally } = await race(
      'castBallot by 200 voters',
      v.voters.map(
        (voter, i) => () =>
          backend.call(voter.openid, 'polls', 'castBallot', {
            pollId,
            choice: i % 2 ? 'yes' : 'no',
          }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, 200)
    const busy = tally.BUSY ?? 0
    expect(tally.ok).toBe(200 - busy)
    expect(await castOf(backend, pollId)).toHaveLength(200 - busy)
    const view = await backend.call(v.resident.openid, 'polls', 'getPoll', { pollId })
    expect(view).toMatchObject({ ok: true, data: { turnout: 200 - busy, electorateSize: 200 } })
  })

  it('a member linked after opening is NOT_ELIGIBLE online, and nothing is written', async () => {
    const v = pollVillage(backend, 'late', { n: 3, linked: 2 })
    const pollId = await openedPoll(backend, v)
    const late = member('late-m3', v.id, ['resident'], { personId: 'late-p3' })
    insert(backend, COLLECTION.members, [late])
    const before = await snapshot(backend)
    expect(
      await backend.call(late.openid, 'polls', 'castBallot', { pollId, choice: 'yes' }),
    ).toEqual({
      ok: false,
      error: { code: 'NOT_ELIGIBLE', message: expect.stringContaining('不能在手机上投票') },
    })
    // a member with no person at all, too
    expect(
      await backend.call(v.resident.openid, 'polls', 'castBallot', { pollId, choice: 'yes' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('refuses a cast one second after the closing time (the emulator clock), and before opening', async () => {
    const v = pollVillage(backend, 'late2', { n: 2 })
    const pollId = await openedPoll(backend, v)
    // consult: 3 days' notice from 2026-11-21 09:00 → 2026-11-24 21:00 Shanghai
    const closesAt = new Date('2026-11-24T21:00:00+08:00')
    backend.emulator.clock.set(closesAt.getTime() - 1000)
    expect(
      await backend.call(v.voters[0].openid, 'polls', 'castBallot', { pollId, choice: 'yes' }),
    ).toEqual({ ok: true, data: { ok: true } })
    backend.emulator.clock.set(closesAt.getTime() + 1000)
    const before = await snapshot(backend)
    expect(
      await backend.call(v.voters[1].openid, 'polls', 'castBallot', { pollId, choice: 'yes' }),
    ).toEqual({
      ok: false,
      error: { code: 'POLL_CLOSED', message: '这次表决已经截止了，不能再投票。' },
    })
    expect(await snapshot(backend)).toEqual(before)

    backend.emulator.clock.set(TEST_NOW)
    const w = pollVillage(backend, 'notopen', { n: 2 })
    const drafted = await backend.call(w.committee.openid, 'polls', 'draftPoll', {
      matterId: w.matterId,
      question: '草稿',
      kind: 'yesNo',
      options: [],
      body: 'consult',
    })
    expect(drafted.ok).toBe(true)
    const draftId = drafted.ok ? drafted.data.pollId : ''
    expect(
      await backend.call(w.voters[0].openid, 'polls', 'castBallot', {
        pollId: draftId,
        choice: 'yes',
      }),
    ).toEqual({ ok: false, error: { code: 'POLL_NOT_OPEN', message: '这次表决还没有开始。' } })
  })

  it('refuses a choice the poll does not have with INVALID_CHOICE', async () => {
    const v = pollVillage(backend, 'badchoice', { n: 2 })
    const pollId = await openedPoll(backend, v)
    const choicePoll = await openedPoll(backend, v, {
      kind: 'choice',
      question: '路灯装在哪里？',
      options: ['村口', '学校', '祠堂'],
      maxSelections: 2,
    }).catch((e: Error) => e.message)
    // the matter is 表决中 after the first poll: a second one is refused
    expect(choicePoll).toContain('CONFLICT')
    const before = await snapshot(backend)
    for (const choice of ['maybe', ['yes'], 'YES', '']) {
      expect(
        await backend.call(v.voters[0].openid, 'polls', 'castBallot', { pollId, choice }),
      ).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/INVALID_CHOICE|INVALID_INPUT/) },
      })
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('choice polls: selections stored ascending as o1+o3, at most maxSelections', async () => {
    const v = pollVillage(backend, 'choice', { n: 2 })
    const pollId = await openedPoll(backend, v, {
      kind: 'choice',
      question: '路灯装在哪里？',
      options: ['村口', '学校', '祠堂'],
      maxSelections: 2,
    })
    const voter = v.voters[0].openid
    expect(
      await backend.call(voter, 'polls', 'castBallot', { pollId, choice: ['o3', 'o1', 'o2'] }),
    ).toEqual({ ok: false, error: { code: 'INVALID_CHOICE', message: '这次表决最多选 2 项。' } })
    expect(await backend.call(voter, 'polls', 'castBallot', { pollId, choice: ['o4'] })).toEqual({
      ok: false,
      error: { code: 'INVALID_CHOICE', message: '所选的选项不在这次表决里。' },
    })
    expect(
      await backend.call(voter, 'polls', 'castBallot', { pollId, choice: ['o3', 'o1'] }),
    ).toEqual({
      ok: true,
      data: { ok: true },
    })
    expect((await castOf(backend, pollId)).map((b) => b.choice)).toEqual(['o1+o3'])
  })

  it('while open nobody sees the split — committee included — only the turnout', async () => {
    const v = pollVillage(backend, 'hidden', { n: 4 })
    const pollId = await openedPoll(backend, v)
    for (const [i, choice] of ['yes', 'yes', 'no'].entries()) {
      await backend.call(v.voters[i].openid, 'polls', 'castBallot', { pollId, choice })
    }
    for (const who of [v.committee, v.moderator, v.resident, v.voters[3]]) {
      const res = await backend.call(who.openid, 'polls', 'getPoll', { pollId })
      expect(res).toMatchObject({
        ok: true,
        data: { phase: 'open', turnout: 3, electorateSize: 4, myChoice: null },
      })
      expect(res.ok && res.data.result).toBeUndefined()
      expect(JSON.stringify(res)).not.toMatch(/"(yes|no|abstain)"\s*:/)
      const list = await backend.call(who.openid, 'polls', 'listPolls', { matterId: v.matterId })
      expect(JSON.stringify(list)).not.toMatch(/passed|counts/)
    }
    expect(await backend.call(v.resident.openid, 'polls', 'exportBallots', { pollId })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '计票公布以后才能下载选票。' },
    })
  })
})

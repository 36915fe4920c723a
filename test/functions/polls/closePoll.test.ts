/**
 * Closing and counting: the scheduler's timer trigger counts a poll at its time (the emulator's
 * clock moved, no sleeping); the committee closes early once everyone has voted; the stored
 * result is immutable; the matter moves on (passed → 已决议, otherwise back to 议事中 with the
 * result on its timeline); the export of a counted poll matches its published digest. Expected
 * counts, sentences' figures and digests are worked out here by hand (node:crypto), not by the
 * code under test.
 */
import { createHash } from 'node:crypto'
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { castOf, expectedBallotId, openedPoll, pollVillage } from '../support/pollFixtures'
import { snapshot } from '../support/snapshot'
import { MATCH, MISMATCH, verifyTally } from '../../../scripts/verifyTally'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
})
afterAll(() => backend.close())
afterEach(() => backend.emulator.clock.set(TEST_NOW))

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
/** 2026-11-24 21:00 Shanghai: a consult/representatives poll opened at TEST_NOW closes then. */
const CLOSES = new Date('2026-11-24T21:00:00+08:00')

async function cast(openid: string, pollId: string, choice: string | string[]) {
  const res = await backend.call(openid, 'polls', 'castBallot', { pollId, choice })
  if (!res.ok) throw new Error(JSON.stringify(res))
}

async function matterOf(id: string) {
  const { data } = await backend.db.collection(COLLECTION.matters).doc(id).get()
  return data[0] as Record<string, unknown>
}

async function pollDoc(id: string) {
  const { data } = await backend.db.collection(COLLECTION.polls).doc(id).get()
  return data[0] as Record<string, unknown> & { status: string; result?: Record<string, unknown> }
}

describe('the scheduler', () => {
  it('counts a poll at its time when the clock moves past it, and refuses a late cast', async () => {
    const v = pollVillage(backend, 'sched', { n: 4 })
    const pollId = await openedPoll(backend, v) // consult, closes 2026-11-24 21:00
    const choices = ['yes', 'yes', 'no', 'abstain']
    for (const [i, choice] of choices.entries()) await cast(v.voters[i].openid, pollId, choice)

    backend.emulator.clock.set(CLOSES.getTime() - 60_000)
    await backend.emulator.clock.advance(59_000) // 20:59:59: still open
    await cast(v.voters[0].openid, pollId, 'yes')
    await backend.emulator.clock.advance(2_000) // 21:00:01
    expect(
      await backend.call(v.voters[1].openid, 'polls', 'castBallot', { pollId, choice: 'no' }),
    ).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } })
    expect((await pollDoc(pollId)).status).toBe('open')
    // the trigger runs every minute at :30; it counts once the closing time is 20 s behind
    await backend.emulator.clock.advance(60_000) // past 21:00:30
    const poll = await pollDoc(pollId)
    expect(poll.status).toBe('closed')
    expect(poll.closedBy).toBe('scheduler')

    const lines = v.persons
      .map((p, i) => `${expectedBallotId(pollId, p._id)},${choices[i]}\n`)
      .sort()
      .join('')
    expect(poll.result).toMatchObject({
      counts: { yes: 2, no: 1, abstain: 1 },
      spoiled: 0,
      present: 4,
      turnout: 4,
      electorate: { size: 4, adults: 4, households: 2, representatives: 0 },
      valid: true,
      passed: false,
      decides: false,
      ballots: 4,
      unconfirmedPaper: 0,
      digest: sha256(lines),
      countedAt: new Date('2026-11-24T21:00:30+08:00'),
    })
    // consult decides nothing: back to discussion, the advisory result on the timeline
    expect(await matterOf(v.matterId)).toMatchObject({ status: 'discussing' })
    const detail = await backend.call(v.resident.openid, 'matters', 'getMatter', {
      matterId: v.matterId,
    })
    expect(detail.ok && detail.data.timeline[0]).toMatchObject({
      action: 'returnToDiscussion',
      from: 'deciding',
      to: 'discussing',
      note: expect.stringContaining(sha256(lines)),
    })
    // counted once: a later run changes nothing
    const before = await snapshot(backend)
    await backend.emulator.clock.advance(120_000)
    expect(await snapshot(backend)).toEqual(before)
  })

  it('refuses anyone who calls it (a caller has an OPENID; the timer has none)', async () => {
    const v = pollVillage(backend, 'schedcall', { n: 1 })
    const before = await snapshot(backend)
    for (const who of [v.committee, v.resident]) {
      expect(await backend.emulator.invoke('scheduler', {}, who.openid)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '您没有权限做这件事。' },
      })
    }
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('closePoll and where the matter goes', () => {
  it('a poll without quorum returns the matter to discussion with the result', async () => {
    // 6 representatives, 3 vote: 3 × 3 = 9 < 2 × 6 = 12, not valid
    const v = pollVillage(backend, 'noquorum', { n: 6, representatives: 6 })
    const pollId = await openedPoll(backend, v, { body: 'representatives' })
    for (const i of [0, 1, 2]) await cast(v.voters[i].openid, pollId, 'yes')
    backend.emulator.clock.set(CLOSES.getTime() + 20_000)
    expect(await backend.call(v.committee.openid, 'polls', 'closePoll', { pollId })).toEqual({
      ok: true,
      data: { phase: 'closed', closesAt: CLOSES.toISOString() },
    })
    const poll = await pollDoc(pollId)
    expect(poll.result).toMatchObject({
      counts: { yes: 3, no: 0, abstain: 0 },
      present: 3,
      valid: false,
      passed: false,
      decides: true,
    })
    expect(await matterOf(v.matterId)).toMatchObject({ status: 'discussing' })
    const view = await backend.call(v.resident.openid, 'polls', 'getPoll', { pollId })
    expect(view).toMatchObject({
      ok: true,
      data: { phase: 'closed', result: { valid: false, counts: { yes: 3 } } },
    })
    // immutable: closing again is refused, nothing changes
    const before = await snapshot(backend)
    expect(await backend.call(v.committee.openid, 'polls', 'closePoll', { pollId })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '这次表决已经计票公布了。' },
    })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('a passed poll decides the matter (已决议) with the resolution', async () => {
    // 3 representatives, all vote: 3 × 3 ≥ 2 × 3; yes 2: 2 × 2 > 3, passed
    const v = pollVillage(backend, 'passed', { n: 3, representatives: 3 })
    const pollId = await openedPoll(backend, v, { body: 'representatives' })
    for (const [i, c] of ['yes', 'yes', 'no'].entries()) await cast(v.voters[i].openid, pollId, c)
    backend.emulator.clock.set(CLOSES.getTime() + 20_000)
    expect(await backend.call(v.committee.openid, 'polls', 'closePoll', { pollId })).toMatchObject({
      ok: true,
      data: { phase: 'closed' },
    })
    expect((await pollDoc(pollId)).result).toMatchObject({ valid: true, passed: true })
    expect(await matterOf(v.matterId)).toMatchObject({
      status: 'decided',
      decision: expect.stringContaining('是否同意硬化村东道路？'),
    })
  })

  it('a households poll counts the households that voted (户代表), and passes on them', async () => {
    // 6 persons in 3 households, their 户代表 p1, p3, p5; p1 and p3 vote yes:
    // 3 × 2 ≥ 2 × 3 households, valid; 2 × 2 yes > 2 households present, passed
    const v = pollVillage(backend, 'hh', { n: 6 })
    const pollId = await openedPoll(backend, v, { body: 'households' })
    expect(
      await backend.call(v.voters[1].openid, 'polls', 'castBallot', { pollId, choice: 'yes' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } })
    for (const i of [0, 2]) await cast(v.voters[i].openid, pollId, 'yes')
    backend.emulator.clock.set(CLOSES.getTime() + 20_000)
    await backend.call(v.committee.openid, 'polls', 'closePoll', { pollId })
    expect((await pollDoc(pollId)).result).toMatchObject({
      counts: { yes: 2, no: 0, abstain: 0 },
      present: 2,
      householdsPresent: 2,
      electorate: { size: 3, households: 3 },
      valid: true,
      passed: true,
    })
    expect(await matterOf(v.matterId)).toMatchObject({ status: 'decided' })
  })

  it('early: refused until everyone has voted; then casting stops, the count follows', async () => {
    const v = pollVillage(backend, 'early', { n: 2 })
    const pollId = await openedPoll(backend, v)
    await cast(v.voters[0].openid, pollId, 'yes')
    const before = await snapshot(backend)
    expect(await backend.call(v.committee.openid, 'polls', 'closePoll', { pollId })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '还有 1 人没有投票，要等大家都投了才能提前结束。' },
    })
    expect(await snapshot(backend)).toEqual(before)
    await cast(v.voters[1].openid, pollId, 'no')
    // only the committee closes
    expect(await backend.call(v.moderator.openid, 'polls', 'closePoll', { pollId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await backend.call(v.committee.openid, 'polls', 'closePoll', { pollId })).toEqual({
      ok: true,
      data: { phase: 'counting', closesAt: TEST_NOW.toISOString() },
    })
    expect(
      await backend.call(v.voters[0].openid, 'polls', 'castBallot', { pollId, choice: 'no' }),
    ).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } })
    // the count follows once the new closing time is 20 s behind (the scheduler's test moves the
    // trigger's clock; the timer fires each due time once, so this one asks closePoll)
    backend.emulator.clock.set(TEST_NOW.getTime() + 20_000)
    expect(await backend.call(v.committee.openid, 'polls', 'closePoll', { pollId })).toMatchObject({
      ok: true,
      data: { phase: 'closed' },
    })
    expect((await pollDoc(pollId)).result).toMatchObject({ counts: { yes: 1, no: 1 } })
  })
})

describe('exportBallots', () => {
  it('every member downloads the CSV of a counted secret poll: no voters, the digest matches', async () => {
    const v = pollVillage(backend, 'export', { n: 3 })
    const pollId = await openedPoll(backend, v, {
      kind: 'choice',
      question: '路灯装在哪里？',
      options: ['村口', '学校', '祠堂'],
      maxSelections: 2,
    })
    const choices = [['o1'], ['o3', 'o1'], ['o2']]
    for (const [i, c] of choices.entries()) await cast(v.voters[i].openid, pollId, c)
    backend.emulator.clock.set(CLOSES.getTime() + 20_000)
    await backend.call(v.committee.openid, 'polls', 'closePoll', { pollId })
    const poll = await pollDoc(pollId)
    expect(poll.result).toMatchObject({ counts: { o1: 2, o2: 1, o3: 1 }, present: 3 })
    const rows = [
      `${expectedBallotId(pollId, 'export-p1')},o1\n`,
      `${expectedBallotId(pollId, 'export-p2')},o1+o3\n`,
      `${expectedBallotId(pollId, 'export-p3')},o2\n`,
    ].sort()
    const digest = sha256(rows.join(''))
    expect(poll.result).toMatchObject({ digest })
    const file = `\uFEFFballot,choice\r\n${rows.map((r) => r.replace('\n', '\r\n')).join('')}`
    for (const who of [v.resident, v.voters[0], v.committee]) {
      const res = await backend.call(who.openid, 'polls', 'exportBallots', { pollId })
      expect(res).toEqual({
        ok: true,
        data: { fileName: `ballots-${pollId}.csv`, csv: file, digest },
      })
    }
    // npm run verify-tally: the export checks out against the published digest …
    expect(verifyTally(file, digest)).toMatchObject({ exitCode: MATCH })
    // … and one ballot edited in the file does not
    const edited = file.replace(',o2\r\n', ',o1\r\n')
    expect(edited).not.toBe(file)
    expect(verifyTally(edited, digest)).toMatchObject({ exitCode: MISMATCH })
    expect((await castOf(backend, pollId)).every((b) => b.personId === undefined)).toBe(true)
  })
})

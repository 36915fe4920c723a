/**
 * 送达 (point 12) through the emulator with the real SDK: a voter's first opening of the poll is
 * recorded once (later openings write nothing), paper and 代投 count as reached, and the committee
 * sees how many have been reached and who has not — names only, nothing about anyone's choice.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { openedPoll } from '../support/pollFixtures'
import { CLOSES, docOf, ok, paperVillage, pollsCaller } from '../support/paperFixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
})
afterAll(() => backend.close())
afterEach(() => backend.emulator.clock.set(TEST_NOW))

const call = pollsCaller(() => backend)

describe('reach (送达)', () => {
  it('records the first opening once, and reports who has not been reached', async () => {
    const v = paperVillage(backend, 'reach', { n: 5 })
    const pollId = await openedPoll(backend, v)
    const [p1, p2, p3, p4, p5] = v.persons
    expect(await call(v.committee.openid, 'reachReport', { pollId })).toEqual({
      ok: true,
      data: {
        electorateSize: 5,
        reached: 0,
        notReached: [
          { personId: p1._id, name: '选民1' },
          { personId: p2._id, name: '选民2' },
          { personId: p3._id, name: '选民3' },
          { personId: p4._id, name: '选民4' },
          { personId: p5._id, name: '选民5' },
        ],
      },
    })
    // p1 opens the poll: recorded, with the time
    await ok(call(v.voters[0].openid, 'getPoll', { pollId }))
    expect(await docOf(backend, COLLECTION.pollVoters, `${pollId}_${p1._id}`)).toMatchObject({
      reached: true,
      reachedAt: TEST_NOW,
      voted: false,
    })
    // opening again, later, writes nothing; nor does anyone outside the electorate opening it
    backend.emulator.clock.set(TEST_NOW.getTime() + 3_600_000)
    const before = await snapshot(backend)
    await ok(call(v.voters[0].openid, 'getPoll', { pollId }))
    for (const who of [v.committee, v.resident, v.moderator]) {
      await ok(call(who.openid, 'getPoll', { pollId }))
    }
    expect(await snapshot(backend)).toEqual(before)

    // p2 votes online, p3 on paper, p4 by 代投 with consent: reached in person or by phone
    await ok(call(v.voters[1].openid, 'castBallot', { pollId, choice: 'no' }))
    await ok(call(v.committee.openid, 'markPaperVoter', { pollId, personId: p3._id }))
    await ok(
      call(v.committee.openid, 'castProxyBallot', {
        pollId,
        personId: p4._id,
        choice: 'yes',
        consent: 'phone',
      }),
    )
    const report = await call(v.committee.openid, 'reachReport', { pollId })
    expect(report).toEqual({
      ok: true,
      data: { electorateSize: 5, reached: 4, notReached: [{ personId: p5._id, name: '选民5' }] },
    })
    // nothing about anyone's choice
    expect(JSON.stringify(report)).not.toMatch(/yes|no"|abstain|channel|proxy/)
  })

  it('is the committee’s; a draft has no electorate; after the close nothing more is recorded', async () => {
    const v = paperVillage(backend, 'reach2', { n: 2 })
    const { pollId: draftId } = await ok(
      call(v.committee.openid, 'draftPoll', {
        matterId: v.matterId,
        question: '草稿',
        kind: 'yesNo',
        options: [],
        body: 'consult',
      }),
    )
    const before = await snapshot(backend)
    expect(await call(v.committee.openid, 'reachReport', { pollId: draftId })).toEqual({
      ok: false,
      error: { code: 'POLL_NOT_OPEN', message: '这次表决还没有开始，还没有选民名单。' },
    })
    expect(await call(v.voters[0].openid, 'reachReport', { pollId: draftId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await snapshot(backend)).toEqual(before)

    const pollId = await openedPoll(backend, v)
    backend.emulator.clock.set(CLOSES.getTime() + 1000)
    const closed = await snapshot(backend)
    await ok(call(v.voters[0].openid, 'getPoll', { pollId }))
    expect(await snapshot(backend)).toEqual(closed)
  })
})

/**
 * 代投 (point 11) through the emulator with the real SDK: a member of the voter's household or a
 * committee member records it with the voter's consent; it is marked in the turnout list; the
 * voter sees it and changes it by casting (the last counts, the mark becomes online); at most the
 * village's proxyLimit voters per recorder and poll, also with 50 casts at once.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { castOf, expectedBallotId, openedPoll } from '../support/pollFixtures'
import { docOf, ok, paperVillage, pollsCaller } from '../support/paperFixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { snapshot } from '../support/snapshot'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend({ functionConcurrency: 10, functionQueueLimit: 400 })
})
afterAll(() => backend.close())
afterEach(() => backend.emulator.clock.set(TEST_NOW))

const call = pollsCaller(() => backend)

const NOT_HOUSEHOLD = '只有选民的家里人（本户、已关联名册的村民）或村委会成员可以代投。'

describe('castProxyBallot', () => {
  it('a household member records it; the voter sees it and changes it by casting', async () => {
    const v = paperVillage(backend, 'proxy', { n: 4 })
    const pollId = await openedPoll(backend, v)
    const [p1] = v.persons
    const [m1, m2] = v.voters // p1 and p2 live in household 1
    expect(
      await call(m2.openid, 'castProxyBallot', {
        pollId,
        personId: p1._id,
        choice: 'yes',
        consent: 'phone',
      }),
    ).toEqual({ ok: true, data: { remaining: 2 } })
    const turnout = await call(v.committee.openid, 'listVoters', { pollId })
    expect(turnout.ok && turnout.data.items[0]).toEqual({
      personId: p1._id,
      name: '选民1',
      voted: true,
      channel: 'proxy',
    })
    expect(await call(m1.openid, 'getPoll', { pollId })).toMatchObject({
      ok: true,
      data: {
        myChoice: 'yes',
        myChannel: 'proxy',
        proxy: { byName: '选民2', consent: 'phone' },
        can: ['castBallot'],
      },
    })
    // the recorder sees nothing of it on the poll
    const seen = await call(m2.openid, 'getPoll', { pollId })
    expect(seen.ok && seen.data.proxy).toBeUndefined()
    expect(seen).toMatchObject({ ok: true, data: { myChoice: null } })

    await ok(call(m1.openid, 'castBallot', { pollId, choice: 'no' }))
    const after = await call(m1.openid, 'getPoll', { pollId })
    expect(after).toMatchObject({ ok: true, data: { myChoice: 'no', myChannel: 'online' } })
    expect(after.ok && after.data.proxy).toBeUndefined()
    expect(await castOf(backend, pollId)).toEqual([
      { _id: expectedBallotId(pollId, p1._id), pollId, choice: 'no' },
    ])
    const voter = await docOf(backend, COLLECTION.pollVoters, `${pollId}_${p1._id}`)
    expect(voter).toMatchObject({ voted: true, channel: 'online' })
    expect(voter?.proxy).toBeUndefined()
    // the voter's own ballot is not overwritten by a 代投
    const before = await snapshot(backend)
    expect(
      await call(m2.openid, 'castProxyBallot', {
        pollId,
        personId: p1._id,
        choice: 'yes',
        consent: 'inPerson',
      }),
    ).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '选民1已经自己投票了，不能代投。' },
    })
    expect(await snapshot(backend)).toEqual(before)
    // the audit says who recorded it for whom and how, not what
    const audits = (await backend.all(COLLECTION.auditLogs)).filter(
      (a) => a.subjectId === pollId && a.action === 'castProxyBallot',
    )
    expect(audits).toEqual([
      expect.objectContaining({ actorId: m2._id, note: '为选民1代投（电话同意）' }),
    ])
  })

  it('refuses anyone outside the household, oneself, and a person ticked off on paper', async () => {
    const v = paperVillage(backend, 'proxyno', { n: 4 })
    const pollId = await openedPoll(backend, v)
    const [p1, , , p4] = v.persons
    await ok(call(v.committee.openid, 'markPaperVoter', { pollId, personId: p4._id }))
    const before = await snapshot(backend)
    const proxy = (openid: string, personId: string) =>
      call(openid, 'castProxyBallot', { pollId, personId, choice: 'yes', consent: 'inPerson' })
    // p3 lives in household 2; the resident and the moderator are on no household of the register
    for (const who of [v.voters[2], v.resident, v.moderator]) {
      expect(await proxy(who.openid, p1._id)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: NOT_HOUSEHOLD },
      })
    }
    // outside the electorate: a resident learns nothing, the committee hears NOT_ELIGIBLE
    expect(await proxy(v.voters[1].openid, 'nobody')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await proxy(v.committee.openid, 'nobody')).toMatchObject({
      ok: false,
      error: { code: 'NOT_ELIGIBLE' },
    })
    expect(await proxy(v.voters[0].openid, p1._id)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '给自己投票请直接投，不用代投。' },
    })
    expect(await proxy(v.committee.openid, p4._id)).toEqual({
      ok: false,
      error: { code: 'VOTED_ON_PAPER', message: '选民4已经在会上投了纸质票，不能再代投。' },
    })
    expect(
      await call(v.committee.openid, 'castProxyBallot', {
        pollId,
        personId: p1._id,
        choice: 'yes',
        consent: 'text message',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await snapshot(backend)).toEqual(before)
  })

  it('50 concurrent 代投 by one recorder: exactly proxyLimit (3) succeed, the rest PROXY_LIMIT', async () => {
    const v = paperVillage(backend, 'proxy50', { n: 50 })
    const pollId = await openedPoll(backend, v)
    // ten warm instances first, so that the casts below really run at the same moment
    await Promise.all(
      Array.from({ length: 10 }, () => call(v.resident.openid, 'getPoll', { pollId })),
    )
    const { tally } = await race(
      'castProxyBallot by one recorder',
      v.persons.map(
        (p) => () =>
          call(v.committee.openid, 'castProxyBallot', {
            pollId,
            personId: p._id,
            choice: 'yes',
            consent: 'phone',
          }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, 50)
    expect(tally.ok).toBe(3)
    expect((tally.PROXY_LIMIT ?? 0) + (tally.BUSY ?? 0)).toBe(47)
    expect(await castOf(backend, pollId)).toHaveLength(3)
    const proxied = (await backend.all(COLLECTION.pollVoters)).filter(
      (x) => x.pollId === pollId && x.channel === 'proxy',
    )
    expect(proxied).toHaveLength(3)
    const counter = await docOf(backend, COLLECTION.proxyCounters, `${pollId}_${v.committee._id}`)
    expect((counter?.personIds as string[]).sort()).toEqual(proxied.map((x) => x.personId).sort())
    // another committee member has places of their own
    expect(
      await call(v.committee2.openid, 'castProxyBallot', {
        pollId,
        personId: v.persons.find((p) => !proxied.some((x) => x.personId === p._id))!._id,
        choice: 'no',
        consent: 'inPerson',
      }),
    ).toEqual({ ok: true, data: { remaining: 2 } })
  })

  it('the village setting proxyLimit decides; a change for the same voter takes no new place', async () => {
    const v = paperVillage(backend, 'proxyone', { n: 4 })
    await backend.db
      .collection(COLLECTION.villages)
      .doc(v.id)
      .update({
        settings: {
          agendaSize: 10,
          responseDeadlineDays: 3,
          reportThreshold: 3,
          ratingWindowDays: 7,
          proxyLimit: 1,
        },
      })
    const pollId = await openedPoll(backend, v)
    const proxy = (personId: string, choice: string) =>
      call(v.committee.openid, 'castProxyBallot', { pollId, personId, choice, consent: 'phone' })
    expect(await proxy(v.persons[0]._id, 'yes')).toEqual({ ok: true, data: { remaining: 0 } })
    expect(await proxy(v.persons[0]._id, 'abstain')).toEqual({ ok: true, data: { remaining: 0 } })
    const before = await snapshot(backend)
    expect(await proxy(v.persons[1]._id, 'yes')).toEqual({
      ok: false,
      error: {
        code: 'PROXY_LIMIT',
        message: '每人在一次表决里最多代投 1 人，您已经代投了 1 人，请让其他家人或村委会成员代投。',
      },
    })
    expect(await snapshot(backend)).toEqual(before)
    expect((await castOf(backend, pollId)).map((b) => b.choice)).toEqual(['abstain'])
  })
})

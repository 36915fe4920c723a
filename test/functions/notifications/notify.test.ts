/**
 * 订阅消息 end to end through the functions: `notifications.subscribe` records what WeChat's dialog
 * allowed, and the events write the outbox — matterRaised and joinRequested to the subscribed
 * committee, matterAnswered to the subscribed raiser (in the answer's transaction), responseDue by
 * the scheduler's pass, pollResult when the poll is counted. At most one message per person per
 * event even with 50 identical calls at once; none to a person who did not subscribe; none after
 * they acted (the matter answered) or once their one-time subscription is used. Expected messages
 * are written out by hand.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { OutboxMessage, Subscription } from '../../../types/model/notification'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { insert, member, storedMatter } from '../support/fixtures'
import { openedPoll, pollVillage, type PollVillage } from '../support/pollFixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'
import { snapshot } from '../support/snapshot'

let backend: Backend
let v: PollVillage
let other: PollVillage
const PENDING = member('nt-pen', 'v-nt', ['resident'], { status: 'pending' })
const HOUR = 3600e3

beforeAll(async () => {
  backend = await startBackend()
  v = pollVillage(backend, 'nt', { n: 4 })
  other = pollVillage(backend, 'nb', { n: 2 })
  insert(backend, COLLECTION.members, [PENDING])
})
afterAll(() => backend.close())

const outbox = async () =>
  ((await backend.all(COLLECTION.outbox)) as unknown as OutboxMessage[]).sort((a, b) =>
    a._id.localeCompare(b._id),
  )
const subscription = async (id: string) =>
  ((await backend.all(COLLECTION.subscriptions)) as unknown as Subscription[]).find(
    (s) => s._id === id,
  )
const subscribe = (openid: string, topic: string, subjectId: string, templateIds = ['tmpl-1']) =>
  backend.call(openid, 'notifications', 'subscribe', { topic, subjectId, templateIds })
const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code)

describe('notifications.subscribe', () => {
  it('refuses what is not the caller’s to follow, and writes nothing', async () => {
    const mine = storedMatter('nt-sub-raised', {
      villageId: v.id,
      raisedBy: v.voters[0]._id,
    })
    insert(backend, COLLECTION.matters, [mine])
    const before = await snapshot(backend)
    const cases: Array<[string, string, string, string, string[]?]> = [
      // another member's matter: FORBIDDEN (same village); another village's: NOT_FOUND
      [v.voters[1].openid, 'matterAnswered', mine._id, 'FORBIDDEN'],
      [other.committee.openid, 'matterAnswered', mine._id, 'NOT_FOUND'],
      [v.voters[0].openid, 'matterAnswered', 'no-such-matter', 'NOT_FOUND'],
      // the committee's notices are for the committee
      [v.resident.openid, 'committee', 'village', 'FORBIDDEN'],
      [v.moderator.openid, 'committee', 'village', 'FORBIDDEN'],
      [v.voters[0].openid, 'pollResult', 'no-such-poll', 'NOT_FOUND'],
      [PENDING.openid, 'committee', 'village', 'UNAUTHENTICATED'],
      ['openid-nobody', 'pollResult', 'x', 'UNAUTHENTICATED'],
      [v.voters[0].openid, 'matterAnswered', mine._id, 'INVALID_INPUT', []],
      [v.voters[0].openid, 'somethingElse', mine._id, 'INVALID_INPUT'],
    ]
    for (const [openid, topic, subjectId, expected, templateIds] of cases) {
      const res = await subscribe(openid, topic, subjectId, templateIds)
      expect({ openid, topic, code: code(res) }).toEqual({ openid, topic, code: expected })
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('the raiser on their raised matter: one record, even for 50 identical calls at once', async () => {
    const raiser = v.voters[0]
    const { results, tally } = await race(
      'subscribe ×50',
      Array.from(
        { length: 50 },
        () => () => subscribe(raiser.openid, 'matterAnswered', 'nt-sub-raised'),
      ),
    )
    expectNoCrashAndLittleBusy(tally, 50)
    expect(results.filter((r) => r.ok).every((r) => r.ok && r.data.subscribed)).toBe(true)
    const subs = (await backend.all(COLLECTION.subscriptions)).filter(
      (s) => s.subjectId === 'nt-sub-raised',
    )
    expect(subs).toEqual([
      {
        _id: `matterAnswered_nt-sub-raised_${raiser._id}`,
        villageId: v.id,
        memberId: raiser._id,
        topic: 'matterAnswered',
        subjectId: 'nt-sub-raised',
        templateIds: ['tmpl-1'],
        createdAt: TEST_NOW,
      },
    ])
  })

  it('nothing left to tell: an answered matter answers subscribed: false and writes nothing', async () => {
    insert(backend, COLLECTION.matters, [
      storedMatter('nt-sub-accepted', {
        villageId: v.id,
        status: 'accepted',
        raisedBy: v.voters[0]._id,
      }),
    ])
    const before = await snapshot(backend)
    expect(await subscribe(v.voters[0].openid, 'matterAnswered', 'nt-sub-accepted')).toEqual({
      ok: true,
      data: { subscribed: false },
    })
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('the committee: matterRaised and joinRequested', () => {
  it('a raised matter: one message to each subscribed committee member, none to others; the subscription is used up', async () => {
    // the committee member subscribes (50 times at once); the moderator does not
    const { tally } = await race(
      'committee subscribe ×50',
      Array.from(
        { length: 50 },
        () => () => subscribe(v.committee.openid, 'committee', 'anything'),
      ),
    )
    expectNoCrashAndLittleBusy(tally, 50)
    const raised = await backend.call(v.voters[1].openid, 'matters', 'raiseMatter', {
      title: '村口路灯坏了',
      body: '晚上看不见路。',
      photos: [],
    })
    if (!raised.ok) throw new Error(raised.error.message)
    const id = raised.data.matterId
    const messages = (await outbox()).filter((m) => m.event === 'matterRaised')
    expect(messages).toEqual([
      {
        _id: `matterRaised_${id}_${v.committee._id}`,
        villageId: v.id,
        memberId: v.committee._id,
        event: 'matterRaised',
        subjectId: id,
        page: `packages/committee/pages/matter/index?id=${id}`,
        data: {
          thing1: '村口路灯坏了',
          name2: '选民2',
          time3: '2026年11月21日 09:00',
          thing4: '村民提了一件事，请按时答复',
        },
        createdAt: TEST_NOW,
        status: 'queued',
      },
    ])
    expect((await subscription(`committee_village_${v.committee._id}`))?.usedAt).toEqual(TEST_NOW)
    // used up: the next matter raised sends nothing until they subscribe again
    await backend.call(v.voters[2].openid, 'matters', 'raiseMatter', {
      title: '垃圾桶不够用',
      body: '每天都满。',
      photos: [],
    })
    expect((await outbox()).filter((m) => m.event === 'matterRaised')).toHaveLength(1)
  })

  it('a join request: one message to the subscribed committee member', async () => {
    await subscribe(v.committee.openid, 'committee', 'village')
    const res = await backend.call('openid-nt-newcomer', 'village', 'requestJoin', {
      villageId: v.id,
      name: '钱多多',
      householdNo: '001',
      phone: '',
    })
    if (!res.ok) throw new Error(res.error.message)
    const messages = (await outbox()).filter((m) => m.event === 'joinRequested')
    expect(messages.map((m) => [m._id, m.memberId, m.page, m.data])).toEqual([
      [
        `joinRequested_${res.data.memberId}-${TEST_NOW.getTime()}_${v.committee._id}`,
        v.committee._id,
        'packages/committee/pages/members/index',
        {
          name1: '钱多多',
          thing2: 'nt',
          time3: '2026年11月21日 09:00',
          thing4: '有人申请加入本村，请审核',
        },
      ],
    ])
  })
})

describe('matterAnswered: the raiser who subscribed', () => {
  it('accepted onto a talk day: one message, in words', async () => {
    const res = await backend.call(v.committee.openid, 'matters', 'acceptMatter', {
      matterId: 'nt-sub-raised',
      urgent: false,
      category: 'roadsUtilities',
    })
    expect(res).toEqual({ ok: true, data: { talkDay: '2026-11-24' } })
    const messages = (await outbox()).filter((m) => m.event === 'matterAnswered')
    expect(messages.map((m) => [m._id, m.page, m.data])).toEqual([
      [
        `matterAnswered_nt-sub-raised_${v.voters[0]._id}`,
        'packages/matters/pages/detail/index?id=nt-sub-raised',
        {
          thing1: '事项nt-sub-raised',
          phrase2: '已受理',
          thing3: '排在11月24日（星期二）说事',
          time4: '2026年11月21日 09:00',
        },
      ],
    ])
  })

  it('50 identical declines at once: one answer, one message; a raiser who did not subscribe gets none', async () => {
    insert(backend, COLLECTION.matters, [
      storedMatter('nt-dec', { villageId: v.id, raisedBy: v.voters[2]._id, title: '想申请低保' }),
      storedMatter('nt-dec-quiet', { villageId: v.id, raisedBy: v.voters[3]._id }),
    ])
    await subscribe(v.voters[2].openid, 'matterAnswered', 'nt-dec')
    const { tally } = await race(
      'decline ×50',
      Array.from(
        { length: 50 },
        () => () =>
          backend.call(v.committee.openid, 'matters', 'declineMatter', {
            matterId: 'nt-dec',
            reason: '低保由镇民政办审批',
          }),
      ),
    )
    expect(tally.ok).toBe(1)
    expectNoCrashAndLittleBusy(tally, 50)
    await backend.call(v.committee.openid, 'matters', 'declineMatter', {
      matterId: 'nt-dec-quiet',
      reason: '不归村里管',
    })
    const messages = (await outbox()).filter(
      (m) => m.event === 'matterAnswered' && m.subjectId !== 'nt-sub-raised',
    )
    expect(messages.map((m) => [m._id, m.data.phrase2, m.data.thing3])).toEqual([
      [`matterAnswered_nt-dec_${v.voters[2]._id}`, '不予受理', '理由：低保由镇民政办审批'],
    ])
  })
})

describe('responseDue: the scheduler’s pass', () => {
  const invokeScheduler = () => backend.emulator.invoke('scheduler', {}, '') as Promise<never>

  it('within 24 hours of the deadline: once per committee member, however many passes run at once', async () => {
    insert(backend, COLLECTION.matters, [
      // due in 10 hours: reminded; due in 30 hours: not yet
      storedMatter('nt-due', {
        villageId: v.id,
        raisedBy: v.voters[1]._id,
        title: '垃圾桶不够用',
        raisedAt: new Date(TEST_NOW.getTime() - 62 * HOUR),
        respondBy: new Date(TEST_NOW.getTime() + 10 * HOUR),
      }),
      storedMatter('nt-later', {
        villageId: v.id,
        raisedBy: v.voters[1]._id,
        respondBy: new Date(TEST_NOW.getTime() + 30 * HOUR),
      }),
    ])
    await subscribe(v.committee.openid, 'committee', 'village')
    const { tally } = await race(
      'scheduler ×50',
      Array.from({ length: 50 }, () => invokeScheduler),
    )
    expect(tally.ok).toBe(50)
    const messages = (await outbox()).filter(
      (m) => m.event === 'responseDue' && m.villageId === v.id,
    )
    expect(messages.map((m) => [m._id, m.page, m.data])).toEqual([
      [
        `responseDue_nt-due_${v.committee._id}`,
        'packages/committee/pages/matter/index?id=nt-due',
        {
          thing1: '垃圾桶不够用',
          time2: '2026年11月21日 19:00',
          thing3: '还剩 10 小时，请尽快答复',
        },
      ],
    ])
    // The message's transaction wrote the matter (a counter, not the same value again, which
    // MongoDB would skip), so an answer committed meanwhile conflicts with it.
    const matters = (await backend.all(COLLECTION.matters)) as Array<{
      _id: string
      writeSeq?: number
    }>
    expect(matters.find((m) => m._id === 'nt-due')?.writeSeq).toBeGreaterThanOrEqual(1)
    expect(matters.find((m) => m._id === 'nt-later')?.writeSeq).toBeUndefined()
  })

  it('a subscription stored by 0.2.0 (before staff could subscribe) still gets its message', async () => {
    // written out as 0.2.0 stored it: no staffId, no districtId, the member's village
    insert(backend, COLLECTION.subscriptions, [
      {
        _id: `committee_village_${other.committee._id}`,
        villageId: other.id,
        memberId: other.committee._id,
        topic: 'committee',
        subjectId: 'village',
        templateIds: ['tmpl-1'],
        createdAt: new Date('2026-11-01T00:00:00Z'),
      },
    ])
    insert(backend, COLLECTION.matters, [
      storedMatter('nt-old-due', {
        villageId: other.id,
        raisedBy: other.voters[0]._id,
        title: '老路灯不亮',
        raisedAt: new Date(TEST_NOW.getTime() - 60 * HOUR),
        respondBy: new Date(TEST_NOW.getTime() + 12 * HOUR),
      }),
    ])
    await invokeScheduler()
    const sent = (await outbox()).filter((m) => m.subjectId === 'nt-old-due')
    expect(sent.map((m) => [m._id, m.villageId, m.memberId, m.staffId, m.status])).toEqual([
      [
        `responseDue_nt-old-due_${other.committee._id}`,
        other.id,
        other.committee._id,
        undefined,
        'queued',
      ],
    ])
    expect((await subscription(`committee_village_${other.committee._id}`))?.usedAt).toEqual(
      TEST_NOW,
    )
  })

  it('never once the matter is answered', async () => {
    insert(backend, COLLECTION.matters, [
      storedMatter('nt-answered', {
        villageId: v.id,
        raisedBy: v.voters[1]._id,
        respondBy: new Date(TEST_NOW.getTime() + 5 * HOUR),
      }),
    ])
    await subscribe(v.committee.openid, 'committee', 'village')
    const accepted = await backend.call(v.committee.openid, 'matters', 'acceptMatter', {
      matterId: 'nt-answered',
      urgent: true,
      category: 'environment',
    })
    expect(accepted.ok).toBe(true)
    await invokeScheduler()
    expect((await outbox()).filter((m) => m.subjectId === 'nt-answered')).toEqual([])
    // the committee's subscription is still there for the next event
    expect((await subscription(`committee_village_${v.committee._id}`))?.usedAt).toBeUndefined()
  })
})

describe('pollResult: those who asked on the poll', () => {
  it('when counted: one message to each who subscribed (50 calls at once by one), none to the others', async () => {
    const pollId = await openedPoll(backend, other)
    const { tally } = await race(
      'poll subscribe ×50',
      Array.from(
        { length: 50 },
        () => () => subscribe(other.voters[0].openid, 'pollResult', pollId),
      ),
    )
    expectNoCrashAndLittleBusy(tally, 50)
    expect(code(await subscribe(other.resident.openid, 'pollResult', pollId))).toBe('ok')
    // a member of another village may not follow it
    expect(code(await subscribe(v.voters[0].openid, 'pollResult', pollId))).toBe('NOT_FOUND')
    // consult, opened at the test clock: closes 2026-11-24 21:00, counted 20 s later
    backend.emulator.clock.set(new Date('2026-11-24T21:00:25+08:00'))
    await backend.emulator.clock.advance(10_000)
    const messages = (await outbox()).filter((m) => m.event === 'pollResult')
    expect(messages.map((m) => [m._id, m.memberId, m.page, m.data])).toEqual(
      [other.resident._id, other.voters[0]._id].sort().map((memberId) => [
        `pollResult_${pollId}_${memberId}`,
        memberId,
        `packages/notice/pages/index/index?pollId=${pollId}`,
        {
          thing1: '是否同意硬化村东道路？',
          phrase2: '征询结果',
          thing3: '结果出来了，点开看详情',
          time4: '2026年11月24日 21:00',
        },
      ]),
    )
    // counted: nothing more to follow
    expect(await subscribe(other.voters[1].openid, 'pollResult', pollId)).toEqual({
      ok: true,
      data: { subscribed: false },
    })
  })
})

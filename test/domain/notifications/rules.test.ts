/** The pure rules of subscription messages (domain/notifications/rules.ts), expected by hand. */
import {
  eventStillDue,
  matterAnsweredMessage,
  outboxId,
  raiserToTell,
  recipients,
  responseDueMessage,
  responseDueNow,
  subscriptionFor,
  subscriptionId,
  thing,
  timeWords,
} from '../../../domain/notifications/rules'
import type { Subscription } from '../../../types/model/notification'

const NOW = new Date('2026-11-21T09:00:00+08:00')
const H = 3600e3
const sub = (
  over: Partial<Subscription> & Pick<Subscription, 'topic' | 'subjectId' | 'memberId'>,
) => ({
  _id: subscriptionId(over.topic, over.subjectId, over.memberId),
  ...over,
})

describe('ids', () => {
  it('one subscription per person, topic and subject; one message per person and event', () => {
    expect(subscriptionId('matterAnswered', 'm1', 'a')).toBe('matterAnswered_m1_a')
    expect(subscriptionId('committee', 'whatever', 'a')).toBe('committee_village_a')
    expect(subscriptionFor('responseDue', 'm1', 'a')).toBe('committee_village_a')
    expect(subscriptionFor('pollResult', 'p1', 'a')).toBe('pollResult_p1_a')
    expect(outboxId('responseDue', 'm1', 'a')).toBe('responseDue_m1_a')
  })
})

describe('recipients', () => {
  const subs = [
    sub({ topic: 'committee', subjectId: 'village', memberId: 'c1' }),
    sub({ topic: 'committee', subjectId: 'village', memberId: 'c2', usedAt: NOW }),
    sub({ topic: 'committee', subjectId: 'village', memberId: 'c3' }),
    sub({ topic: 'pollResult', subjectId: 'p1', memberId: 'r1' }),
    sub({ topic: 'pollResult', subjectId: 'p2', memberId: 'r2' }),
  ]
  it('the committee’s unused subscriptions, never the one who acted', () => {
    expect(
      recipients({ event: 'matterRaised', subjectId: 'm1', actorId: 'c3', now: NOW }, subs),
    ).toEqual(['c1'])
    expect(recipients({ event: 'joinRequested', subjectId: 'x', now: NOW }, subs)).toEqual([
      'c1',
      'c3',
    ])
  })
  it('a poll’s own subscribers only', () => {
    expect(recipients({ event: 'pollResult', subjectId: 'p1', now: NOW }, subs)).toEqual(['r1'])
  })
  it('responseDue: only while the matter waits and is within 24 hours of its deadline', () => {
    const due = { status: 'raised' as const, respondBy: new Date(NOW.getTime() + 23.5 * H) }
    expect(
      recipients({ event: 'responseDue', subjectId: 'm1', matter: due, now: NOW }, subs),
    ).toEqual(['c1', 'c3'])
    const answered = { ...due, status: 'accepted' as const }
    expect(
      recipients({ event: 'responseDue', subjectId: 'm1', matter: answered, now: NOW }, subs),
    ).toEqual([])
    const later = { status: 'raised' as const, respondBy: new Date(NOW.getTime() + 24 * H) }
    expect(responseDueNow(later, NOW)).toBe(false)
    expect(eventStillDue({ event: 'responseDue', subjectId: 'm1', now: NOW })).toBe(false)
  })
  it('matterAnswered: the raiser, unless the committee opened it or the raiser answered it', () => {
    expect(raiserToTell({ raisedBy: 'r', origin: 'resident' }, 'c')).toBe('r')
    expect(raiserToTell({ raisedBy: 'c', origin: 'resident' }, 'c')).toBeUndefined()
    expect(raiserToTell({ raisedBy: 'c', origin: 'committee' }, 'd')).toBeUndefined()
  })
})

describe('words', () => {
  it('a thing field holds 20 characters at most', () => {
    expect(thing('村口路灯坏了')).toBe('村口路灯坏了')
    expect(thing('一二三四五六七八九十一二三四五六七八九十')).toHaveLength(20)
    expect(thing('一二三四五六七八九十一二三四五六七八九十多')).toBe(
      '一二三四五六七八九十一二三四五六七八九…',
    )
  })
  it('times in Shanghai', () => {
    expect(timeWords(new Date('2026-11-21T16:30:00Z'))).toBe('2026年11月22日 00:30')
  })
  it('answers in plain words', () => {
    const m = { id: 'm1', title: '村口路灯坏了' }
    expect(matterAnsweredMessage(m, { kind: 'accepted', urgent: true }, NOW).data).toEqual({
      thing1: '村口路灯坏了',
      phrase2: '已受理',
      thing3: '村委会马上办理',
      time4: '2026年11月21日 09:00',
    })
    expect(matterAnsweredMessage(m, { kind: 'merged', intoTitle: '路灯' }, NOW).data.thing3).toBe(
      '并到：路灯',
    )
    expect(
      responseDueMessage({ id: 'm1', title: '垃圾桶', respondBy: new Date(NOW.getTime() - 1) }, NOW)
        .data.thing3,
    ).toBe('已经超过答复期限，请尽快答复')
  })
})

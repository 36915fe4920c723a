/**
 * 订阅消息 from the two places it is asked (src/services/subscribe.ts): after a matter is raised,
 * 「村委会答复时通知我」; on the vote card, 「结果出来时通知我」. In H5 there is no WeChat dialog, so a
 * tap counts as accepted and `notifications.subscribe` is called with the local template ids.
 * `fetch` is the boundary.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import RaiseMatter from '../../../src/packages/matters/pages/raise'
import VoteCard from '../../../src/components/VoteCard'
import { subscribeTo, TEMPLATE_IDS } from '../../../src/services/subscribe'
import { fakeTaro } from '../pages/fakes'
import { poll } from '../packages/matters/detail/fixtures'
import { fakeBackend, ok, refused, type FakeBackend } from '../packages/matters/detail/backend'

configure({ asyncUtilTimeout: 5000 })

let backend: FakeBackend

beforeEach(() => {
  fakeTaro()
  backend = fakeBackend()
})

const subscribes = () => backend.calls.filter((c) => c.fn === 'notifications')

describe('subscribeTo', () => {
  it('H5: counts as accepted and tells the back end, with the topic’s templates', async () => {
    backend.answers['notifications.subscribe'] = ok({ subscribed: true })
    expect(await subscribeTo('committee', 'village')).toBe('subscribed')
    expect(subscribes()).toEqual([
      {
        fn: 'notifications',
        action: 'subscribe',
        payload: {
          topic: 'committee',
          subjectId: 'village',
          templateIds: ['local-matterRaised', 'local-joinRequested', 'local-responseDue'],
        },
      },
    ])
    expect(TEMPLATE_IDS.pollResult).toEqual(['local-pollResult'])
  })

  it('nothing left to tell, or a refusal, says so', async () => {
    backend.answers['notifications.subscribe'] = [
      ok({ subscribed: false }),
      refused('NOT_FOUND', '找不到这件事，可能已被删除。'),
    ]
    expect(await subscribeTo('matterAnswered', 'm1')).toBe('nothing')
    expect(await subscribeTo('matterAnswered', 'm1')).toBe('failed')
  })
})

describe('after raising a matter', () => {
  it('「村委会答复时通知我」 subscribes on the matter just raised', async () => {
    backend.answers['village.getMe'] = ok({ member: null, village: null })
    backend.answers['matters.raiseMatter'] = ok({ matterId: 'm-new' })
    backend.answers['notifications.subscribe'] = ok({ subscribed: true })
    render(<RaiseMatter />)
    const type = (id: string, value: string) =>
      fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })
    type('raise-title', '村口路灯坏了')
    type('raise-body', '晚上看不见路。')
    fireEvent.click(screen.getByText('提交'))
    fireEvent.click(await screen.findByText('村委会答复时通知我'))
    expect(await screen.findByText('好的，到时会给您发微信通知。')).toBeTruthy()
    expect(subscribes().map((c) => c.payload)).toEqual([
      { topic: 'matterAnswered', subjectId: 'm-new', templateIds: ['local-matterAnswered'] },
    ])
    // the way to 我的 stays
    expect(screen.getByText('去“我的”看进展')).toBeTruthy()
  })
})

describe('on the vote card', () => {
  it('「结果出来时通知我」 while the poll is open subscribes on the poll', async () => {
    backend.answers['polls.getPoll'] = ok(poll())
    backend.answers['notifications.subscribe'] = ok({ subscribed: true })
    render(
      <VoteCard
        summary={{
          id: 'p1',
          question: '同意用村集体资金 2000 元修路灯吗？',
          body: 'assembly',
          secret: true,
          phase: 'open',
          closesAt: '2026-12-04T13:00:00.000Z',
        }}
      />,
    )
    fireEvent.click(await screen.findByText('结果出来时通知我'))
    await waitFor(() => expect(document.getElementById('vote-notify-done')).toBeTruthy())
    expect(subscribes().map((c) => c.payload)).toEqual([
      { topic: 'pollResult', subjectId: 'p1', templateIds: ['local-pollResult'] },
    ])
  })

  it('not once the result is out', async () => {
    backend.answers['polls.getPoll'] = ok(
      poll({
        status: 'closed',
        phase: 'closed',
        can: [],
        result: {
          counts: { yes: 3, no: 1, abstain: 0 },
          spoiled: 0,
          present: 4,
          turnout: 4,
          electorate: { size: 4, adults: 4, households: 2, representatives: 0 },
          valid: true,
          passed: true,
          decides: true,
          ruleVersion: 'x',
          sentence: '通过',
          digest: 'abc',
          ballots: 4,
          unconfirmedPaper: 0,
          countedAt: '2026-12-04T13:00:30.000Z',
        } as never,
      }),
    )
    render(
      <VoteCard
        summary={{
          id: 'p1',
          question: 'q',
          body: 'assembly',
          secret: true,
          phase: 'closed',
          closesAt: '2026-12-04T13:00:00.000Z',
        }}
      />,
    )
    expect(await screen.findByText('通过')).toBeTruthy()
    expect(screen.queryByText('结果出来时通知我')).toBeNull()
  })
})

/**
 * The vote card: what a voter sees and may tap comes from getPoll (`can`, `eligible`, `myChannel`,
 * `proxy`); the result only after the count. `fetch` is the boundary.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import VoteCard from '../../../src/components/VoteCard'
import type { PollSummary, PollView } from '../../../types/api/polls'
import { fixShanghaiClock } from '../../support/clock'
import { poll } from '../packages/matters/detail/fixtures'
import {
  fakeBackend,
  NETWORK_DOWN,
  ok,
  refused,
  type FakeBackend,
} from '../packages/matters/detail/backend'

// The shared machine is slow at times: wait up to 5 s for what should appear.
configure({ asyncUtilTimeout: 5000 })

const T = Taro as unknown as Record<string, unknown>
let backend: FakeBackend

const summary = (over: Partial<PollSummary> = {}): PollSummary => ({
  id: 'p1',
  question: '同意用村集体资金 2000 元修路灯吗？',
  body: 'assembly',
  secret: true,
  phase: 'open',
  closesAt: '2026-12-04T13:00:00.000Z',
  ...over,
})

const show = async (view: PollView, over: Partial<PollSummary> = {}) => {
  backend.answers['polls.getPoll'] = ok(view)
  render(<VoteCard summary={summary(over)} />)
  await waitFor(() => expect(screen.queryByText('正在加载表决…')).toBeNull())
}

const id = (x: string) => document.getElementById(x)

beforeEach(() => {
  fixShanghaiClock('2026-11-26T10:00:00')
  backend = fakeBackend()
  T.showToast = jest.fn(async () => undefined)
})
afterEach(() => jest.useRealTimers())

describe('VoteCard while the poll is open', () => {
  it('shows the question, the secrecy line, the closing time in Beijing time and the turnout', async () => {
    await show(poll())
    expect(id('vote-question')?.textContent).toBe('同意用村集体资金 2000 元修路灯吗？')
    expect(id('vote-secret')?.textContent).toBe(
      '无记名投票：谁投了什么，任何人都看不到，村委会也看不到。',
    )
    expect(screen.getByText('截止时间：12月4日 21:00（北京时间）')).toBeTruthy()
    expect(screen.getByText('已有 37 人投票（名单上共 120 人）')).toBeTruthy()
    expect(screen.getByText('赞成')).toBeTruthy()
    expect(screen.getByText('反对')).toBeTruthy()
    expect(screen.getByText('弃权')).toBeTruthy()
  })

  it('an open (named) poll has no secrecy line', async () => {
    await show(poll({ secret: false }), { secret: false })
    expect(id('vote-secret')).toBeNull()
  })

  it('without castBallot in poll.can there are no vote buttons', async () => {
    await show(poll({ can: [] }))
    expect(id('vote-yes')).toBeNull()
    expect(id('vote-no')).toBeNull()
    expect(id('vote-abstain')).toBeNull()
    expect(id('vote-confirm')).toBeNull()
  })

  it('a choice is confirmed naming it, cast once, and then shows 已投票 with the own choice', async () => {
    backend.answers['polls.castBallot'] = ok({ ok: true })
    backend.answers['polls.getPoll'] = [
      ok(poll()),
      ok(poll({ myChoice: 'no', myChannel: 'online' })),
    ]
    render(<VoteCard summary={summary()} />)
    fireEvent.click(await screen.findByText('反对'))
    // Nothing is sent by the first tap: the card asks, naming the choice.
    expect(backend.calls.map((c) => c.action)).toEqual(['getPoll'])
    expect(screen.getByText('您选的是：反对。确定投这一票吗？')).toBeTruthy()
    fireEvent.click(id('vote-confirm') as HTMLElement)
    expect(await screen.findByText('已投票，截止前可以修改')).toBeTruthy()
    expect(id('vote-mine')?.textContent).toBe('您投的是：反对')
    expect(backend.calls.map((c) => [c.action, c.payload])).toEqual([
      ['getPoll', { pollId: 'p1' }],
      ['castBallot', { pollId: 'p1', choice: 'no' }],
      ['getPoll', { pollId: 'p1' }],
    ])
    // 可以修改: the choices come back on 修改我的选择.
    expect(id('vote-yes')).toBeNull()
    fireEvent.click(screen.getByText('修改我的选择'))
    expect(id('vote-yes')).not.toBeNull()
  })

  it('a refused ballot shows the function’s words and keeps the choice to try again', async () => {
    backend.answers['polls.castBallot'] = refused('POLL_CLOSED', '投票已经截止了。')
    await show(poll())
    fireEvent.click(screen.getByText('赞成'))
    fireEvent.click(id('vote-confirm') as HTMLElement)
    expect(await screen.findByText('投票已经截止了。')).toBeTruthy()
    expect(screen.getByText('您选的是：赞成。确定投这一票吗？')).toBeTruthy()
  })

  it('a choice poll takes up to maxSelections options and sends their ids in order', async () => {
    backend.answers['polls.castBallot'] = ok({ ok: true })
    const choice = poll({
      kind: 'choice',
      maxSelections: 2,
      options: [
        { id: 'o1', label: '修路' },
        { id: 'o2', label: '建广场' },
        { id: 'o3', label: '装路灯' },
      ],
    })
    await show(choice)
    expect(screen.getByText('请选择，最多选 2 项（已选 0 项）')).toBeTruthy()
    fireEvent.click(id('vote-option-o3') as HTMLElement)
    fireEvent.click(id('vote-option-o1') as HTMLElement)
    fireEvent.click(id('vote-option-o2') as HTMLElement) // a third: not taken
    expect(screen.getByText('请选择，最多选 2 项（已选 2 项）')).toBeTruthy()
    expect(screen.getByText('您选的是：修路、装路灯。确定投这一票吗？')).toBeTruthy()
    fireEvent.click(id('vote-confirm') as HTMLElement)
    await waitFor(() =>
      expect(backend.calls[1]).toEqual({
        fn: 'polls',
        action: 'castBallot',
        payload: { pollId: 'p1', choice: ['o1', 'o3'] },
      }),
    )
  })

  it('paper at the meeting: 已现场投票, no buttons', async () => {
    await show(poll({ myChannel: 'paper', can: [] }))
    expect(screen.getByText('已现场投票')).toBeTruthy()
    expect(id('vote-yes')).toBeNull()
  })

  it('代投: says who recorded it and how the voter agreed, and lets the voter cast themselves', async () => {
    await show(
      poll({ myChannel: 'proxy', myChoice: 'yes', proxy: { byName: '王芳', consent: 'phone' } }),
    )
    expect(screen.getByText('由 王芳 代投（电话同意）')).toBeTruthy()
    expect(screen.getByText('代投的选择：赞成')).toBeTruthy()
    fireEvent.click(screen.getByText('我自己来投'))
    expect(id('vote-yes')).not.toBeNull()
  })

  it('not eligible: a plain sentence of why and what to do, no buttons', async () => {
    await show(poll({ eligible: false, can: [] }))
    expect(id('vote-not-eligible')?.textContent).toContain('请在说事日到会上投纸质票')
    expect(id('vote-yes')).toBeNull()
  })

  it('after the closing time and before the count: 正在计票', async () => {
    await show(poll({ phase: 'counting', can: [], myChoice: 'abstain' }), { phase: 'counting' })
    expect(
      screen.getByText('投票已经截止（12月4日 21:00（北京时间）），正在计票，结果会在这里公布。'),
    ).toBeTruthy()
    expect(screen.getByText('您投的是：弃权')).toBeTruthy()
    expect(id('vote-result')).toBeNull()
  })
})

describe('VoteCard loading and errors', () => {
  it('a lost network offers 再试一次, which asks again', async () => {
    backend.answers['polls.getPoll'] = [NETWORK_DOWN, ok(poll())]
    render(<VoteCard summary={summary()} />)
    expect(screen.getByText('正在加载表决…')).toBeTruthy()
    fireEvent.click(await screen.findByText('再试一次'))
    expect(await screen.findByText('截止时间：12月4日 21:00（北京时间）')).toBeTruthy()
    expect(backend.calls.map((c) => c.action)).toEqual(['getPoll', 'getPoll'])
  })

  it('a refusal that asking again would not change has no 再试一次', async () => {
    backend.answers['polls.getPoll'] = refused('NOT_FOUND', '没有找到这个表决。')
    render(<VoteCard summary={summary()} />)
    expect(await screen.findByText('没有找到这个表决。')).toBeTruthy()
    expect(screen.queryByText('再试一次')).toBeNull()
    expect(id('vote-yes')).toBeNull()
  })
})

describe('VoteCard after the count', () => {
  const counted = (over: Partial<PollView> = {}) =>
    poll({
      status: 'closed',
      phase: 'closed',
      can: ['exportBallots'],
      myChoice: 'yes',
      result: {
        counts: { yes: 60, no: 25, abstain: 10 },
        spoiled: 5,
        present: 100,
        turnout: 100,
        electorate: { size: 150, adults: 150, households: 50, representatives: 20 },
        valid: true,
        passed: true,
        decides: true,
        ruleVersion: '村委会组织法-2018',
        sentence:
          '到会 100 人，超过成年村民的一半，会议有效；赞成 60 票，超过到会人数的一半，决议通过。',
        digest: 'ab12cd34',
        ballots: 100,
        unconfirmedPaper: 0,
        countedAt: '2026-12-04T13:01:00.000Z',
      },
      ...over,
    })

  it('shows the sentence, the bars with their words and numbers, the turnout and the digest', async () => {
    await show(counted(), { phase: 'closed' })
    expect(id('vote-sentence')?.textContent).toBe(
      '到会 100 人，超过成年村民的一半，会议有效；赞成 60 票，超过到会人数的一半，决议通过。',
    )
    const bars = Array.from(document.querySelectorAll('.result-bar')).map((b) =>
      Array.from(b.querySelectorAll('span'))
        .map((s) => s.textContent)
        .join(' '),
    )
    expect(bars).toEqual([
      '赞成 60 票（60%）',
      '反对 25 票（25%）',
      '弃权 10 票（10%）',
      '废票 5 票（5%）',
    ])
    expect(screen.getByText('投票 100 人，名单上共 150 人')).toBeTruthy()
    expect(screen.getByText('核对码：ab12cd34')).toBeTruthy()
    expect(screen.getByText('您投的是：赞成')).toBeTruthy()
    expect(id('vote-yes')).toBeNull()
  })

  it('downloads the ballots in H5 as a file named by the export', async () => {
    backend.answers['polls.exportBallots'] = ok({
      fileName: 'ballots-p1.csv',
      csv: 'ballot,choice\nb1,yes\n',
      digest: 'ab12cd34',
    })
    const created: Blob[] = []
    URL.createObjectURL = jest.fn((b: Blob) => (created.push(b), 'blob:1'))
    URL.revokeObjectURL = jest.fn()
    const clicked: string[] = []
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download)
    })
    await show(counted(), { phase: 'closed' })
    fireEvent.click(id('vote-download') as HTMLElement)
    expect(await screen.findByText('选票文件已下载：ballots-p1.csv')).toBeTruthy()
    expect(clicked).toEqual(['ballots-p1.csv'])
    const saved = await new Promise<unknown>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(reader.result)
      reader.readAsText(created[0])
    })
    expect(saved).toBe('ballot,choice\nb1,yes\n')
    expect(created[0].type).toBe('text/csv;charset=utf-8')
  })

  it('without exportBallots in poll.can there is no download button', async () => {
    await show(counted({ can: [] }), { phase: 'closed' })
    expect(id('vote-download')).toBeNull()
  })
})

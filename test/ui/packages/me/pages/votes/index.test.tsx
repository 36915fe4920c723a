import { fireEvent, render, screen } from '@testing-library/react'
import Votes from '../../../../../../src/packages/me/pages/votes'
import { setLargeText } from '../../../../../../src/services/largeText'
import type { MyVoteItem } from '../../../../../../types/api/polls'
import {
  capturePageShows,
  fakeTaro,
  ok,
  refuse,
  serve,
  textOf,
  type Call,
  type TaroFakes,
} from '../../../../pages/fakes'

let calls: Call[]
let taro: TaroFakes
let answer: (p: { cursor?: string }) => unknown

const vote = (id: string, more: Partial<MyVoteItem>): MyVoteItem => ({
  id,
  question: '同意修村口的路吗？',
  body: 'assembly',
  secret: true,
  phase: 'open',
  // 10:00 in Shanghai on 30 November.
  closesAt: '2026-11-30T02:00:00.000Z',
  matterId: 'm1',
  matterTitle: '村口的路坑坑洼洼',
  options: [],
  voted: false,
  myChoice: null,
  ...more,
})

afterEach(() => jest.restoreAllMocks())

beforeEach(() => {
  taro = fakeTaro()
  answer = () => ok({ items: [vote('p1', {})] })
  calls = serve({ listMyVotes: (p: never) => answer(p) })
})

describe('我的投票 (my votes)', () => {
  it('an open poll I have not voted in: question, matter, 进行中 with its closing time, 未投票', async () => {
    render(<Votes />)
    expect(await screen.findByText('同意修村口的路吗？')).toBeTruthy()
    expect(textOf(document.getElementById('vote-p1'))).toBe(
      '同意修村口的路吗？事项：村口的路坑坑洼洼进行中，11月30日10:00截止·不记名投票未投票，点这里去投票',
    )
    expect(calls).toEqual([{ fn: 'polls', action: 'listMyVotes', payload: { limit: 20 } }])
  })

  it('my own choice in words, for my eyes only; options by their labels; 代投 and paper said so', async () => {
    answer = () =>
      ok({
        items: [
          vote('p1', { voted: true, myChoice: 'no', myChannel: 'online' }),
          vote('p2', {
            question: '路灯装在哪里？',
            options: [
              { id: 'o1', label: '村口' },
              { id: 'o2', label: '桥头' },
              { id: 'o3', label: '学校门口' },
            ],
            voted: true,
            myChoice: 'o1+o3',
            myChannel: 'online',
            secret: false,
            phase: 'closed',
          }),
          vote('p3', { voted: true, myChoice: 'yes', myChannel: 'proxy', phase: 'counting' }),
          vote('p4', { voted: true, myChoice: null, myChannel: 'paper', phase: 'closed' }),
        ],
      })
    render(<Votes />)
    await screen.findByText('路灯装在哪里？')
    const items = Array.from(document.querySelectorAll('#votes-list .vote-item'))
    expect(items.map((i) => i.id)).toEqual(['vote-p1', 'vote-p2', 'vote-p3', 'vote-p4'])
    expect(textOf(items[0])).toContain('已投票您选了：反对只有你自己能看到')
    expect(textOf(items[1])).toBe(
      '路灯装在哪里？事项：村口的路坑坑洼洼已结束·记名投票已投票您选了：村口、学校门口只有你自己能看到',
    )
    expect(textOf(items[2])).toContain('已截止，正在计票')
    expect(textOf(items[2])).toContain('由别人代您投了：赞成（截止前您可以自己改）')
    expect(textOf(items[3])).toContain('已投票您在现场投了纸质票')
    expect(textOf(items[3])).not.toContain('只有你自己能看到')
  })

  it('a tap opens the matter the poll is on', async () => {
    render(<Votes />)
    fireEvent.click(await screen.findByText('同意修村口的路吗？'))
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/matters/pages/detail/index?id=m1',
    })
  })

  it('none: says so', async () => {
    answer = () => ok({ items: [] })
    render(<Votes />)
    expect(await screen.findByText('现在没有要您投票的事')).toBeTruthy()
    expect(document.getElementById('votes-empty')).toBeTruthy()
  })

  it('加载更多 asks for the next page with its cursor', async () => {
    answer = (p) =>
      p.cursor
        ? ok({ items: [vote('p2', { question: '第二页' })] })
        : ok({ items: [vote('p1', {})], nextCursor: 'c1' })
    render(<Votes />)
    fireEvent.click(await screen.findByText('加载更多'))
    expect(await screen.findByText('第二页')).toBeTruthy()
    expect(calls.map((c) => c.payload)).toEqual([{ limit: 20 }, { limit: 20, cursor: 'c1' }])
    expect(screen.queryByText('加载更多')).toBeNull()
  })

  it('loading, then an error with 再试一次', async () => {
    answer = () => refuse('NETWORK', '网络不太好，没有连上。请稍后再试。')
    render(<Votes />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    const retry = await screen.findByText('再试一次')
    answer = () => ok({ items: [vote('p1', {})] })
    fireEvent.click(retry)
    expect(await screen.findByText('同意修村口的路吗？')).toBeTruthy()
  })

  it('大字模式 puts the fs-large class on the page root', async () => {
    setLargeText(true)
    render(<Votes />)
    await screen.findByText('同意修村口的路吗？')
    expect(document.getElementById('screen')?.classList.contains('fs-large')).toBe(true)
  })

  it('coming back from the matter’s page (after voting) reads the list again', async () => {
    const page = capturePageShows()
    render(<Votes />)
    expect(await screen.findByText('未投票，点这里去投票')).toBeTruthy()
    answer = () =>
      ok({ items: [vote('p1', { voted: true, myChoice: 'yes', myChannel: 'online' })] })
    page.showAgain()
    expect(await screen.findByText('您选了：赞成')).toBeTruthy()
    expect(calls).toHaveLength(2)
  })
})

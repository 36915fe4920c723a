/**
 * The matter page (事项): its story, the vote card's place, the rating's place, one call on open.
 * `fetch` is the boundary (fakeBackend); the real round trips are in e2e.
 */
import { configure, act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as TaroModule from '@tarojs/taro'
import MatterPage, { MatterScreen } from '../../../../../src/packages/matters/pages/detail'
import { setLargeText } from '../../../../../src/services/largeText'
import { fixShanghaiClock } from '../../../../support/clock'
import { detail, poll } from './fixtures'
import { fakeBackend, NETWORK_DOWN, ok, refused, type FakeBackend } from './backend'

// The shared machine is slow at times: wait up to 5 s for what should appear.
configure({ asyncUtilTimeout: 5000 })

const T = Taro as unknown as Record<string, unknown>
let backend: FakeBackend

beforeEach(() => {
  fixShanghaiClock('2026-11-26T10:00:00')
  ;(TaroModule as unknown as { storage: Map<string, unknown> }).storage.clear()
  backend = fakeBackend()
})
afterEach(() => {
  jest.useRealTimers()
  setLargeText(false)
})

/** Each element's words, its pieces (the texts inside it) joined by one space. */
const texts = (selector: string) =>
  Array.from(document.querySelectorAll(selector)).map((e) =>
    Array.from(e.querySelectorAll('span'))
      .map((s) => (s.textContent ?? '').trim())
      .filter(Boolean)
      .join(' '),
  )

describe('事项 page: the story', () => {
  it('reads the text before the photos have loaded, then shows them, each with its word', async () => {
    backend.answers['matters.getMatter'] = ok(detail())
    backend.holdPhotos = true
    render(<MatterScreen matterId="m1" />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(await screen.findByText('村口路灯坏了')).toBeTruthy()
    expect(document.getElementById('matter-status')?.textContent).toBe('办理中')
    expect(screen.getByText('道路水电')).toBeTruthy()
    expect(screen.getByText('晚上看不见路，老人走路容易摔。')).toBeTruthy()
    expect(screen.getByText('张三 提出 · 11月18日 08:30')).toBeTruthy()
    expect(screen.getByText('说事日：11月24日（星期二）')).toBeTruthy()
    // Photos not there yet: their places say so, with their words.
    expect(document.querySelectorAll('img')).toHaveLength(0)
    expect(screen.getAllByText('照片加载中')).toHaveLength(3)
    expect(screen.getByText('照片 1')).toBeTruthy()
    expect(screen.getByText('照片 2')).toBeTruthy()
    expect(screen.getByText('进展照片 1')).toBeTruthy()
    await act(async () => backend.releasePhotos())
    await waitFor(() => expect(document.querySelectorAll('img')).toHaveLength(3))
    expect(screen.queryByText('照片加载中')).toBeNull()
    expect(
      Array.from(document.querySelectorAll('img')).map((i) => [
        i.getAttribute('src'),
        i.getAttribute('aria-label'),
      ]),
    ).toEqual([
      ['/files/cloud://env/matters/2026-11/a.jpg', '照片 1'],
      ['/files/cloud://env/matters/2026-11/b.jpg', '照片 2'],
      ['/files/cloud://env/matters/2026-11/c.jpg', '进展照片 1'],
    ])
    expect(backend.photoRequests).toEqual([
      ['cloud://env/matters/2026-11/a.jpg', 'cloud://env/matters/2026-11/b.jpg'],
      ['cloud://env/matters/2026-11/c.jpg'],
    ])
  })

  it('makes exactly one function call on open when there is no poll', async () => {
    backend.answers['matters.getMatter'] = ok(detail())
    render(<MatterScreen matterId="m1" />)
    await screen.findByText('村口路灯坏了')
    await waitFor(() => expect(backend.photoRequests.length).toBeGreaterThan(0))
    expect(backend.calls).toEqual([
      { fn: 'matters', action: 'getMatter', payload: { matterId: 'm1' } },
    ])
  })

  it('takes the id from the route', async () => {
    const real = T.getCurrentInstance
    T.getCurrentInstance = () => ({ router: { params: { id: 'm%2F7' } } })
    try {
      backend.answers['matters.getMatter'] = ok(detail({ id: 'm/7' }))
      render(<MatterPage />)
      await screen.findByText('村口路灯坏了')
      expect(backend.calls[0]).toEqual({
        fn: 'matters',
        action: 'getMatter',
        payload: { matterId: 'm/7' },
      })
    } finally {
      T.getCurrentInstance = real
    }
  })

  it('takes the id from a scanned 决议公告 QR link (WeChat hands the whole link over as q)', async () => {
    const real = T.getCurrentInstance
    const link = 'https://fengsi.example.cn/#/packages/matters/pages/detail/index?id=m%2F9'
    T.getCurrentInstance = () => ({ router: { params: { q: encodeURIComponent(link) } } })
    try {
      backend.answers['matters.getMatter'] = ok(detail({ id: 'm/9' }))
      render(<MatterPage />)
      await screen.findByText('村口路灯坏了')
      expect(backend.calls[0]).toEqual({
        fn: 'matters',
        action: 'getMatter',
        payload: { matterId: 'm/9' },
      })
    } finally {
      T.getCurrentInstance = real
    }
  })

  it('shows the timeline, the minutes, the handling with its progress and the outcome', async () => {
    backend.answers['matters.getMatter'] = ok(
      detail({ status: 'resolved', outcome: '路灯已经修好，晚上亮了。' }),
    )
    render(<MatterScreen matterId="m1" />)
    await screen.findByText('村口路灯坏了')
    expect(texts('#matter-timeline .timeline-item')).toEqual([
      '11月24日 16:00 赵主任 安排了办理（办理中）',
      '11月18日 08:30 张三 提出了这件事（待受理）',
    ])
    expect(texts('#matter-minutes .matter__minute')).toEqual([
      '11月24日（星期二） 说事日 大家同意尽快修。',
    ])
    const handling = document.getElementById('matter-handling')?.textContent
    expect(handling).toContain('办理人：王电工，期限：12月1日（星期二）')
    expect(handling).toContain('11月25日 11:00 · 王电工')
    expect(handling).toContain('灯泡已买好，明天装。')
    expect(document.getElementById('matter-outcome')?.textContent).toBe(
      '办理结果路灯已经修好，晚上亮了。',
    )
    expect(screen.getByText('决议')).toBeTruthy()
  })

  it('loads older timeline entries with a button, from the cursor', async () => {
    backend.answers['matters.getMatter'] = ok(detail({ timelineCursor: 'cur-1' }))
    backend.answers['matters.listTimeline'] = ok({
      items: [{ at: '2026-11-17T01:00:00.000Z', actorName: '张三', action: 'withdrawMatter' }],
    })
    render(<MatterScreen matterId="m1" />)
    await screen.findByText('村口路灯坏了')
    fireEvent.click(screen.getByText('看更早的记录'))
    expect(await screen.findByText('张三 撤回了这件事')).toBeTruthy()
    expect(backend.calls[1]).toEqual({
      fn: 'matters',
      action: 'listTimeline',
      payload: { matterId: 'm1', cursor: 'cur-1', limit: 20 },
    })
    expect(document.querySelectorAll('.timeline-item')).toHaveLength(3)
    // No cursor came back: nothing older.
    expect(screen.queryByText('看更早的记录')).toBeNull()
  })

  it('older entries that fail to load say why and keep the button to try again', async () => {
    backend.answers['matters.getMatter'] = ok(detail({ timelineCursor: 'cur-1' }))
    backend.answers['matters.listTimeline'] = [
      NETWORK_DOWN,
      ok({
        items: [{ at: '2026-11-17T01:00:00.000Z', actorName: '张三', action: 'withdrawMatter' }],
      }),
    ]
    render(<MatterScreen matterId="m1" />)
    await screen.findByText('村口路灯坏了')
    fireEvent.click(screen.getByText('看更早的记录'))
    expect(await screen.findByText('网络不太好，没有连上。请稍后再试。')).toBeTruthy()
    fireEvent.click(screen.getByText('再试一次'))
    expect(await screen.findByText('张三 撤回了这件事')).toBeTruthy()
    expect(document.querySelectorAll('.timeline-item')).toHaveLength(3)
  })

  it('a declined matter shows its reason', async () => {
    backend.answers['matters.getMatter'] = ok(
      detail({
        status: 'declined',
        declineReason: '这是镇上管的事，请打 12345。',
        handling: undefined,
        decision: undefined,
      }),
    )
    render(<MatterScreen matterId="m1" />)
    expect(await screen.findByText('不予受理。理由：这是镇上管的事，请打 12345。')).toBeTruthy()
    expect(document.getElementById('matter-status')?.textContent).toBe('不予受理')
  })

  it('a merged matter links to the one it went into', async () => {
    const navigateTo = jest.fn(async () => undefined)
    T.navigateTo = navigateTo
    backend.answers['matters.getMatter'] = ok(
      detail({ status: 'merged', mergedInto: 'm9', mergedIntoTitle: '全村路灯检修' }),
    )
    render(<MatterScreen matterId="m1" />)
    expect(await screen.findByText('这件事已经合并到另一件事里一起办：全村路灯检修')).toBeTruthy()
    fireEvent.click(screen.getByText('去看“全村路灯检修” ›'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/matters/pages/detail/index?id=m9' })
  })
})

describe('事项 page: one primary action', () => {
  const primaries = () =>
    Array.from(document.querySelectorAll('.nut-button-primary')).map((b) => b.textContent)

  it('a matter to rate: 提交评价 is the one primary button, 发表 is plain', async () => {
    backend.answers['matters.getMatter'] = ok(
      detail({
        status: 'resolved',
        outcome: '修好了。',
        ratingEndsAt: '2026-12-03T15:59:00.000Z',
        can: ['rateMatter', 'postStatement', 'reportStatement'],
      }),
    )
    render(<MatterScreen matterId="m1" />)
    await screen.findByText('村口路灯坏了')
    expect(primaries()).toEqual(['提交评价'])
    expect(document.getElementById('statement-post')).not.toBeNull()
  })

  it('a matter in discussion: 发表 is the primary button', async () => {
    backend.answers['matters.getMatter'] = ok(
      detail({ status: 'discussing', can: ['postStatement', 'reportStatement'] }),
    )
    render(<MatterScreen matterId="m1" />)
    await screen.findByText('村口路灯坏了')
    expect(primaries()).toEqual(['发表'])
  })
})

describe('事项 page: states', () => {
  it('a lost network says so and 再试一次 loads it', async () => {
    backend.answers['matters.getMatter'] = [NETWORK_DOWN, ok(detail())]
    render(<MatterScreen matterId="m1" />)
    expect(await screen.findByText('网络不太好，没有连上。请稍后再试。')).toBeTruthy()
    fireEvent.click(screen.getByText('再试一次'))
    expect(await screen.findByText('村口路灯坏了')).toBeTruthy()
  })

  it('a matter that is not there says so in the function’s words', async () => {
    backend.answers['matters.getMatter'] = refused('NOT_FOUND', '没有找到这件事。')
    render(<MatterScreen matterId="m404" />)
    expect(await screen.findByText('没有找到这件事。')).toBeTruthy()
    expect(document.getElementById('matter-title')).toBeNull()
    // Asking again would answer the same: no 再试一次.
    expect(screen.queryByText('再试一次')).toBeNull()
  })

  it('大字模式 puts the large class on the page root', async () => {
    setLargeText(true)
    backend.answers['matters.getMatter'] = ok(detail())
    render(<MatterScreen matterId="m1" />)
    await screen.findByText('村口路灯坏了')
    expect(document.getElementById('screen')?.className).toContain('fs-large')
    expect(document.getElementById('screen')?.className).toContain('matter')
  })
})

describe('事项 page: which poll it asks for', () => {
  it('asks getPoll for the newest poll when it is open, and shows the card', async () => {
    backend.answers['matters.getMatter'] = ok(
      detail({
        status: 'deciding',
        polls: [
          {
            id: 'p2',
            question: '同意修路灯吗？',
            body: 'assembly',
            secret: true,
            phase: 'open',
            closesAt: '2026-12-04T13:00:00.000Z',
          },
          {
            id: 'p1',
            question: '旧的表决',
            body: 'assembly',
            secret: true,
            phase: 'closed',
            closesAt: '2026-11-20T13:00:00.000Z',
          },
        ],
      }),
    )
    backend.answers['polls.getPoll'] = ok(poll({ id: 'p2', question: '同意修路灯吗？' }))
    render(<MatterScreen matterId="m1" />)
    expect(await screen.findByText('截止时间：12月4日 21:00（北京时间）')).toBeTruthy()
    expect(backend.calls.map((c) => [c.action, c.payload])).toEqual([
      ['getMatter', { matterId: 'm1' }],
      ['getPoll', { pollId: 'p2' }],
    ])
    expect(document.getElementById('vote-question')?.textContent).toBe('同意修路灯吗？')
  })

  it('a draft poll is neither asked for nor shown', async () => {
    backend.answers['matters.getMatter'] = ok(
      detail({
        status: 'discussing',
        polls: [
          {
            id: 'p3',
            question: '草稿',
            body: 'assembly',
            secret: true,
            phase: 'draft',
            closesAt: '2026-12-04T13:00:00.000Z',
          },
        ],
      }),
    )
    render(<MatterScreen matterId="m1" />)
    await screen.findByText('村口路灯坏了')
    await waitFor(() => expect(backend.photoRequests.length).toBeGreaterThan(0))
    expect(backend.calls.map((c) => c.action)).toEqual(['getMatter'])
    expect(document.getElementById('vote-card')).toBeNull()
  })
})

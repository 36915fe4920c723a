/** The rating (民意测评): five worded choices, an optional comment, within the window. */
import { configure, fireEvent, render, screen } from '@testing-library/react'
import * as TaroModule from '@tarojs/taro'
import RatingCard from '../../../src/components/RatingCard'
import { fixShanghaiClock } from '../../support/clock'
import { fakeBackend, ok, type FakeBackend } from '../packages/matters/detail/backend'

// The shared machine is slow at times: wait up to 5 s for what should appear.
configure({ asyncUtilTimeout: 5000 })

/** The jsdom stand-in's phone storage (test/ui/support/taro.ts). */
const { storage } = TaroModule as unknown as { storage: Map<string, unknown> }
let backend: FakeBackend
const el = (id: string) => document.getElementById(id) as HTMLElement
const NONE = { count: 0, average: null, ratedByMe: false }

beforeEach(() => {
  fixShanghaiClock('2026-11-26T10:00:00')
  storage.clear()
  backend = fakeBackend()
})
afterEach(() => jest.useRealTimers())

describe('RatingCard', () => {
  it('offers 1–5 as five buttons, each with its word, and the window’s end', () => {
    render(
      <RatingCard
        matterId="m1"
        rating={NONE}
        ratingEndsAt="2026-12-03T15:59:00.000Z"
        can={['rateMatter']}
        onRated={jest.fn()}
      />,
    )
    expect([1, 2, 3, 4, 5].map((n) => el(`rating-star-${n}`).textContent)).toEqual([
      '★ 1 分 很不满意',
      '★★ 2 分 不满意',
      '★★★ 3 分 一般',
      '★★★★ 4 分 满意',
      '★★★★★ 5 分 很满意',
    ])
    expect(screen.getByText('评价截止：12月3日 23:59')).toBeTruthy()
    expect(screen.getByText('还没有人评价')).toBeTruthy()
  })

  it('asks for a choice before sending anything', async () => {
    render(<RatingCard matterId="m1" rating={NONE} can={['rateMatter']} onRated={jest.fn()} />)
    fireEvent.click(el('rating-submit'))
    expect(await screen.findByText('请选择 1 到 5 颗星')).toBeTruthy()
    expect(backend.calls).toEqual([])
  })

  it('sends the score and the comment, clears the draft and says 已评价', async () => {
    backend.answers['matters.rateMatter'] = ok({ ok: true })
    const onRated = jest.fn()
    render(<RatingCard matterId="m1" rating={NONE} can={['rateMatter']} onRated={onRated} />)
    fireEvent.click(el('rating-star-4'))
    fireEvent.change(el('rating-comment'), { target: { value: '修得挺快' } })
    expect(storage.get('fengsi.draft.rating:m1')).toEqual({
      matterId: 'm1',
      score: 4,
      comment: '修得挺快',
    })
    fireEvent.click(el('rating-submit'))
    expect(await screen.findByText('已评价，谢谢您')).toBeTruthy()
    expect(backend.calls).toEqual([
      {
        fn: 'matters',
        action: 'rateMatter',
        payload: { matterId: 'm1', score: 4, comment: '修得挺快' },
      },
    ])
    expect(storage.has('fengsi.draft.rating:m1')).toBe(false)
    expect(onRated).toHaveBeenCalledTimes(1)
    expect(document.getElementById('rating-star-1')).toBeNull()
  })

  it('after rating: 已评价 with the count and the average, no buttons', () => {
    render(
      <RatingCard
        matterId="m1"
        rating={{ count: 12, average: 4.3, ratedByMe: true }}
        can={[]}
        onRated={jest.fn()}
      />,
    )
    expect(el('rating-done').textContent).toBe('已评价，谢谢您')
    expect(el('rating-summary').textContent).toBe('共 12 人评价，平均 4.3 分（满分 5 分）')
    expect(document.getElementById('rating-submit')).toBeNull()
  })

  it('without rateMatter in can: no buttons', () => {
    render(
      <RatingCard
        matterId="m1"
        rating={{ count: 3, average: 2.7, ratedByMe: false }}
        ratingEndsAt="2026-11-20T15:59:00.000Z"
        can={[]}
        onRated={jest.fn()}
      />,
    )
    expect(document.getElementById('rating-star-5')).toBeNull()
    expect(el('rating-window').textContent).toBe('评价已结束（11月20日 23:59）')
    expect(el('rating-summary').textContent).toBe('共 3 人评价，平均 2.7 分（满分 5 分）')
  })

  it('a member who may not rate within the window is told so, without buttons', () => {
    render(
      <RatingCard
        matterId="m1"
        rating={NONE}
        ratingEndsAt="2026-12-03T15:59:00.000Z"
        can={[]}
        onRated={jest.fn()}
      />,
    )
    expect(el('rating-window').textContent).toBe('评价截止：12月3日 23:59')
    expect(screen.getByText('现在不能评价了。')).toBeTruthy()
    expect(document.getElementById('rating-submit')).toBeNull()
  })
})

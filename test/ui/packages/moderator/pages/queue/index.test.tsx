/**
 * 发言审核 (the moderator's queue): one listModerationQueue call, each statement with its matter,
 * text, reports and reason; restore / keep hidden / hide, each with a reason and a confirmation;
 * paged. `fetch` is the boundary.
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ModerationQueue from '../../../../../../src/packages/moderator/pages/queue'
import type { ModerationItem } from '../../../../../../types/api/discussion'
import {
  fakeTaro,
  ok,
  refuse,
  serve,
  textOf,
  type Call,
  type TaroFakes,
} from '../../../../pages/fakes'

configure({ asyncUtilTimeout: 5000 })

const statement = (id: string, more: Partial<ModerationItem> = {}): ModerationItem => ({
  id,
  authorName: '赵四',
  text: '你们村委会就是不作为！',
  at: '2026-11-21T01:30:00.000Z',
  state: 'hidden',
  mine: false,
  edited: false,
  matterId: 'm1',
  matterTitle: '停车位怎么分',
  moderation: { hiddenBy: 'reports', pendingReview: true, reports: 3 },
  ...more,
})

let calls: Call[]
let taro: TaroFakes
let page: (p: { cursor?: string }) => unknown

beforeEach(() => {
  taro = fakeTaro()
  page = (p) =>
    p.cursor
      ? ok({ items: [statement('s3', { authorName: '钱五', text: '第二页的发言' })] })
      : ok({
          items: [
            statement('s1'),
            statement('s2', {
              state: 'visible',
              authorName: '孙六',
              text: '谁家占了车位谁心里清楚。',
              moderation: { pendingReview: false, reports: 1, reason: '人身攻击' },
            }),
          ],
          nextCursor: 'c1',
        })
  calls = serve({
    listModerationQueue: (p: never) => page(p),
    restoreStatement: ok({ ok: true }),
    hideStatement: ok({ ok: true }),
  })
})
afterEach(() => jest.restoreAllMocks())

const words = (id: string) => textOf(document.getElementById(id))
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

async function opened() {
  render(<ModerationQueue />)
  await screen.findByText('你们村委会就是不作为！')
}

describe('发言审核', () => {
  it('one call; each with its matter, text, why it is there, reports and reason', async () => {
    await opened()
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      ['listModerationQueue', { limit: 20 }],
    ])
    expect(words('queue-s1')).toBe(
      '事项：停车位怎么分赵四·11月21日09:30你们村委会就是不作为！已隐藏：举报的人多，自动隐藏了被举报3次恢复显示保持隐藏',
    )
    expect(words('queue-s2')).toBe(
      '事项：停车位怎么分孙六·11月21日09:30谁家占了车位谁心里清楚。还在显示，有人举报被举报1次理由：人身攻击隐藏',
    )
  })

  it('restoring asks for a reason, then confirms, then sends it', async () => {
    await opened()
    fireEvent.click(document.getElementById('queue-restore-s1') as HTMLElement)
    await screen.findByText('请写一句理由（大家能看到处理记录）。')
    expect(calls).toHaveLength(1)
    type('queue-reason-s1', '说的是意见，不是骂人')
    fireEvent.click(document.getElementById('queue-restore-s1') as HTMLElement)
    await screen.findByText('已恢复显示 赵四 的发言')
    expect(taro.showModal.mock.calls[0][0]).toMatchObject({ title: '恢复显示这条发言？' })
    expect(calls[1]).toEqual({
      fn: 'discussion',
      action: 'restoreStatement',
      payload: { statementId: 's1', reason: '说的是意见，不是骂人' },
    })
  })

  it('hides a reported visible statement with a reason; a refusal says why', async () => {
    serve({
      listModerationQueue: (p: never) => page(p),
      hideStatement: refuse('CONFLICT', '这条发言已经隐藏了。'),
    })
    await opened()
    type('queue-reason-s2', '人身攻击')
    fireEvent.click(document.getElementById('queue-hide-s2') as HTMLElement)
    await screen.findByText('这条发言已经隐藏了。')
  })

  it('keeps a hidden one hidden (hideStatement confirms the hiding)', async () => {
    await opened()
    type('queue-reason-s1', '骂人')
    fireEvent.click(document.getElementById('queue-hide-s1') as HTMLElement)
    await screen.findByText('已隐藏 赵四 的发言（骂人）')
    expect(calls[1].payload).toEqual({ statementId: 's1', reason: '骂人' })
  })

  it('more, a page at a time', async () => {
    await opened()
    fireEvent.click(document.getElementById('queue-more') as HTMLElement)
    await screen.findByText('第二页的发言')
    expect(calls[1].payload).toEqual({ cursor: 'c1', limit: 20 })
    await waitFor(() => expect(document.getElementById('queue-more')).toBeNull())
  })

  it('nothing to review: says so', async () => {
    page = () => ok({ items: [] })
    render(<ModerationQueue />)
    expect(await screen.findByText('没有要审核的发言')).toBeTruthy()
  })
})

/**
 * The discussion: buttons from detail.can and each statement's own flags; own hidden statements
 * marked; what is typed survives a failed send. `fetch` is the boundary.
 */
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import * as TaroModule from '@tarojs/taro'
import Discussion from '../../../src/components/Discussion'
import { fixShanghaiClock } from '../../support/clock'
import { statement } from '../packages/matters/detail/fixtures'
import {
  fakeBackend,
  NETWORK_DOWN,
  ok,
  refused,
  type FakeBackend,
} from '../packages/matters/detail/backend'

// The shared machine is slow at times: wait up to 5 s for what should appear.
configure({ asyncUtilTimeout: 5000 })

/** The jsdom stand-in's phone storage (test/ui/support/taro.ts). */
const { storage } = TaroModule as unknown as { storage: Map<string, unknown> }
let backend: FakeBackend

const ITEMS = [
  statement({ id: 's1', authorName: '李四', text: '路灯早该修了。' }),
  statement({ id: 's2', authorName: '王五', text: '同意。', replyTo: 's1' }),
  statement({ id: 's3', authorName: '张三', text: '说了些难听的话', state: 'hidden', mine: true }),
  statement({ id: 's4', authorName: '赵六', text: '该发言已被隐藏', state: 'hidden' }),
]
const ALL = ['postStatement', 'reportStatement']
const el = (id: string) => document.getElementById(id) as HTMLElement
const type = (value: string) => fireEvent.change(el('statement-input'), { target: { value } })

beforeEach(() => {
  fixShanghaiClock('2026-11-26T10:00:00')
  storage.clear()
  backend = fakeBackend()
})
afterEach(() => jest.useRealTimers())

describe('Discussion: reading', () => {
  it('shows statements with replies under them; my own hidden one is marked as such', () => {
    render(<Discussion matterId="m1" first={{ items: ITEMS }} can={ALL} />)
    const order = Array.from(document.querySelectorAll('.statement')).map((s) => s.id)
    expect(order).toEqual(['statement-s1', 'statement-s2', 'statement-s3', 'statement-s4'])
    expect(el('statement-s2').className).toContain('statement--reply')
    const mine = el('statement-s3')
    expect(mine.className).toContain('statement--hidden-mine')
    expect(within(mine).getByText('你的发言已被隐藏，只有你和主持人能看到')).toBeTruthy()
    expect(within(mine).getByText('张三（我）')).toBeTruthy()
    // Someone else's hidden statement is not marked as mine and reads as the function says.
    expect(el('statement-s4').className).not.toContain('statement--hidden-mine')
    expect(within(el('statement-s4')).getByText('该发言已被隐藏')).toBeTruthy()
  })

  it('a moderator reads a hidden statement with the note that others do not see it', () => {
    const hidden = statement({
      id: 's7',
      text: '原话在这里',
      state: 'hidden',
      moderation: { hiddenBy: 'reports', pendingReview: true, reports: 2 },
    })
    render(<Discussion matterId="m1" first={{ items: [hidden] }} can={ALL} />)
    const s7 = el('statement-s7')
    expect(
      within(s7).getByText('这条发言已被隐藏，只有作者和主持人能看到（2 人举报）'),
    ).toBeTruthy()
    expect(s7.className).not.toContain('statement--hidden-mine')
    expect(s7.querySelector('.statement-report')).toBeNull()
  })

  it('an empty discussion says so', () => {
    render(<Discussion matterId="m1" first={{ items: [] }} can={ALL} />)
    expect(screen.getByText('还没有人发言，您可以说第一句。')).toBeTruthy()
  })

  it('reply and report only on visible statements, report never on my own', () => {
    const items = [
      ...ITEMS,
      statement({ id: 's5', authorName: '张三', text: '我的话', mine: true }),
    ]
    render(<Discussion matterId="m1" first={{ items }} can={ALL} />)
    const has = (sid: string, cls: string) => !!el(`statement-${sid}`).querySelector(cls)
    expect(['s1', 's2', 's3', 's4', 's5'].map((s) => has(s, '.statement-reply'))).toEqual([
      true,
      true,
      false,
      false,
      true,
    ])
    expect(['s1', 's2', 's3', 's4', 's5'].map((s) => has(s, '.statement-report'))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ])
  })

  it('without postStatement / reportStatement in can: no box, no 回复, no 举报', () => {
    render(<Discussion matterId="m1" first={{ items: ITEMS }} can={['rateMatter']} />)
    expect(document.getElementById('statement-input')).toBeNull()
    expect(document.getElementById('statement-post')).toBeNull()
    expect(document.querySelectorAll('.statement-reply')).toHaveLength(0)
    expect(document.querySelectorAll('.statement-report')).toHaveLength(0)
  })

  it('加载更多 fetches the next page from the cursor and appends it', async () => {
    backend.answers['discussion.listStatements'] = ok({
      items: [statement({ id: 's9', authorName: '孙七', text: '我也说一句。' })],
    })
    render(<Discussion matterId="m1" first={{ items: ITEMS, nextCursor: 'c2' }} can={ALL} />)
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('我也说一句。')).toBeTruthy()
    expect(backend.calls).toEqual([
      {
        fn: 'discussion',
        action: 'listStatements',
        payload: { matterId: 'm1', cursor: 'c2', limit: 20 },
      },
    ])
    expect(screen.queryByText('加载更多')).toBeNull()
  })
})

describe('Discussion: speaking', () => {
  it('posts what was typed, shows it, and empties the box and the kept draft', async () => {
    backend.answers['discussion.postStatement'] = ok({ statementId: 's10', hidden: false })
    render(<Discussion matterId="m1" first={{ items: [] }} can={ALL} />)
    type('晚上太黑了')
    expect(storage.get('fengsi.draft.statement:m1')).toEqual({ matterId: 'm1', text: '晚上太黑了' })
    fireEvent.click(el('statement-post'))
    // the new statement is in the list (not only in the box), signed 我 (never 我（我）)
    await waitFor(() => expect(el('statement-s10')).toBeTruthy())
    const posted = el('statement-s10')
    expect(within(posted).getByText('晚上太黑了')).toBeTruthy()
    expect(within(posted).getByText('我')).toBeTruthy()
    expect(within(posted).queryByText('我（我）')).toBeNull()
    expect(backend.calls).toEqual([
      {
        fn: 'discussion',
        action: 'postStatement',
        payload: { matterId: 'm1', text: '晚上太黑了' },
      },
    ])
    await waitFor(() => expect((el('statement-input') as HTMLTextAreaElement).value).toBe(''))
    expect(storage.has('fengsi.draft.statement:m1')).toBe(false)
  })

  it('an empty box sends nothing and says what is missing', async () => {
    render(<Discussion matterId="m1" first={{ items: [] }} can={ALL} />)
    fireEvent.click(el('statement-post'))
    expect(await screen.findByText('请填写发言')).toBeTruthy()
    expect(backend.calls).toEqual([])
  })

  it('a lost network keeps the typed text, on screen and in the draft, for the next page open', async () => {
    backend.answers['discussion.postStatement'] = NETWORK_DOWN
    const { unmount } = render(<Discussion matterId="m1" first={{ items: [] }} can={ALL} />)
    type('明天我来帮忙')
    fireEvent.click(el('statement-post'))
    expect(await screen.findByText('网络不太好，没有连上。请稍后再试。')).toBeTruthy()
    expect((el('statement-input') as HTMLTextAreaElement).value).toBe('明天我来帮忙')
    unmount()
    render(<Discussion matterId="m1" first={{ items: [] }} can={ALL} />)
    expect((el('statement-input') as HTMLTextAreaElement).value).toBe('明天我来帮忙')
  })

  it('a statement held for review shows as my hidden one', async () => {
    backend.answers['discussion.postStatement'] = ok({ statementId: 's11', hidden: true })
    render(<Discussion matterId="m1" first={{ items: [] }} can={ALL} />)
    type('有点冲的话')
    fireEvent.click(el('statement-post'))
    await waitFor(() => expect(document.getElementById('statement-s11')).not.toBeNull())
    expect(el('statement-s11').className).toContain('statement--hidden-mine')
  })

  it('回复 answers one statement (replyTo)', async () => {
    backend.answers['discussion.postStatement'] = ok({
      statementId: 's12',
      replyTo: 's1',
      hidden: false,
    })
    render(<Discussion matterId="m1" first={{ items: ITEMS }} can={ALL} />)
    fireEvent.click(within(el('statement-s1')).getByText('↩ 回复'))
    expect(screen.getByText('回复 李四：')).toBeTruthy()
    type('对')
    fireEvent.click(screen.getByText('发表回复'))
    await waitFor(() => expect(document.getElementById('statement-s12')).not.toBeNull())
    expect(backend.calls[0].payload).toEqual({ matterId: 'm1', text: '对', replyTo: 's1' })
    expect(el('statement-s12').className).toContain('statement--reply')
  })
})

describe('Discussion: reporting', () => {
  it('a reason is chosen from the list, confirmed, and sent', async () => {
    backend.answers['discussion.reportStatement'] = ok({ hidden: false })
    render(<Discussion matterId="m1" first={{ items: ITEMS }} can={ALL} />)
    fireEvent.click(within(el('statement-s1')).getByText('⚠ 举报'))
    // No confirmation until a reason is chosen; nothing sent yet.
    expect(document.getElementById('report-confirm')).toBeNull()
    fireEvent.click(el('report-reason-abuse'))
    expect(el('report-confirm').textContent).toBe('确定举报：骂人、说脏话')
    expect(backend.calls).toEqual([])
    fireEvent.click(el('report-confirm'))
    expect(await screen.findByText('已举报，谢谢您。主持人会查看这条发言。')).toBeTruthy()
    expect(backend.calls).toEqual([
      {
        fn: 'discussion',
        action: 'reportStatement',
        payload: { statementId: 's1', reason: '骂人、说脏话' },
      },
    ])
    expect(document.getElementById('report-panel')).toBeNull()
  })

  it('不举报了 closes the choices and sends nothing', () => {
    render(<Discussion matterId="m1" first={{ items: ITEMS }} can={ALL} />)
    fireEvent.click(within(el('statement-s1')).getByText('⚠ 举报'))
    fireEvent.click(el('report-reason-ad'))
    fireEvent.click(screen.getByText('不举报了'))
    expect(document.getElementById('report-panel')).toBeNull()
    expect(backend.calls).toEqual([])
  })

  it('a refused report shows the function’s words', async () => {
    backend.answers['discussion.reportStatement'] = refused('CONFLICT', '您已经举报过这条发言了。')
    render(<Discussion matterId="m1" first={{ items: ITEMS }} can={ALL} />)
    fireEvent.click(within(el('statement-s1')).getByText('⚠ 举报'))
    fireEvent.click(el('report-reason-rumor'))
    fireEvent.click(el('report-confirm'))
    expect(await screen.findByText('您已经举报过这条发言了。')).toBeTruthy()
  })
})

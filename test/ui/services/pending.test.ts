/**
 * The offline queue with a fake network at the platform boundary (`fetch`, as the H5 build calls
 * the emulator's /fn/<name>; the browser's `online` event) and the phone's storage (the Taro
 * stand-in's). Expected states and calls written by hand.
 */
import { storage } from '../support/taro'
import {
  dismiss,
  enqueue,
  flush,
  pendingOf,
  resetPendingForTests,
  startPendingSync,
  stateWords,
  waitingCount,
} from '../../../src/services/pending'

interface Delivered {
  fn: string
  action: string
  payload: unknown
}

/** The network: down (fetch fails as a browser's does) or up, answering per action. */
const net = {
  up: true,
  delivered: [] as Delivered[],
  attempts: 0,
  answers: {} as Record<string, unknown>,
  /** Held answers: the function has the request, the phone waits for the answer. */
  hold: false,
  held: [] as Array<() => void>,
}

const ok = (data: unknown) => ({ ok: true, data })
const refused = (code: string, message: string) => ({ ok: false, error: { code, message } })

beforeEach(() => {
  storage.clear()
  resetPendingForTests()
  Object.assign(net, { up: true, delivered: [], attempts: 0, answers: {}, hold: false, held: [] })
  global.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    net.attempts += 1
    if (!net.up) throw new TypeError('Failed to fetch')
    const fn = String(url).replace(/^.*\/fn\//, '')
    const { action, payload } = JSON.parse(String(init?.body)) as Delivered
    net.delivered.push({ fn, action, payload })
    const body = net.answers[action] ?? ok({})
    const response = { ok: true, status: 200, json: async () => body } as Response
    if (!net.hold) return response
    return new Promise<Response>((resolve) => net.held.push(() => resolve(response)))
  }) as typeof fetch
})

const tick = (personId: string, name: string) =>
  enqueue({
    fn: 'polls',
    action: 'markPaperVoter',
    payload: { pollId: 'p1', personId },
    label: `登记 ${name} 投纸质票`,
    scope: 'poll:p1',
    key: `tick:p1:${personId}`,
  })

const counts = (yes: number, no: number) =>
  enqueue({
    fn: 'polls',
    action: 'enterPaperCounts',
    payload: {
      pollId: 'p1',
      counts: [
        { choice: 'yes', count: yes },
        { choice: 'no', count: no },
      ],
    },
    label: `票箱票数：赞成 ${yes}，反对 ${no}`,
    scope: 'poll:p1',
    key: 'counts:p1',
  })

const states = () => pendingOf('poll:p1').map((i) => [i.label, stateWords(i)])
const goOnline = async () => {
  net.up = true
  window.dispatchEvent(new Event('online'))
  await flush()
}

describe('the offline queue', () => {
  it('sends at once when the network is up: 已送达, one call', async () => {
    startPendingSync()
    tick('x1', '陈大山')
    await flush()
    expect(states()).toEqual([['登记 陈大山 投纸质票', '已送达']])
    expect(net.delivered).toEqual([
      { fn: 'polls', action: 'markPaperVoter', payload: { pollId: 'p1', personId: 'x1' } },
    ])
  })

  it('offline: kept as 待发送 across a restart, sent once in order when the network is back', async () => {
    startPendingSync()
    net.up = false
    tick('x1', '陈大山')
    tick('x2', '李秀英')
    counts(1, 1)
    await flush()
    expect(states()).toEqual([
      ['登记 陈大山 投纸质票', '待发送'],
      ['登记 李秀英 投纸质票', '待发送'],
      ['票箱票数：赞成 1，反对 1', '待发送'],
    ])
    expect(waitingCount()).toBe(3)
    // The app is closed and opened again: the queue is read back from the phone's storage.
    resetPendingForTests()
    expect(states().map(([, s]) => s)).toEqual(['待发送', '待发送', '待发送'])
    startPendingSync()
    await flush()
    expect(net.delivered).toEqual([])

    // Several signals at once (the event twice, the page shown): each item still goes once.
    net.up = true
    window.dispatchEvent(new Event('online'))
    window.dispatchEvent(new Event('online'))
    startPendingSync()
    await flush()
    expect(
      net.delivered.map((d) => [d.action, (d.payload as { personId?: string }).personId]),
    ).toEqual([
      ['markPaperVoter', 'x1'],
      ['markPaperVoter', 'x2'],
      ['enterPaperCounts', undefined],
    ])
    expect(states().map(([, s]) => s)).toEqual(['已送达', '已送达', '已送达'])
    expect(waitingCount()).toBe(0)
    await goOnline()
    expect(net.delivered).toHaveLength(3)
  })

  it('shows 正在发送 while the function has it and the answer is on its way', async () => {
    net.hold = true
    tick('x1', '陈大山')
    await Promise.resolve()
    await new Promise((r) => setTimeout(r, 0))
    expect(states()).toEqual([['登记 陈大山 投纸质票', '正在发送']])
    net.held.forEach((release) => release())
    await flush()
    expect(states()).toEqual([['登记 陈大山 投纸质票', '已送达']])
  })

  it("a refusal is kept with the function's message, never sent again, until dismissed", async () => {
    net.answers.enterPaperCounts = refused('POLL_CLOSED', '这次表决已经截止了，不能再录入纸质票。')
    net.up = false
    startPendingSync()
    counts(2, 0)
    await flush()
    await goOnline()
    expect(states()).toEqual([
      ['票箱票数：赞成 2，反对 0', '被拒绝：这次表决已经截止了，不能再录入纸质票。'],
    ])
    // Still there after a restart and further signals; not sent again.
    resetPendingForTests()
    startPendingSync()
    await goOnline()
    expect(net.delivered).toHaveLength(1)
    expect(pendingOf('poll:p1')[0]).toMatchObject({ state: 'refused', code: 'POLL_CLOSED' })
    dismiss(pendingOf('poll:p1')[0].id)
    expect(states()).toEqual([])
  })

  it('a refusal does not stop what comes after it; a busy function keeps the rest waiting', async () => {
    net.answers.markPaperVoter = refused('NOT_ELIGIBLE', '这个人不在这次表决的选民名单里。')
    tick('x9', '外村人')
    await flush()
    net.answers.enterPaperCounts = refused('BUSY', '现在人多，请稍后再试。')
    counts(0, 0)
    await flush()
    expect(states()).toEqual([
      ['登记 外村人 投纸质票', '被拒绝：这个人不在这次表决的选民名单里。'],
      ['票箱票数：赞成 0，反对 0', '待发送'],
    ])
    net.answers.enterPaperCounts = ok({ total: 0 })
    await goOnline()
    expect(states()[1]).toEqual(['票箱票数：赞成 0，反对 0', '已送达'])
  })

  it('the same thing said again while waiting replaces it: the latest counts go, once', async () => {
    net.up = false
    counts(1, 2)
    await flush()
    tick('x1', '陈大山')
    await flush()
    tick('x1', '陈大山')
    counts(2, 1)
    await flush()
    expect(states()).toEqual([
      ['登记 陈大山 投纸质票', '待发送'],
      ['票箱票数：赞成 2，反对 1', '待发送'],
    ])
    await goOnline()
    expect(net.delivered.map((d) => d.action)).toEqual(['markPaperVoter', 'enterPaperCounts'])
    expect(net.delivered[1].payload).toEqual({
      pollId: 'p1',
      counts: [
        { choice: 'yes', count: 2 },
        { choice: 'no', count: 1 },
      ],
    })
  })

  it('an item caught 正在发送 when the app closed is sent again on opening (harmless)', async () => {
    net.hold = true
    tick('x1', '陈大山')
    await new Promise((r) => setTimeout(r, 0))
    expect(pendingOf('poll:p1')[0].state).toBe('sending')
    // Closed before the answer came.
    resetPendingForTests()
    net.hold = false
    expect(states()).toEqual([['登记 陈大山 投纸质票', '待发送']])
    startPendingSync()
    await flush()
    expect(states()).toEqual([['登记 陈大山 投纸质票', '已送达']])
    expect(net.delivered).toHaveLength(2)
  })
})

/**
 * The compiled WeChat 决议公告 (dist/, under miniprogram-simulate) against the real functions: a
 * counted poll made through real calls (the committee opens a 民意征询 on 停车位怎么分, three
 * residents cast — 2 赞成, 1 反对 — the emulator's clock passes the close and its scheduler
 * counts), then the notice page as the committee. The simulator has no canvas: the page's
 * `#notice-canvas` lookup answers a recording 2D context (recorder.ts, a stand-in for the platform)
 * and the test reads the drawing calls. Expected by hand for a page 1240 px wide: margin 99 px
 * (8 %), heading 93 px (7.5 %), sentence 52 px bold (4.2 %) from x 129 (margin + three bar widths of
 * 10 px), 1012 px wide; the WeChat build without TARO_APP_LINK_BASE links `/#<matter route>`.
 */
import http from 'node:http'
import jsQR from 'jsqr'
import {
  callAs,
  renderPage,
  resetStorage,
  signIn,
  startBackend,
  stopBackend,
  text,
  waitFor,
} from '../../../../support/weapp'
import { RecordingCanvas, installCanvas, type Call } from './recorder'

const MATTER = 'demo-matter-discussing'
const SENTENCE = '参加征询 3 人；赞成 2 票，超过参加人数的一半；民意征询只供参考，不作决定。'
const LINK = '/#/packages/matters/pages/detail/index?id=demo-matter-discussing'

let url = ''
let pollId = ''

function post(route: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body))
    const req = http.request(
      new URL(route, url),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': data.length },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeAll(async () => {
  url = await startBackend()
  ;({ pollId } = (await callAs('demo-committee', 'polls', 'draftPoll', {
    matterId: MATTER,
    question: '停车位先给家里有老人看病的户，其余的抽签分，同意吗？',
    kind: 'yesNo',
    options: [],
    maxSelections: 1,
    body: 'consult',
    secret: true,
  })) as { pollId: string })
  const opened = (await callAs('demo-committee', 'polls', 'openPoll', { pollId })) as {
    closesAt: string
  }
  for (const [who, choice] of [
    ['demo-resident-1', 'yes'],
    ['demo-resident-2', 'yes'],
    ['demo-m09', 'no'],
  ]) {
    await callAs(who as string, 'polls', 'castBallot', { pollId, choice })
  }
  const closes = new Date(opened.closesAt).getTime()
  await post('/dev/clock', { set: new Date(closes + 1000).toISOString(), advanceMs: 90_000 })
  for (let i = 0; ; i++) {
    const poll = (await callAs('demo-committee', 'polls', 'getPoll', { pollId })) as {
      phase: string
    }
    if (poll.phase === 'closed') break
    if (i > 120) throw new Error('the poll was not counted')
    await sleep(500)
  }
}, 180_000)

afterAll(() => stopBackend())

// The page's clock is left running: nothing on the notice reads it (its date is the count's), and
// Taro's nextTick (which SelectorQuery.exec waits for) gives up waiting for a render by Date.now,
// which a frozen clock never moves past.
beforeEach(() => resetStorage())

afterEach(() => jest.resetModules())

const texts = (calls: Call[]) =>
  calls.filter((c) => c.name === 'fillText').map((c) => c.args[0] as string)

async function drawn(canvas: RecordingCanvas) {
  for (let waited = 0; waited < 20_000; waited += 50) {
    if (texts(canvas.context.calls).includes('扫码查看这件事')) return canvas.context.calls
    await sleep(50)
  }
  throw new Error('the notice was not drawn')
}

jest.setTimeout(120_000)

describe('compiled weapp 决议公告', () => {
  it('draws the heading, the sentence, the counts and a QR code of the matter’s link', async () => {
    const canvas = new RecordingCanvas()
    installCanvas(canvas)
    await signIn('demo-committee')
    const page = renderPage('packages/notice/pages/index/index', { pollId })
    await waitFor(page, '#notice-save')
    const calls = await drawn(canvas)

    // A4 at 1240 px wide: 1240 × 297 / 210 = 1753.7.
    expect([canvas.width, canvas.height]).toEqual([1240, 1754])
    expect(calls[0]).toMatchObject({
      name: 'fillRect',
      args: [0, 0, 1240, 1754],
      fillStyle: '#ffffff',
    })
    const heading = calls.find((c) => c.args[0] === '决议公告')
    expect(heading).toMatchObject({
      args: ['决议公告', 620, 99],
      font: 'bold 93px sans-serif',
      fillStyle: '#b71c1c',
      textAlign: 'center',
      textBaseline: 'top',
    })
    const sentence = calls.filter(
      (c) => c.name === 'fillText' && c.font === 'bold 52px sans-serif' && c.args[1] === 129,
    )
    expect(sentence.map((c) => c.args[0])).toEqual([
      '参加征询 3 人；赞成 2 票，超过参加人数',
      '的一半；民意征询只供参考，不作决定。',
    ])
    expect(sentence.map((c) => c.args[0]).join('')).toBe(SENTENCE)
    expect(texts(calls)).toEqual(
      expect.arrayContaining([
        '事项：停车位怎么分',
        '表决方式：民意征询（只供参考，不作决定）',
        '赞成',
        '2 票',
        '反对',
        '1 票',
        '弃权',
        '废票',
        '投票 3 人，名单上共 26 人',
        '示范村村民委员会',
      ]),
    )

    // The QR code: the link's 64 characters (2 + 36 of the route + 4 + 22 of the id) are more than
    // version 4 holds at level M (62 bytes), version 5 holds 84: 37 modules a side, each
    // floor(1240 × 0.3 / (37 + 8)) = 8 px.
    const squares = calls.filter((c) => c.name === 'fillRect' && c.fillStyle === '#111111')
    expect(squares.every((c) => c.args[2] === 8 && c.args[3] === 8)).toBe(true)
    const xs = squares.map((c) => c.args[0] as number)
    const ys = squares.map((c) => c.args[1] as number)
    const [x0, y0] = [Math.min(...xs), Math.min(...ys)]
    expect((Math.max(...xs) - x0) / 8 + 1).toBe(37)
    expect((Math.max(...ys) - y0) / 8 + 1).toBe(37)
    // Drawn back as pixels, 4 a module with a 4-module white border, it reads as the link.
    const side = (37 + 8) * 4
    const image = new Uint8ClampedArray(side * side * 4).fill(255)
    for (let k = 0; k < squares.length; k++) {
      const c = ((xs[k] as number) - x0) / 8 + 4
      const r = ((ys[k] as number) - y0) / 8 + 4
      for (let y = 0; y < 4; y++)
        for (let x = 0; x < 4; x++) {
          const i = ((r * 4 + y) * side + c * 4 + x) * 4
          image[i] = image[i + 1] = image[i + 2] = 0
        }
    }
    expect(jsQR(image, side, side)?.data).toBe(LINK)
    expect(text(page)).toContain('保存到相册')
    expect(text(page)).toContain('分享给群')
  })

  it('saving without the album permission says so in plain words', async () => {
    const canvas = new RecordingCanvas()
    installCanvas(canvas)
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
    const asked: string[] = []
    wx.canvasToTempFilePath = (o: { success: (r: unknown) => void }) =>
      o.success({ tempFilePath: 'wxfile://tmp/notice.png', errMsg: 'canvasToTempFilePath:ok' })
    wx.saveImageToPhotosAlbum = (o: { fail: (r: unknown) => void }) =>
      o.fail({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })
    wx.showModal = (o: { title: string; success: (r: unknown) => void }) => {
      asked.push(o.title)
      o.success({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    }
    await signIn('demo-committee')
    const page = renderPage('packages/notice/pages/index/index', { pollId })
    await drawn(canvas)
    const save = await waitFor(page, '#notice-save')
    // Enabled once the drawing has reached the view.
    for (let waited = 0; /disabled/.test(save.dom?.className ?? ''); waited += 50) {
      if (waited > 20_000) throw new Error('保存到相册 stayed disabled')
      await sleep(50)
    }
    save.dispatchEvent('tap')
    const message = await waitFor(page, '#notice-message')
    expect(text(message)).toBe('还没有存到相册：需要允许“保存到相册”后再点一次保存。')
    expect(asked).toEqual(['不能存到相册'])
  })
})

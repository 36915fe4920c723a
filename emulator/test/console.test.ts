// The console's outbox panel (`GET /_console`, dev mode): the app's subscription messages, newest
// first, each with its time, recipient (name and id), event, page, fields and status. Expected
// rows written by hand; the HTML is read as a browser gets it.
import type { Emulator } from '../src/index'
import { OUTBOX_PANEL_SIZE } from '../src/console'
import { start } from './helpers'

let emulator: Emulator

const at = (iso: string) => new Date(iso)

beforeAll(async () => {
  emulator = await start({
    dev: true,
    collections: [{ name: 'outbox' }, { name: 'members' }, { name: 'staff' }],
  })
  emulator.bulkInsert('staff', [{ _id: 'staff-water', name: '马丽娟' }])
  emulator.bulkInsert('members', [
    { _id: 'demo-committee', name: '张建国' },
    { _id: 'demo-resident-1', name: '陈大山' },
  ])
  emulator.bulkInsert('outbox', [
    {
      _id: 'matterRaised_m1_demo-committee',
      villageId: 'v',
      memberId: 'demo-committee',
      event: 'matterRaised',
      subjectId: 'm1',
      page: 'packages/committee/pages/matter/index?id=m1',
      data: { thing1: '村口路灯坏了', name2: '陈大山' },
      createdAt: at('2026-11-21T01:00:00Z'),
      status: 'queued',
    },
    {
      _id: 'matterAnswered_m1_demo-resident-1',
      villageId: 'v',
      memberId: 'demo-resident-1',
      event: 'matterAnswered',
      subjectId: 'm1',
      page: 'packages/matters/pages/detail/index?id=m1',
      data: { thing1: '村口路灯坏了', phrase2: '已受理' },
      createdAt: at('2026-11-21T02:00:00Z'),
      status: 'failed',
      error: 'errcode 43101 user refuse to accept the msg',
    },
    {
      _id: 'pollResult_p1_gone',
      villageId: 'v',
      memberId: 'gone',
      event: 'pollResult',
      subjectId: 'p1',
      page: 'packages/notice/pages/index/index?pollId=p1',
      data: { thing1: '<b>是否</b>' },
      createdAt: at('2026-11-21T03:00:00Z'),
      status: 'sent',
      sentAt: at('2026-11-21T03:00:01Z'),
    },
    {
      _id: 'whistleBlown_w1_staff-water',
      staffId: 'staff-water',
      districtId: 'd',
      event: 'whistleBlown',
      subjectId: 'w1',
      page: 'packages/township/pages/whistle/index?id=w1',
      data: { thing1: '停水' },
      createdAt: at('2026-11-21T00:30:00Z'),
      status: 'queued',
    },
  ])
})
afterAll(() => emulator.close())

const consoleHtml = async () => {
  const res = await fetch(`${emulator.url}/_console`)
  expect(res.status).toBe(200)
  return res.text()
}

/** The panel's rows as cell texts (tags stripped, entities decoded). */
function outboxRows(html: string): string[][] {
  const panel = html.slice(html.indexOf('<h2 id="outbox">'), html.indexOf('<h2 id="collections">'))
  const body = panel.slice(panel.indexOf('<tbody>'), panel.indexOf('</tbody>'))
  const text = (cell: string) =>
    cell
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .trim()
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1] ?? '')),
  )
}

describe('the console’s outbox panel', () => {
  it('lists every message, newest first: time, recipient, event, page, fields, status', async () => {
    const html = await consoleHtml()
    expect(html).toContain('<h2 id="outbox">消息 Outbox (4)</h2>')
    expect(outboxRows(html)).toEqual([
      [
        '2026-11-21T03:00:00.000Z',
        'gone',
        'pollResult',
        'packages/notice/pages/index/index?pollId=p1',
        'thing1: <b>是否</b>',
        'sent 2026-11-21T03:00:01.000Z',
        'pollResult_p1_gone',
      ],
      [
        '2026-11-21T02:00:00.000Z',
        '陈大山 demo-resident-1',
        'matterAnswered',
        'packages/matters/pages/detail/index?id=m1',
        'thing1: 村口路灯坏了\nphrase2: 已受理',
        'failed: errcode 43101 user refuse to accept the msg',
        'matterAnswered_m1_demo-resident-1',
      ],
      [
        '2026-11-21T01:00:00.000Z',
        '张建国 demo-committee',
        'matterRaised',
        'packages/committee/pages/matter/index?id=m1',
        'thing1: 村口路灯坏了\nname2: 陈大山',
        'queued',
        'matterRaised_m1_demo-committee',
      ],
      [
        '2026-11-21T00:30:00.000Z',
        '马丽娟 staff-water',
        'whistleBlown',
        'packages/township/pages/whistle/index?id=w1',
        'thing1: 停水',
        'queued',
        'whistleBlown_w1_staff-water',
      ],
    ])
    // what people wrote is escaped, never markup
    expect(html).not.toContain('<b>是否</b>')
    expect(html).toContain('<a href="/_console#outbox">')
  })

  it(`shows the newest ${OUTBOX_PANEL_SIZE} and links to the whole collection`, async () => {
    emulator.bulkInsert(
      'outbox',
      Array.from({ length: OUTBOX_PANEL_SIZE }, (_, i) => ({
        _id: `bulk-${String(i).padStart(3, '0')}`,
        memberId: 'demo-committee',
        event: 'joinRequested',
        page: 'packages/committee/pages/members/index',
        data: {},
        createdAt: at(
          `2026-11-22T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
        ),
        status: 'queued',
      })),
    )
    const html = await consoleHtml()
    const rows = outboxRows(html)
    expect(rows).toHaveLength(OUTBOX_PANEL_SIZE)
    expect(rows[0]?.[6]).toBe(`bulk-${String(OUTBOX_PANEL_SIZE - 1).padStart(3, '0')}`)
    expect(rows.map((r) => r[6])).not.toContain('matterRaised_m1_demo-committee')
    expect(html).toContain('newest 100 of 104')
    expect(html).toContain('href="/_console/collections/outbox"')
  })

  it('without an outbox collection there is no panel', async () => {
    const bare = await start({ dev: true, collections: [{ name: 'members' }] })
    try {
      const html = await (await fetch(`${bare.url}/_console`)).text()
      expect(html).not.toContain('id="outbox"')
    } finally {
      await bare.close()
    }
  })
})

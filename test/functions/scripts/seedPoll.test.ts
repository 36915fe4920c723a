/**
 * The demo village's counted poll (scripts/seedPoll.ts through seedDemo): on 村里办老年食堂, a secret
 * 村民代表会议 poll, every one of the seven representatives voting (5 赞成, 1 反对, 1 弃权), counted
 * by the real count code — so its export checks with verify-tally against the published digest,
 * the matter is 已决议 with the resolution, and seeding again changes nothing. Expected by hand.
 */
import { seedDemo } from '../../../scripts/seed'
import { MATCH, verifyTally } from '../../../scripts/verifyTally'
import { DEMO_POLL } from '../../../domain/matters/demo'
import { startBackend, TEST_BALLOT_SECRET, TEST_NOW, type Backend } from '../support/backend'
import { snapshot } from '../support/snapshot'

let backend: Backend
const seed = () =>
  seedDemo({
    serviceUrl: backend.emulator.serviceUrl,
    now: TEST_NOW,
    ballotSecret: TEST_BALLOT_SECRET,
  })

beforeAll(async () => {
  backend = await startBackend()
  await seed()
})
afterAll(() => backend.close())

const RESIDENT = 'dev-openid-resident-1'

describe('the seeded counted poll', () => {
  it('is demo-poll-canteen on 村里办老年食堂, counted 20 s after 21:00 of 7 November', async () => {
    expect(DEMO_POLL.id).toBe('demo-poll-canteen')
    const res = await backend.call(RESIDENT, 'polls', 'getPoll', { pollId: 'demo-poll-canteen' })
    if (!res.ok) throw new Error(res.error.message)
    const p = res.data
    // opened 17 days before Saturday 21 November 09:00 (4 November), three days' notice: closes
    // 7 November 21:00 Shanghai
    expect([p.phase, p.status, p.body, p.kind, p.secret, p.closesAt, p.openedAt]).toEqual([
      'closed',
      'closed',
      'representatives',
      'yesNo',
      true,
      '2026-11-07T13:00:00.000Z',
      '2026-11-04T01:00:00.000Z',
    ])
    expect(p.result).toMatchObject({
      counts: { yes: 5, no: 1, abstain: 1 },
      spoiled: 0,
      present: 7,
      turnout: 7,
      electorate: { size: 7, representatives: 7 },
      valid: true,
      passed: true,
      decides: true,
      ballots: 7,
      unconfirmedPaper: 0,
    })
    expect(p.result?.sentence).toMatch(/决议通过。$/)
  })

  it('its export checks with verify-tally against the published digest', async () => {
    const exp = await backend.call(RESIDENT, 'polls', 'exportBallots', { pollId: DEMO_POLL.id })
    if (!exp.ok) throw new Error(exp.error.message)
    const poll = await backend.call(RESIDENT, 'polls', 'getPoll', { pollId: DEMO_POLL.id })
    const digest = poll.ok ? (poll.data.result?.digest ?? '') : ''
    expect(exp.data.digest).toBe(digest)
    expect(verifyTally(exp.data.csv, digest).exitCode).toBe(MATCH)
    // seven ballots, no names in a secret poll's export
    expect(exp.data.csv).not.toMatch(/赵红|王芳|demo-/)
  })

  it('moved the matter to 已决议 with the resolution on its timeline', async () => {
    const res = await backend.call(RESIDENT, 'matters', 'getMatter', {
      matterId: 'demo-matter-decided',
    })
    if (!res.ok) throw new Error(res.error.message)
    expect(res.data.status).toBe('decided')
    expect(res.data.decision).toMatch(
      /^是否同意利用村委会旧办公室办老年食堂，每餐收 5 元，不足部分由集体补贴？：通过（.*决议通过。）$/,
    )
    expect(res.data.timeline.slice(0, 2).map((e) => [e.action, e.from, e.to])).toEqual([
      ['publishTally', 'deciding', 'decided'],
      ['openPoll', 'discussing', 'deciding'],
    ])
    expect(res.data.polls.map((p) => [p.id, p.phase, p.passed])).toEqual([
      ['demo-poll-canteen', 'closed', true],
    ])
  })

  it('seeding again changes nothing', async () => {
    const before = await snapshot(backend)
    await seed()
    expect(await snapshot(backend)).toEqual(before)
  })
})

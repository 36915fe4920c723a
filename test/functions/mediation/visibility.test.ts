/**
 * The Done-when of #14 for mediation: a case is invisible to a non-party member and to another
 * village's committee. CAST.resident2 (no party) gets only the brief — the matter's title and the
 * public word — from getMediation and listMediations; village B's committee gets NOT_FOUND, the
 * very answer a made-up id gets, and an empty list; and no private word of the case (meeting
 * place and notes, the agreement, a failure's note, a referral, the name of a party who did not
 * raise the matter) reaches a non-party through any answer of the matters function either.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, seedCast } from '../support/fixtures'
import { snapshot } from '../support/snapshot'
import {
  data,
  disputeMatter,
  PROPOSED_AT,
  SECRET,
  seedMediationCast,
} from '../support/mediationFixtures'

let backend: Backend

const OPEN = 'm-vis-open'
const AGREED = 'm-vis-agreed'
const REFERRED = 'm-vis-referred'
const OTHER_B = CAST.otherCommittee

/** Everything private in the three cases: none of it may reach a non-party. */
const PRIVATE = [
  SECRET.place,
  SECRET.notes,
  SECRET.agreement,
  SECRET.failure,
  SECRET.referredTo,
  SECRET.referral,
  // the party who did not raise the matter (CAST.resident raised it: their name is on it anyway)
  CAST.representative.name,
  // their member id as a JSON value (a bare `rep` is inside words such as `representatives`)
  `"${CAST.representative._id}"`,
  // a private status word
  '已转法律援助',
  '调解未成',
]

/** Calls the mediation function as `openid`, and insists it worked. */
async function must(openid: string, action: string, payload: Record<string, unknown>) {
  return data(await backend.call(openid, 'mediation', action as never, payload)) as {
    agreement?: { proposedAt: string }
  }
}

/** A case made through the function, as a legal officer and the parties would make it. */
async function caseThrough(matterId: string, then: 'open' | 'agreed' | 'referred') {
  const officer = CAST.legalOfficer.openid
  insert(backend, COLLECTION.matters, [disputeMatter(matterId)])
  await must(officer, 'openMediation', {
    matterId,
    partyIds: [CAST.resident._id, CAST.representative._id],
  })
  await must(officer, 'recordMeeting', {
    caseId: matterId,
    at: TEST_NOW.toISOString(),
    place: SECRET.place,
    notes: SECRET.notes,
  })
  if (then === 'referred') {
    await must(officer, 'recordFailure', { caseId: matterId, note: SECRET.failure })
    await must(officer, 'referToLegalAid', {
      caseId: matterId,
      to: SECRET.referredTo,
      note: SECRET.referral,
    })
    return
  }
  const { agreement } = await must(officer, 'proposeAgreement', {
    caseId: matterId,
    text: SECRET.agreement,
  })
  if (then === 'agreed') {
    for (const p of [CAST.resident, CAST.representative]) {
      await must(p.openid, 'confirmAgreement', {
        caseId: matterId,
        proposedAt: agreement?.proposedAt,
      })
    }
  }
}

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  seedMediationCast(backend)
  await caseThrough(OPEN, 'open')
  await caseThrough(AGREED, 'agreed')
  await caseThrough(REFERRED, 'referred')
  insert(backend, COLLECTION.matters, [disputeMatter('m-vis-none')])
})
afterAll(() => backend.close())

const mediation = (openid: string, action: string, payload: Record<string, unknown>) =>
  backend.call(openid, 'mediation', action as never, payload)
const list = (openid: string, payload: Record<string, unknown>) =>
  backend.call(openid, 'mediation', 'listMediations', payload)

describe('a non-party member of the village', () => {
  const res2 = CAST.resident2.openid

  it('getMediation: the brief only — the title and the public word', async () => {
    const expected = [
      [OPEN, '调解中'],
      [AGREED, '已调解'],
      [REFERRED, '调解结束'],
    ]
    for (const [matterId, label] of expected) {
      expect(data(await mediation(res2, 'getMediation', { matterId }))).toEqual({
        kind: 'brief',
        matterId,
        matterTitle: `邻里纠纷${matterId}`,
        statusLabel: label,
      })
    }
  })

  it('listMediations: the briefs only; asked by status, nothing', async () => {
    const { items } = data(await list(res2, {}))
    expect(items).toHaveLength(3)
    for (const item of items)
      expect(Object.keys(item).sort()).toEqual(['kind', 'matterId', 'matterTitle', 'statusLabel'])
    for (const status of ['open', 'agreed', 'failed', 'referred']) {
      expect(data(await mediation(res2, 'listMediations', { status }))).toEqual({ items: [] })
    }
  })

  it('nothing private in any answer of the matters or mediation functions', async () => {
    const answers = await Promise.all([
      ...[OPEN, AGREED, REFERRED].flatMap((matterId) => [
        backend.call(res2, 'matters', 'getMatter', { matterId }),
        backend.call(res2, 'matters', 'listTimeline', { matterId, limit: 50 }),
        mediation(res2, 'getMediation', { matterId }),
      ]),
      backend.call(res2, 'matters', 'listMatters', { limit: 50 }),
      backend.call(res2, 'matters', 'listMatters', { limit: 50, q: '东墙' }),
      backend.call(res2, 'matters', 'getHome', {}),
      mediation(res2, 'listMediations', {}),
    ])
    for (const a of answers) expect(a.ok).toBe(true)
    const text = JSON.stringify(answers)
    for (const secret of PRIVATE)
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false })
    // the search above is able to find them: the committee's list holds them all
    const control = JSON.stringify(await mediation(CAST.committee.openid, 'listMediations', {}))
    for (const secret of PRIVATE.filter((w) => w !== '调解未成')) expect(control).toContain(secret)
    // and the page does say how it stands, in the public word
    const page = data(await backend.call(res2, 'matters', 'getMatter', { matterId: REFERRED }))
    expect(page.mediation).toEqual({ statusLabel: '调解结束', kind: 'brief' })
    // (both at the test's one instant: in either order)
    expect(page.timeline.map((e) => e.action).sort()).toEqual(['mediationEnded', 'openMediation'])
  })

  it('a write on the case: FORBIDDEN, and nothing written', async () => {
    const before = await snapshot(backend)
    const tries: Array<[string, Record<string, unknown>]> = [
      ['recordMeeting', { caseId: OPEN, at: TEST_NOW.toISOString(), place: '家里', notes: '看看' }],
      ['proposeAgreement', { caseId: OPEN, text: '我来定' }],
      ['confirmAgreement', { caseId: OPEN, proposedAt: PROPOSED_AT.toISOString() }],
      ['recordFailure', { caseId: OPEN, note: '' }],
      ['referToLegalAid', { caseId: OPEN, to: '别处', note: '' }],
    ]
    for (const [action, payload] of tries) {
      const res = await mediation(res2, action, payload)
      expect(res).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
      expect(JSON.stringify(res)).not.toContain(SECRET.agreement)
    }
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('another village’s committee', () => {
  const ocom = OTHER_B.openid

  it('getMediation: NOT_FOUND, the very answer a made-up id and a matter without a case get', async () => {
    const madeUp = await mediation(ocom, 'getMediation', { matterId: 'no-such-matter' })
    expect(madeUp).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '找不到这起调解。' } })
    for (const matterId of [OPEN, AGREED, REFERRED]) {
      expect(await mediation(ocom, 'getMediation', { matterId })).toEqual(madeUp)
    }
    // a member of village A asking about a matter with no case gets it too
    expect(
      await mediation(CAST.resident2.openid, 'getMediation', { matterId: 'm-vis-none' }),
    ).toEqual(madeUp)
  })

  it('listMediations: their own village’s cases only (none)', async () => {
    expect(data(await mediation(ocom, 'listMediations', {}))).toEqual({ items: [] })
  })

  it('every write on the case: NOT_FOUND, nothing written; the matter is NOT_FOUND too', async () => {
    const before = await snapshot(backend)
    const madeUp = { ok: false, error: { code: 'NOT_FOUND', message: '找不到这起调解。' } }
    const tries: Array<[string, Record<string, unknown>]> = [
      ['recordMeeting', { caseId: OPEN, at: TEST_NOW.toISOString(), place: '家里', notes: '看看' }],
      ['proposeAgreement', { caseId: OPEN, text: '我来定' }],
      ['confirmAgreement', { caseId: OPEN, proposedAt: PROPOSED_AT.toISOString() }],
      ['recordFailure', { caseId: OPEN, note: '' }],
      ['referToLegalAid', { caseId: OPEN, to: '别处', note: '' }],
    ]
    for (const [action, payload] of tries)
      expect(await mediation(ocom, action, payload)).toEqual(madeUp)
    expect(await backend.call(ocom, 'matters', 'getMatter', { matterId: OPEN })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '找不到这件事，可能已被删除。' },
    })
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('those who see the whole case', () => {
  it('the parties, the case’s officer and the committee; another legal officer only the brief', async () => {
    const kinds: Record<string, string> = {}
    for (const [name, openid] of [
      ['resident', CAST.resident.openid],
      ['representative', CAST.representative.openid],
      ['legalOfficer', CAST.legalOfficer.openid],
      ['committee', CAST.committee.openid],
      ['moderator', CAST.moderator.openid],
      ['law2', 'openid-law2'],
    ] as const) {
      const v = data(await mediation(openid, 'getMediation', { matterId: OPEN })) as {
        kind: string
      }
      kinds[name] = v.kind
    }
    expect(kinds).toEqual({
      resident: 'full',
      representative: 'full',
      legalOfficer: 'full',
      committee: 'full',
      moderator: 'brief',
      law2: 'brief',
    })
    const committeeList = data(await list(CAST.committee.openid, { status: 'referred' }))
    expect(committeeList.items).toMatchObject([
      {
        kind: 'full',
        id: REFERRED,
        statusLabel: '已转法律援助',
        referral: { to: SECRET.referredTo },
      },
    ])
  })
})

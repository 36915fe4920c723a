/**
 * 调解 through the emulator (#14, point 4): the legal officer opens a case on a dispute between
 * two residents, records a meeting, proposes the agreement; each party confirms on their own phone
 * (two callers); the case is 已调解, and the matter's timeline shows only the public steps. A new
 * proposal after one confirmation clears it; a failure, and a referral to 法律援助.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { TimelineItem } from '../../../types/api/matters'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, seedCast } from '../support/fixtures'
import {
  data,
  disputeMatter,
  full,
  PARTIES,
  SECRET,
  seedMediationCast,
} from '../support/mediationFixtures'

let backend: Backend
const officer = CAST.legalOfficer.openid
const [partyA, partyB] = PARTIES

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  seedMediationCast(backend)
})
afterAll(() => backend.close())

const call = {
  mediation: (openid: string, action: string, payload: Record<string, unknown>) =>
    backend.call(openid, 'mediation', action as never, payload),
}

const at = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000)

async function open(matterId: string) {
  insert(backend, COLLECTION.matters, [disputeMatter(matterId)])
  backend.emulator.clock.set(TEST_NOW)
  return full(
    data(
      await call.mediation(officer, 'openMediation', {
        matterId,
        partyIds: PARTIES.map((p) => p._id),
      }),
    ),
  )
}

async function timeline(openid: string, matterId: string): Promise<TimelineItem[]> {
  return data(await backend.call(openid, 'matters', 'getMatter', { matterId })).timeline
}

describe('a case from opening to agreement', () => {
  it('the officer opens, meets, proposes; each party confirms on their own; 已调解', async () => {
    const opened = await open('m-journey')
    expect(opened).toEqual({
      kind: 'full',
      id: 'm-journey',
      matterId: 'm-journey',
      matterTitle: '邻里纠纷m-journey',
      status: 'open',
      statusLabel: '调解中',
      legalOfficer: { memberId: CAST.legalOfficer._id, name: CAST.legalOfficer.name },
      parties: [
        { memberId: partyA._id, name: partyA.name },
        { memberId: partyB._id, name: partyB.name },
      ],
      meetings: [],
      mayConfirm: false,
      mayLead: true, // the officer who opened it
    })

    backend.emulator.clock.set(at(60))
    const met = full(
      data(
        await call.mediation(officer, 'recordMeeting', {
          caseId: opened.id,
          at: at(30).toISOString(),
          place: ` ${SECRET.place} `,
          notes: SECRET.notes,
        }),
      ),
    )
    expect(met.meetings).toEqual([
      { at: at(30).toISOString(), place: SECRET.place, notes: SECRET.notes },
    ])

    backend.emulator.clock.set(at(120))
    const proposed = full(
      data(
        await call.mediation(officer, 'proposeAgreement', {
          caseId: opened.id,
          text: SECRET.agreement,
        }),
      ),
    )
    expect(proposed.agreement).toEqual({
      text: SECRET.agreement,
      proposedAt: at(120).toISOString(),
    })
    expect(proposed.mayConfirm).toBe(false) // the officer is no party

    // each party reads it on their own phone and may confirm
    const readByA = full(
      data(await call.mediation(partyA.openid, 'getMediation', { matterId: opened.id })),
    )
    expect(readByA.mayConfirm).toBe(true)
    backend.emulator.clock.set(at(180))
    const first = full(
      data(
        await call.mediation(partyA.openid, 'confirmAgreement', {
          caseId: opened.id,
          proposedAt: readByA.agreement?.proposedAt,
        }),
      ),
    )
    expect(first.status).toBe('open')
    expect(first.mayConfirm).toBe(false)
    expect(first.parties).toEqual([
      { memberId: partyA._id, name: partyA.name, confirmedAt: at(180).toISOString() },
      { memberId: partyB._id, name: partyB.name },
    ])

    const readByB = full(
      data(await call.mediation(partyB.openid, 'getMediation', { matterId: opened.id })),
    )
    expect(readByB.mayConfirm).toBe(true)
    backend.emulator.clock.set(at(240))
    const agreed = full(
      data(
        await call.mediation(partyB.openid, 'confirmAgreement', {
          caseId: opened.id,
          proposedAt: readByB.agreement?.proposedAt,
        }),
      ),
    )
    expect(agreed).toMatchObject({
      status: 'agreed',
      statusLabel: '已调解',
      closedOn: '2026-11-21',
    })
    expect(agreed.parties.map((p) => p.confirmedAt)).toEqual([
      at(180).toISOString(),
      at(240).toISOString(),
    ])

    // the matter's timeline: the two public steps, in the officer's name, and nothing else
    const steps = (await timeline(CAST.resident2.openid, opened.matterId)).filter((e) =>
      ['openMediation', 'mediationAgreed', 'mediationEnded'].includes(e.action),
    )
    expect(steps).toEqual([
      { at: at(240).toISOString(), actorName: CAST.legalOfficer.name, action: 'mediationAgreed' },
      { at: TEST_NOW.toISOString(), actorName: CAST.legalOfficer.name, action: 'openMediation' },
    ])
    expect(await timeline(CAST.resident2.openid, opened.matterId)).toHaveLength(2)

    // the case's own audit: every change, who made it (the parties their own confirmations)
    const audit = (await backend.all(COLLECTION.auditLogs))
      .filter((a) => a.subjectType === 'mediation' && a.subjectId === opened.id)
      .sort((a, b) => new Date(a.at as Date).getTime() - new Date(b.at as Date).getTime())
    expect(audit.map((a) => [a.action, a.actorId, a.from, a.to])).toEqual([
      ['openMediation', CAST.legalOfficer._id, undefined, 'open'],
      ['recordMeeting', CAST.legalOfficer._id, 'open', 'open'],
      ['proposeAgreement', CAST.legalOfficer._id, 'open', 'open'],
      ['confirmAgreement', partyA._id, 'open', 'open'],
      ['confirmAgreement', partyB._id, 'open', 'agreed'],
    ])

    // the matter page's word for it: the same for a non-party and the committee here
    // (and whether the page links to the whole case: not for the non-party)
    for (const [who, kind] of [
      [CAST.resident2, 'brief'],
      [CAST.committee, 'full'],
      [partyA, 'full'],
    ] as const) {
      const d = data(
        await backend.call(who.openid, 'matters', 'getMatter', { matterId: opened.id }),
      )
      expect(d.mediation).toEqual({ statusLabel: '已调解', kind })
    }
  })

  it('a new proposal after one confirmation clears it: both confirm the new text', async () => {
    const opened = await open('m-repropose')
    backend.emulator.clock.set(at(10))
    const first = full(
      data(
        await call.mediation(officer, 'proposeAgreement', {
          caseId: opened.id,
          text: SECRET.agreement,
        }),
      ),
    )
    backend.emulator.clock.set(at(20))
    data(
      await call.mediation(partyA.openid, 'confirmAgreement', {
        caseId: opened.id,
        proposedAt: first.agreement?.proposedAt,
      }),
    )
    backend.emulator.clock.set(at(30))
    const again = full(
      data(
        await call.mediation(officer, 'proposeAgreement', {
          caseId: opened.id,
          text: SECRET.reproposed,
        }),
      ),
    )
    expect(again.agreement).toEqual({ text: SECRET.reproposed, proposedAt: at(30).toISOString() })
    expect(again.parties.every((p) => p.confirmedAt === undefined)).toBe(true)
    const readByA = full(
      data(await call.mediation(partyA.openid, 'getMediation', { matterId: opened.id })),
    )
    expect(readByA.mayConfirm).toBe(true)
    // the old words stay in the case's audit record of the new proposal
    const replaced = (await backend.all(COLLECTION.auditLogs)).filter(
      (a) => a.subjectId === opened.id && a.action === 'proposeAgreement' && a.textBefore,
    )
    expect(replaced.map((a) => a.textBefore)).toEqual([SECRET.agreement])

    for (const [party, minutes] of [
      [partyB, 40],
      [partyA, 50],
    ] as const) {
      backend.emulator.clock.set(at(minutes))
      data(
        await call.mediation(party.openid, 'confirmAgreement', {
          caseId: opened.id,
          proposedAt: again.agreement?.proposedAt,
        }),
      )
    }
    const done = full(data(await call.mediation(officer, 'getMediation', { matterId: opened.id })))
    expect(done.status).toBe('agreed')
  })
})

describe('when mediation fails', () => {
  it('the officer records the failure, then refers to 法律援助; the village reads 调解结束 once', async () => {
    const opened = await open('m-fails')
    backend.emulator.clock.set(at(60))
    const failed = full(
      data(
        await call.mediation(officer, 'recordFailure', { caseId: opened.id, note: SECRET.failure }),
      ),
    )
    expect(failed).toMatchObject({
      status: 'failed',
      statusLabel: '调解未成',
      failure: { note: SECRET.failure, at: at(60).toISOString() },
      closedOn: '2026-11-21',
    })
    backend.emulator.clock.set(at(24 * 60))
    const referred = full(
      data(
        await call.mediation(officer, 'referToLegalAid', {
          caseId: opened.id,
          to: SECRET.referredTo,
          note: SECRET.referral,
        }),
      ),
    )
    expect(referred).toMatchObject({
      status: 'referred',
      statusLabel: '已转法律援助',
      referral: { to: SECRET.referredTo, at: at(24 * 60).toISOString(), note: SECRET.referral },
      // the day mediation ended: the failure's
      closedOn: '2026-11-21',
    })
    expect((await timeline(CAST.resident2.openid, opened.matterId)).map((e) => e.action)).toEqual([
      'mediationEnded',
      'openMediation',
    ])
    const brief = data(
      await call.mediation(CAST.resident2.openid, 'getMediation', { matterId: opened.id }),
    )
    expect(brief).toEqual({
      kind: 'brief',
      matterId: opened.id,
      matterTitle: '邻里纠纷m-fails',
      statusLabel: '调解结束',
    })
    const page = (openid: string) =>
      backend.call(openid, 'matters', 'getMatter', { matterId: opened.id })
    expect(data(await page(CAST.resident2.openid)).mediation).toEqual({
      statusLabel: '调解结束',
      kind: 'brief',
    })
    expect(data(await page(CAST.committee.openid)).mediation).toEqual({
      statusLabel: '已转法律援助',
      kind: 'full',
    })
  })

  it('an open case goes straight to 法律援助', async () => {
    const opened = await open('m-refer')
    backend.emulator.clock.set(at(5))
    const referred = full(
      data(
        await call.mediation(officer, 'referToLegalAid', {
          caseId: opened.id,
          to: SECRET.referredTo,
          note: '',
        }),
      ),
    )
    expect(referred).toMatchObject({
      status: 'referred',
      referral: { note: '' },
      closedOn: '2026-11-21',
    })
  })
})

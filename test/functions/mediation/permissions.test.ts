/**
 * Every mediation action × every kind of caller: one member per CAST role in village A (the
 * parties CAST.resident and CAST.representative; CAST.resident2, a member who is no
 * party; the committee; a moderator; the case's legal officer and another legal officer of
 * the village), village B's committee, a pending applicant and a stranger. The expected outcome of
 * each cell is written out here by hand, not derived from domain/permissions or the rules; around
 * every cell the whole database is compared: unchanged on a refusal and on a read, changed on an
 * allowed write.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { MediationApi } from '../../../types/api/mediation'
import type { MediationCase } from '../../../types/model/township'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, seedCast, STRANGER } from '../support/fixtures'
import { snapshot } from '../support/snapshot'
import {
  disputeMatter,
  OTHER_OFFICER,
  proposedCase,
  PROPOSED_AT,
  seedCase,
  seedMediationCast,
  storedCase,
} from '../support/mediationFixtures'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  seedMediationCast(backend)
})
afterAll(() => backend.close())

type Caller = keyof typeof CAST | 'otherOfficer' | 'stranger'
const openidOf = (c: Caller): string =>
  c === 'stranger' ? STRANGER : c === 'otherOfficer' ? OTHER_OFFICER.openid : CAST[c].openid

type Action = keyof MediationApi
/**
 * ok: allowed (a write changes the database); full / brief: what a read answers about the cell's
 * case (listMediations: its item; absent: not in the list); names: the names to choose parties
 * from, and nothing written; otherwise the refusal's code.
 */
type Outcome =
  'ok' | 'full' | 'brief' | 'absent' | 'names' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND'

const U = 'UNAUTHENTICATED'
const F = 'FORBIDDEN'
const N = 'NOT_FOUND'

/** The table, by hand. Columns: the callers in this order. */
const CALLERS: Caller[] = [
  'resident', // party
  'representative', // party
  'resident2', // no party
  'committee',
  'moderator',
  'legalOfficer', // the case's officer
  'otherOfficer', // another legal officer of village A
  'otherCommittee', // village B
  'pending',
  'stranger',
]
// prettier-ignore
const TABLE: Record<Action, Outcome[]> = {
  //                res       rep      res2     com      mod      law      law2     ocom      pen  stranger
  openMediation:    [F,       F,       F,       F,       F,       'ok',    'ok',    N,        U,   U],
  listPartyChoices: [F,       F,       F,       F,       F,       'names', 'names', N,        U,   U],
  getMediation:     ['full',  'full',  'brief', 'full',  'brief', 'full',  'brief', N,        U,   U],
  listMediations:   ['full',  'full',  'brief', 'full',  'brief', 'full',  'brief', 'absent', U,   U],
  recordMeeting:    [F,       F,       F,       F,       F,       'ok',    F,       N,        U,   U],
  proposeAgreement: [F,       F,       F,       F,       F,       'ok',    F,       N,        U,   U],
  confirmAgreement: ['ok',    'ok',    F,       F,       F,       F,       F,       N,        U,   U],
  recordFailure:    [F,       F,       F,       F,       F,       'ok',    F,       N,        U,   U],
  referToLegalAid:  [F,       F,       F,       F,       F,       'ok',    F,       N,        U,   U],
}

/** The cell's subject (a matter of its own, with the case the action needs) and payload. */
function arrange(action: Action, id: string): Record<string, unknown> {
  const withCase = (c: MediationCase) => seedCase(backend, c)
  switch (action) {
    case 'listPartyChoices':
      insert(backend, COLLECTION.matters, [disputeMatter(id)])
      return { matterId: id }
    case 'openMediation':
      insert(backend, COLLECTION.matters, [disputeMatter(id)])
      return { matterId: id, partyIds: [CAST.resident._id, CAST.representative._id] }
    case 'getMediation':
      withCase(storedCase(id))
      return { matterId: id }
    case 'listMediations':
      withCase(storedCase(id))
      return {}
    case 'recordMeeting':
      withCase(storedCase(id))
      return { caseId: id, at: TEST_NOW.toISOString(), place: '村委会', notes: '双方谈了一次' }
    case 'proposeAgreement':
      withCase(storedCase(id))
      return { caseId: id, text: '东墙归张家' }
    case 'confirmAgreement':
      withCase(proposedCase(id))
      return { caseId: id, proposedAt: PROPOSED_AT.toISOString() }
    case 'recordFailure':
      withCase(storedCase(id))
      return { caseId: id, note: '分歧太大' }
    case 'referToLegalAid':
      withCase(storedCase(id))
      return { caseId: id, to: '区法律援助中心', note: '' }
  }
}

const MATRIX = (Object.keys(TABLE) as Action[]).flatMap((action) =>
  CALLERS.map((caller, i) => [action, caller, TABLE[action][i] as Outcome] as const),
)

describe('mediation permission matrix', () => {
  it('covers every action of the function and every caller', () => {
    expect(Object.keys(TABLE).sort()).toEqual(
      [
        'confirmAgreement',
        'getMediation',
        'listMediations',
        'listPartyChoices',
        'openMediation',
        'proposeAgreement',
        'recordFailure',
        'recordMeeting',
        'referToLegalAid',
      ].sort(),
    )
    for (const row of Object.values(TABLE)) expect(row).toHaveLength(CALLERS.length)
  })

  it.each(MATRIX)('%s by %s → %s', async (action, caller, outcome) => {
    const id = `m-${action}-${caller}`
    const payload = arrange(action, id)
    const before = await snapshot(backend)
    const res = await backend.call(openidOf(caller), 'mediation', action, payload)
    const after = await snapshot(backend)
    switch (outcome) {
      case 'ok':
        expect(res).toEqual({ ok: true, data: expect.objectContaining({ kind: 'full', id }) })
        expect(after).not.toEqual(before)
        break
      case 'names': {
        if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
        const { members } = res.data as { members: Array<{ memberId: string; name: string }> }
        expect(members.map((m) => m.memberId)).toEqual(
          expect.arrayContaining([CAST.resident._id, CAST.representative._id]),
        )
        // names only: no phone, no roles, no openid
        for (const m of members) expect(Object.keys(m).sort()).toEqual(['memberId', 'name'])
        expect(after).toEqual(before)
        break
      }
      case 'full':
      case 'brief':
      case 'absent': {
        if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
        const data = res.data as { kind: string; matterId: string; items?: unknown[] }
        const item =
          action === 'listMediations'
            ? (data.items as Array<{ kind: string; matterId: string }>).find(
                (x) => x.matterId === id,
              )
            : data
        expect(item?.kind ?? 'absent').toBe(outcome)
        expect(after).toEqual(before)
        break
      }
      default:
        expect(res).toEqual({ ok: false, error: { code: outcome, message: expect.any(String) } })
        expect(after).toEqual(before)
    }
  })
})

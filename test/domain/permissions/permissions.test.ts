/**
 * The permission table, cell by cell: who may do each action in their own village. Written out by
 * hand, so a change to domain/permissions must be made here too, on purpose.
 */
import {
  ACTIONS,
  can,
  NOT_A_MEMBER,
  NOT_ALLOWED,
  type Action,
  type Actor,
} from '../../../domain/permissions'
import type { Role } from '../../../types/model/member'

const V = 'v1'
const actor = (roles: Role[], over: Partial<Actor> = {}): Actor => ({
  memberId: 'me',
  villageId: V,
  roles,
  status: 'verified',
  ...over,
})

const WHO = {
  resident: actor(['resident']),
  representative: actor(['resident', 'representative']),
  committee: actor(['resident', 'committee']),
  moderator: actor(['resident', 'moderator']),
  legalOfficer: actor(['resident', 'legalOfficer']),
}
type Who = keyof typeof WHO
const ALL: Who[] = ['resident', 'representative', 'committee', 'moderator', 'legalOfficer']
const only = (...who: Who[]) => who

/** Who may act on a subject that is neither theirs nor handled by them. */
const EXPECTED: Record<Action, Who[]> = {
  viewVillage: ALL,
  listMembers: only('committee'),
  approveMember: only('committee'),
  declineMember: only('committee'),
  assignRoles: only('committee'),
  importHouseholds: only('committee'),
  updateVillage: only('committee'),
  listPersons: only('committee'),
  linkPerson: only('committee'),
  setRepresentative: only('committee'),
  setHouseholdVoter: only('committee'),
  viewMatter: ALL,
  raiseMatter: ALL,
  openTopic: only('committee'),
  withdrawMatter: only(),
  acceptMatter: only('committee'),
  declineMatter: only('committee'),
  mergeMatter: only('committee'),
  changeCategory: only('committee'),
  recordProcedureStep: only('committee'),
  startDiscussion: only('committee', 'moderator'),
  recordDecision: only('committee'),
  assignHandling: only('committee'),
  reportProgress: only('committee'),
  resolveMatter: only('committee'),
  closeMatter: only('moderator'),
  rateMatter: ALL,
  moveAgendaItem: only('committee'),
  reorderAgenda: only('committee'),
  recordMinutes: only('moderator'),
  viewConsole: only('committee', 'moderator'),
  viewRunSheet: only('committee', 'moderator'),
  viewDashboard: only('committee'),
  postStatement: ALL,
  listStatements: ALL,
  listModerationQueue: only('moderator'),
  editStatement: only(),
  deleteStatement: only(),
  reportStatement: ALL,
  hideStatement: only('moderator'),
  restoreStatement: only('moderator'),
  viewHiddenStatement: only('moderator'),
  draftPoll: only('committee', 'moderator'),
  openPoll: only('committee', 'moderator'),
  closePoll: only('committee'),
  castBallot: ALL,
  viewPoll: ALL,
  listVoters: only('committee'),
  exportBallots: ALL,
  markPaperVoter: only('committee'),
  enterPaperCounts: only('committee'),
  confirmPaperCounts: only('committee'),
  enterPaperBallot: only('committee'),
  confirmPaperBallot: only('committee'),
  // every member passes the table: the handler then allows only the voter's own household
  castProxyBallot: ALL,
  reachReport: only('committee'),
  subscribeMatter: only(),
  subscribePoll: ALL,
  subscribeCommittee: only('committee'),
  openMediation: only('legalOfficer'),
  listPartyChoices: only('legalOfficer'),
  // every member passes the table: mediationView then decides full case or public word
  viewMediation: ALL,
  recordMeeting: only('legalOfficer'),
  proposeAgreement: only('legalOfficer'),
  // every member passes the table: the rules then allow only a party of the case, themselves
  confirmAgreement: ALL,
  recordFailure: only('legalOfficer'),
  referToLegalAid: only('legalOfficer'),
  viewTownshipLists: only('committee'),
  raiseNeed: only('committee'),
  claimService: only('committee'),
  confirmClaim: only('committee'),
  declineClaim: only('committee'),
  withdrawClaim: only('committee'),
  withdrawListing: only('committee'),
  reportLedgerProgress: only('committee'),
  rateLedgerEntry: only('committee'),
  blowWhistle: only('committee'),
  viewWhistles: ALL,
}

const others = { villageId: V, ownerId: 'someone', handlerId: 'someone-else' }

describe('can(actor, action, subject)', () => {
  it('the table covers every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort())
  })

  it.each(ACTIONS.map((a) => [a]))('%s: allowed exactly for its roles', (action) => {
    for (const who of ALL) {
      const allowed = can(WHO[who], action, others).allowed
      expect({ who, allowed }).toEqual({ who, allowed: EXPECTED[action].includes(who) })
    }
  })

  it('owners may withdraw, edit and delete their own things', () => {
    const mine = { villageId: V, ownerId: 'me' }
    for (const a of [
      'withdrawMatter',
      'editStatement',
      'deleteStatement',
      'viewHiddenStatement',
    ] as Action[]) {
      expect(can(WHO.resident, a, mine).allowed).toBe(true)
    }
  })

  it('the assigned handler may report progress and resolve', () => {
    const handled = { villageId: V, ownerId: 'x', handlerId: 'me' }
    expect(can(WHO.resident, 'reportProgress', handled).allowed).toBe(true)
    expect(can(WHO.resident, 'resolveMatter', handled).allowed).toBe(true)
    expect(can(WHO.resident, 'assignHandling', handled).allowed).toBe(false)
  })

  it('nobody acts in another village, whatever their roles', () => {
    const elsewhere = { villageId: 'v2', ownerId: 'me', handlerId: 'me' }
    const everything = actor([
      'resident',
      'representative',
      'committee',
      'moderator',
      'legalOfficer',
    ])
    for (const a of ACTIONS)
      expect(can(everything, a, elsewhere)).toEqual({ allowed: false, error: NOT_ALLOWED })
  })

  it('strangers and members not (yet) verified are asked to join first', () => {
    for (const a of ACTIONS) {
      expect(can(null, a, others)).toEqual({ allowed: false, error: NOT_A_MEMBER })
      expect(can(actor(['committee'], { status: 'pending' }), a, others)).toEqual({
        allowed: false,
        error: NOT_A_MEMBER,
      })
      expect(can(actor(['committee'], { status: 'declined' }), a, others).allowed).toBe(false)
    }
  })

  it('an owner or handler relation never matches an empty id', () => {
    const bare = { villageId: V }
    expect(can(actor(['resident'], { memberId: '' }), 'withdrawMatter', bare).allowed).toBe(false)
  })
})

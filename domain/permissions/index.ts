/**
 * Who may do what: one pure table, `can(actor, action, subject)`. Every handler asks here after
 * validating its input and before touching the database.
 */
import type { AppError } from '../../types/api/errors'
import type { MemberStatus, Role } from '../../types/model/member'

/** The caller as the function knows them: their membership, or null when they are none. */
export interface Actor {
  memberId: string
  villageId: string
  roles: readonly Role[]
  status: MemberStatus
}

/** What is acted on: its village, and who owns or handles it where that matters. */
export interface Subject {
  villageId: string
  /** The member who raised / wrote / owns it. */
  ownerId?: string
  /** The member assigned to carry it out (民事民办). */
  handlerId?: string
}

/** `member`: any verified member of the village; `owner`/`handler`: that very member. */
export type Who = Role | 'member' | 'owner' | 'handler'

/** Every action that needs a verified member, and who may take it. */
export const PERMISSIONS = {
  // village
  viewVillage: ['member'],
  listMembers: ['committee'],
  approveMember: ['committee'],
  declineMember: ['committee'],
  assignRoles: ['committee'],
  importHouseholds: ['committee'],
  updateVillage: ['committee'],
  // the register as persons (村民代表, 户代表, links of accounts to persons)
  listPersons: ['committee'],
  linkPerson: ['committee'],
  setRepresentative: ['committee'],
  setHouseholdVoter: ['committee'],
  // matters
  viewMatter: ['member'],
  raiseMatter: ['member'],
  openTopic: ['committee'],
  withdrawMatter: ['owner'],
  acceptMatter: ['committee'],
  declineMatter: ['committee'],
  mergeMatter: ['committee'],
  changeCategory: ['committee'],
  recordProcedureStep: ['committee'],
  startDiscussion: ['committee', 'moderator'],
  recordDecision: ['committee'],
  assignHandling: ['committee'],
  reportProgress: ['handler', 'committee'],
  resolveMatter: ['handler', 'committee'],
  closeMatter: ['moderator'],
  rateMatter: ['member'],
  // agenda (议程) and minutes (会议纪要)
  moveAgendaItem: ['committee'],
  reorderAgenda: ['committee'],
  recordMinutes: ['moderator'],
  // the committee's console (村务) and the talk day's run sheet (主持)
  viewConsole: ['committee', 'moderator'],
  viewRunSheet: ['moderator', 'committee'],
  /** The village's dashboard (看板: 响应率, 解决率, 满意率 …) in the console. */
  viewDashboard: ['committee'],
  // discussion (民事民议)
  postStatement: ['member'],
  editStatement: ['owner'],
  deleteStatement: ['owner'],
  reportStatement: ['member'],
  hideStatement: ['moderator'],
  restoreStatement: ['moderator'],
  listStatements: ['member'],
  /** The moderators' queue of reported and hidden statements, village-wide. */
  listModerationQueue: ['moderator'],
  /** Read the text of a hidden statement: its author, and the moderators who review it. */
  viewHiddenStatement: ['owner', 'moderator'],
  // polls (民事民决); a moderator drafts and opens only on the matter's talk day (the handler checks)
  draftPoll: ['committee', 'moderator'],
  openPoll: ['committee', 'moderator'],
  closePoll: ['committee'],
  castBallot: ['member'],
  viewPoll: ['member'],
  /** The turnout list: who has voted, never when nor what. */
  listVoters: ['committee'],
  exportBallots: ['member'],
  // paper at the meeting (one member enters, another confirms: the handlers check), 代投 by a
  // member of the voter's household (the handler checks) or the committee, 送达
  markPaperVoter: ['committee'],
  enterPaperCounts: ['committee'],
  confirmPaperCounts: ['committee'],
  enterPaperBallot: ['committee'],
  confirmPaperBallot: ['committee'],
  castProxyBallot: ['committee', 'member'],
  reachReport: ['committee'],
  // subscription messages (订阅消息): on one's own matter, on a poll one may see, the committee's
  subscribeMatter: ['owner'],
  subscribePoll: ['member'],
  subscribeCommittee: ['committee'],
  // 调解 (#14): the legal officer opens and leads a case (the rules: only the case's own officer
  // acts on it); any member may ask, and domain/mediation/rules.ts mediationView decides how much
  // they see (the parties, the officer and the committee: all; others: the public word); a party
  // confirms the agreement (the rules check the caller is one).
  openMediation: ['legalOfficer'],
  /** The names of the village's verified members, to choose a case's parties from. */
  listPartyChoices: ['legalOfficer'],
  viewMediation: ['member'],
  recordMeeting: ['legalOfficer'],
  proposeAgreement: ['legalOfficer'],
  confirmAgreement: ['member'],
  recordFailure: ['legalOfficer'],
  referToLegalAid: ['legalOfficer'],
  // the township's two lists (#14), the village's side: its committee raises needs, takes up
  // services, answers the claims on its needs, takes back its own claims and its open needs,
  // reports on and rates its ledger entries (the township's side is a staff record's:
  // domain/township/access.ts; which party acts on a claim: domain/township/lists.ts)
  viewTownshipLists: ['committee'],
  raiseNeed: ['committee'],
  claimService: ['committee'],
  confirmClaim: ['committee'],
  declineClaim: ['committee'],
  withdrawClaim: ['committee'],
  withdrawListing: ['committee'],
  reportLedgerProgress: ['committee'],
  rateLedgerEntry: ['committee'],
  // 吹哨报到 (#14): the committee escalates a matter to a department; every member of the village
  // sees its whistles on the matter (staff above the village are judged by domain/township/access)
  blowWhistle: ['committee'],
  viewWhistles: ['member'],
} as const satisfies Record<string, readonly Who[]>

export type Action = keyof typeof PERMISSIONS

export const ACTIONS = Object.keys(PERMISSIONS) as Action[]

export type Decision = { allowed: true } | { allowed: false; error: AppError }

export const NOT_A_MEMBER: AppError = {
  code: 'UNAUTHENTICATED',
  message: '您还不是本村的认证村民，请先申请加入，等村委会审核通过。',
}

export const NOT_ALLOWED: AppError = {
  code: 'FORBIDDEN',
  message: '您没有权限做这件事。',
}

function fits(actor: Actor, who: Who, subject: Subject): boolean {
  switch (who) {
    case 'member':
      return true
    case 'owner':
      return subject.ownerId !== undefined && subject.ownerId === actor.memberId
    case 'handler':
      return subject.handlerId !== undefined && subject.handlerId === actor.memberId
    default:
      return actor.roles.includes(who)
  }
}

/** Whether `actor` may take `action` on `subject`. Nobody acts across villages. */
export function can(actor: Actor | null, action: Action, subject: Subject): Decision {
  if (!actor || actor.status !== 'verified') return { allowed: false, error: NOT_A_MEMBER }
  if (actor.villageId !== subject.villageId) return { allowed: false, error: NOT_ALLOWED }
  const allowed = (PERMISSIONS[action] as readonly Who[]).some((who) => fits(actor, who, subject))
  return allowed ? { allowed: true } : { allowed: false, error: NOT_ALLOWED }
}

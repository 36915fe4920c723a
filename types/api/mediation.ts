/**
 * The `mediation` function (#14): the legal officer (法治委员) turns a dispute matter into a
 * mediation case. Only the parties, the legal officer and the village committee see the case;
 * other members of the village see only the matter's title and 调解中 / 已调解 (`MediationBrief`);
 * nobody outside the village sees anything.
 */
import type { ActionSpec } from './envelope'
import type { MediationStatus } from '../model/township'

export interface MediationPartyView {
  memberId: string
  name: string
  /** When this party confirmed the current agreement, if they have. */
  confirmedAt?: string
}

export interface MediationView {
  kind: 'full'
  id: string
  matterId: string
  matterTitle: string
  status: MediationStatus
  statusLabel: string
  legalOfficer: { memberId: string; name: string }
  parties: MediationPartyView[]
  meetings: { at: string; place: string; notes: string }[]
  agreement?: { text: string; proposedAt: string }
  /** 调解未成: the officer's note, when they gave one. */
  failure?: { note: string; at: string }
  referral?: { to: string; at: string; note: string }
  closedOn?: string
  /** Whether the caller is a party who has yet to confirm the current agreement. */
  mayConfirm: boolean
  /**
   * Whether the caller is the case's legal officer, the one who records its meetings, proposes
   * its agreement, records a failure and refers it to legal aid (the rules say when).
   */
  mayLead: boolean
}

/** What any other member of the village sees. */
export interface MediationBrief {
  kind: 'brief'
  matterId: string
  matterTitle: string
  statusLabel: string
}

/** A member the legal officer may name as a party: the name only (no phone, no roles). */
export interface PartyChoice {
  memberId: string
  name: string
}

/** A case's id: the id of its matter (one case per matter, race-proof by construction). */
export type CaseRef = { caseId: string }

export interface MediationApi {
  /**
   * For 开始调解: the village's verified members by name, the matter's raiser first — for a legal
   * officer only (listMembers, with phones, roles and join requests, stays the committee's), and
   * only for a matter that may take a case.
   */
  listPartyChoices: ActionSpec<{ matterId: string }, { members: PartyChoice[] }>
  openMediation: ActionSpec<{ matterId: string; partyIds: string[] }, MediationView>
  getMediation: ActionSpec<{ matterId: string }, MediationView | MediationBrief>
  /**
   * The village's cases, newest first (at most MEDIATION_LIST_LIMIT): whole for the cases the
   * caller may see, the brief for the others. With `status`, only whole cases of that status (a
   * brief never tells a status beyond its public word).
   */
  listMediations: ActionSpec<
    { status?: MediationStatus },
    { items: Array<MediationView | MediationBrief> }
  >
  recordMeeting: ActionSpec<CaseRef & { at: string; place: string; notes: string }, MediationView>
  proposeAgreement: ActionSpec<CaseRef & { text: string }, MediationView>
  /**
   * A party confirms the current agreement on their own phone: the caller, never a member the
   * request names. `proposedAt` is the `agreement.proposedAt` of the text they read; a text
   * changed since is refused (CONFLICT).
   */
  confirmAgreement: ActionSpec<CaseRef & { proposedAt: string }, MediationView>
  /** `note`: why, optional ('' when none). */
  recordFailure: ActionSpec<CaseRef & { note: string }, MediationView>
  referToLegalAid: ActionSpec<CaseRef & { to: string; note: string }, MediationView>
}

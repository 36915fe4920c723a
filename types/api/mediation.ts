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
  referral?: { to: string; at: string; note: string }
  closedOn?: string
  /** Whether the caller is a party who has yet to confirm the current agreement. */
  mayConfirm: boolean
}

/** What any other member of the village sees. */
export interface MediationBrief {
  kind: 'brief'
  matterId: string
  matterTitle: string
  statusLabel: string
}

export type CaseRef = { caseId: string }

export interface MediationApi {
  openMediation: ActionSpec<{ matterId: string; partyIds: string[] }, MediationView>
  getMediation: ActionSpec<{ matterId: string }, MediationView | MediationBrief>
  listMediations: ActionSpec<{ status?: MediationStatus }, { items: MediationView[] }>
  recordMeeting: ActionSpec<CaseRef & { at: string; place: string; notes: string }, MediationView>
  proposeAgreement: ActionSpec<CaseRef & { text: string }, MediationView>
  /** A party confirms the current agreement on their own phone. */
  confirmAgreement: ActionSpec<CaseRef, MediationView>
  recordFailure: ActionSpec<CaseRef & { note: string }, MediationView>
  referToLegalAid: ActionSpec<CaseRef & { to: string; note: string }, MediationView>
}

/**
 * 调解 (issue #14, point 4), the pure part: the legal officer (法治委员) opens a case on a dispute
 * matter, records meetings, proposes the agreement (调解协议) that every party confirms on their
 * own phone, or records that mediation failed, or refers the case to legal aid (法律援助). Every
 * change answers the new case (or throws a DomainError); the handler writes it with its audit
 * record in one transaction, and checks there is no other case on the matter.
 *
 *     open ──every party confirms the agreement──▶ agreed
 *     open ──recordFailure──▶ failed ──referToLegalAid──▶ referred
 *     open ──referToLegalAid──────────────────────────────▶ referred
 *
 * Who sees what (`mediationView`): the parties, the case's legal officer and the village
 * committee see the whole case; any other member of the village sees only that there is a
 * mediation and how it stands in one public word (MEDIATION_PUBLIC_LABELS) beside the matter's
 * title, which they see on the matter anyway; nobody outside the village sees anything.
 */
import type { Matter } from '../../types/model/matter'
import type { MemberStatus } from '../../types/model/member'
import type { MediationCase, MediationStatus } from '../../types/model/township'
import { FINAL_STATUSES, STATUS_LABELS } from '../matters/lifecycle'
import { NOT_A_MEMBER, NOT_ALLOWED, type Actor } from '../permissions'
import { DomainError } from '../shared/errors'
import { shanghaiDate } from '../shared/time'
import { optionalText, parseInput, payload, text } from '../shared/validate'

export const MEDIATION_LIMITS = {
  parties: 20,
  place: 60,
  notes: 2000,
  agreement: 2000,
  referredTo: 60,
  referralNote: 500,
  failureNote: 500,
} as const

/** The status as the parties, the legal officer and the committee read it. */
export const MEDIATION_STATUS_LABELS: Readonly<Record<MediationStatus, string>> = {
  open: '调解中',
  agreed: '已调解',
  failed: '调解未成',
  referred: '已转法律援助',
}

/**
 * The status as every other member of the village reads it, beside the matter's title. The issue
 * names 调解中 and 已调解; a case that failed or went to legal aid reads 调解结束 for both: the
 * village learns the mediation is over without an agreement here, never which way it went on, nor
 * that legal aid (a step towards court) is involved, nor anything of the parties and their terms.
 */
export const MEDIATION_PUBLIC_LABELS = {
  open: '调解中',
  agreed: '已调解',
  failed: '调解结束',
  referred: '调解结束',
} as const satisfies Record<MediationStatus, string>

export type MediationPublicLabel = (typeof MEDIATION_PUBLIC_LABELS)[MediationStatus]

export const MEDIATION_TRANSITIONS = {
  recordMeeting: { from: ['open'], to: 'open' },
  proposeAgreement: { from: ['open'], to: 'open' },
  // To `agreed` with the last party's confirmation (confirmAgreement).
  confirmAgreement: { from: ['open'], to: 'open' },
  recordFailure: { from: ['open'], to: 'failed' },
  referToLegalAid: { from: ['open', 'failed'], to: 'referred' },
} as const satisfies Record<string, { from: readonly MediationStatus[]; to: MediationStatus }>

export type MediationAction = keyof typeof MEDIATION_TRANSITIONS

export const MEDIATION_ACTION_LABELS: Readonly<Record<MediationAction, string>> = {
  recordMeeting: '记录调解会',
  proposeAgreement: '拟定调解协议',
  confirmAgreement: '确认调解协议',
  recordFailure: '记录调解未成',
  referToLegalAid: '转法律援助',
}

/** The status `action` leads to from `from`, or CONFLICT in plain words. */
export function mediationTransition(
  from: MediationStatus,
  action: MediationAction,
): MediationStatus {
  const rule = MEDIATION_TRANSITIONS[action]
  if (!(rule.from as readonly MediationStatus[]).includes(from)) {
    throw new DomainError(
      'CONFLICT',
      `这起调解现在是“${MEDIATION_STATUS_LABELS[from]}”，不能${MEDIATION_ACTION_LABELS[action]}。`,
    )
  }
  return rule.to
}

const forbidden = (message: string) => new DomainError('FORBIDDEN', message)
const invalid = (message: string) => new DomainError('INVALID_INPUT', message)

/** A member the handler read for one of the requested party ids. */
export interface PartyMember {
  memberId: string
  villageId: string
  status: MemberStatus
}

/**
 * A new case (without its `_id`) on a matter of the village: the officer holds the role
 * legalOfficer in that village and is not a party; two or more distinct parties, each a verified
 * member of the village (`members`: the members the handler found for `partyIds`, any order).
 * A matter that has ended (declined, merged, withdrawn, closed) takes no case.
 */
export function openCase(
  matter: Pick<Matter, '_id' | 'villageId' | 'status'>,
  officer: Actor,
  partyIds: readonly string[],
  members: readonly PartyMember[],
  at: Date,
): Omit<MediationCase, '_id'> {
  if (
    officer.status !== 'verified' ||
    officer.villageId !== matter.villageId ||
    !officer.roles.includes('legalOfficer')
  ) {
    throw forbidden('只有本村的法治委员可以发起调解。')
  }
  if (FINAL_STATUSES.includes(matter.status)) {
    throw new DomainError(
      'CONFLICT',
      `这件事已经是“${STATUS_LABELS[matter.status]}”，不能再发起调解。`,
    )
  }
  if (new Set(partyIds).size !== partyIds.length) {
    throw invalid('同一位当事人选了两次，请每人只选一次。')
  }
  if (partyIds.length < 2) throw invalid('调解至少要有两位当事人。')
  if (partyIds.length > MEDIATION_LIMITS.parties) {
    throw invalid(`一起调解最多 ${MEDIATION_LIMITS.parties} 位当事人。`)
  }
  if (partyIds.includes(officer.memberId)) {
    throw forbidden('您是这起纠纷的当事人，不能自己主持调解，请另一位法治委员主持。')
  }
  for (const partyId of partyIds) {
    const m = members.find((x) => x.memberId === partyId)
    if (m === undefined || m.villageId !== matter.villageId || m.status !== 'verified') {
      throw invalid('当事人应当都是本村的认证村民。')
    }
  }
  return {
    villageId: matter.villageId,
    matterId: matter._id,
    legalOfficerId: officer.memberId,
    partyIds: [...partyIds],
    status: 'open',
    meetings: [],
    createdAt: at,
    updatedAt: at,
  }
}

function byOfficer(c: MediationCase, by: string, action: MediationAction): void {
  if (by !== c.legalOfficerId) {
    throw forbidden(`只有主持这起调解的法治委员可以${MEDIATION_ACTION_LABELS[action]}。`)
  }
}

const MEETING_INPUT = payload({
  place: text('调解地点', MEDIATION_LIMITS.place),
  notes: text('调解记录', MEDIATION_LIMITS.notes, { multiline: true }),
})

/**
 * A meeting of the parties with the officer, recorded by the officer: when it was (`meetingAt`,
 * not after `now`), where, and the notes.
 */
export function recordMeeting(
  c: MediationCase,
  by: string,
  meetingAt: Date,
  input: { place: unknown; notes: unknown },
  now: Date,
): MediationCase {
  byOfficer(c, by, 'recordMeeting')
  mediationTransition(c.status, 'recordMeeting')
  if (Number.isNaN(meetingAt.getTime()) || meetingAt.getTime() > now.getTime()) {
    throw invalid('调解会的时间不能晚于现在。')
  }
  const { place, notes } = parseInput(MEETING_INPUT, input)
  return {
    ...c,
    meetings: [...c.meetings, { at: meetingAt, place, notes, recordedBy: by }],
    updatedAt: now,
  }
}

const agreementText = text('调解协议', MEDIATION_LIMITS.agreement, { multiline: true })

/**
 * The officer proposes the agreement's text. A new proposal replaces the old one and clears every
 * confirmation: each party confirms the text they read.
 */
export function proposeAgreement(
  c: MediationCase,
  by: string,
  raw: unknown,
  at: Date,
): MediationCase {
  byOfficer(c, by, 'proposeAgreement')
  mediationTransition(c.status, 'proposeAgreement')
  const said = parseInput(agreementText, raw ?? '')
  return { ...c, agreement: { text: said, proposedAt: at, confirmations: {} }, updatedAt: at }
}

/**
 * A party confirms the agreement on their own phone (`memberId`: the caller, never a name in the
 * request), once. `proposedAt` is the proposal the party read: a text changed since is refused, so
 * nobody confirms words they have not seen. With the last party's confirmation the case is
 * `agreed`, closed on that Shanghai date.
 */
export function confirmAgreement(
  c: MediationCase,
  memberId: string,
  at: Date,
  proposedAt: Date,
): MediationCase {
  if (!c.partyIds.includes(memberId)) {
    throw forbidden('只有当事人本人可以确认调解协议。')
  }
  mediationTransition(c.status, 'confirmAgreement')
  const agreement = c.agreement
  if (agreement === undefined) throw new DomainError('CONFLICT', '调解协议还没有拟好。')
  if (new Date(agreement.proposedAt).getTime() !== new Date(proposedAt).getTime()) {
    throw new DomainError('CONFLICT', '调解协议已经修改，请重新阅读后再确认。')
  }
  if (memberId in agreement.confirmations) {
    throw new DomainError('CONFLICT', '您已经确认过这份调解协议了。')
  }
  const confirmations = { ...agreement.confirmations, [memberId]: at }
  const everyone = c.partyIds.every((p) => p in confirmations)
  return {
    ...c,
    agreement: { ...agreement, confirmations },
    ...(everyone ? { status: 'agreed' as const, closedOn: shanghaiDate(at) } : {}),
    updatedAt: at,
  }
}

const FAILURE_NOTE = optionalText('调解未成的说明', MEDIATION_LIMITS.failureNote, {
  multiline: true,
})

/**
 * The officer records that mediation failed: `failed`, closed on that Shanghai date, with the
 * officer's note on why when there is one (`failure`).
 */
export function recordFailure(
  c: MediationCase,
  by: string,
  at: Date,
  note?: unknown,
): MediationCase {
  byOfficer(c, by, 'recordFailure')
  const status = mediationTransition(c.status, 'recordFailure')
  const said = note === undefined || note === null ? '' : parseInput(FAILURE_NOTE, note)
  return {
    ...c,
    status,
    closedOn: shanghaiDate(at),
    ...(said ? { failure: { note: said, at } } : {}),
    updatedAt: at,
  }
}

const REFERRAL_INPUT = payload({
  to: text('转往的法律援助机构', MEDIATION_LIMITS.referredTo),
  note: optionalText('转介说明', MEDIATION_LIMITS.referralNote, { multiline: true }),
})

/**
 * The officer refers the case to legal aid (法律援助), while it is open or after it failed:
 * `referred`. `closedOn` is the day mediation ended: the referral's, or the failure's when it
 * failed first.
 */
export function referToLegalAid(
  c: MediationCase,
  by: string,
  to: unknown,
  note: unknown,
  at: Date,
): MediationCase {
  byOfficer(c, by, 'referToLegalAid')
  const status = mediationTransition(c.status, 'referToLegalAid')
  const input = parseInput(REFERRAL_INPUT, { to, note: note ?? undefined })
  return {
    ...c,
    status,
    referral: { to: input.to, at, note: input.note },
    closedOn: c.closedOn ?? shanghaiDate(at),
    updatedAt: at,
  }
}

// ---------------------------------------------------------------------------------------------
// What the matter's timeline shows

/**
 * The steps of a case every member of the village sees on the matter's timeline: only when the
 * public word (MEDIATION_PUBLIC_LABELS) changes. Nothing else of the case goes there — no party,
 * no meeting, no agreement, not even which way it ended when it ended without an agreement; the
 * case's own audit records (subject: the case) hold the rest.
 */
export const MEDIATION_PUBLIC_STEPS = {
  openMediation: '进入调解',
  mediationAgreed: '调解完成',
  mediationEnded: '调解结束',
} as const

export type MediationPublicStep = keyof typeof MEDIATION_PUBLIC_STEPS

/** The public step a change from `from` (undefined: no case yet) to `to` makes, if any. */
export function publicStep(
  from: MediationStatus | undefined,
  to: MediationStatus,
): MediationPublicStep | undefined {
  const before = from === undefined ? undefined : MEDIATION_PUBLIC_LABELS[from]
  const after = MEDIATION_PUBLIC_LABELS[to]
  if (before === after) return undefined
  if (after === '调解中') return 'openMediation'
  return after === '已调解' ? 'mediationAgreed' : 'mediationEnded'
}

// ---------------------------------------------------------------------------------------------
// Who sees what

export type MediationView =
  | { access: 'full'; case: MediationCase }
  | { access: 'summary'; matterId: string; status: MediationPublicLabel }

/**
 * What `viewer` sees of a case: the whole case for its parties, its legal officer and the village
 * committee (another legal officer of the village is a member like any other here); the public
 * word for any other verified member of the village. Throws like `can()`: UNAUTHENTICATED for
 * someone not a verified member, FORBIDDEN for anyone of another village (ids are random, so the
 * difference from NOT_FOUND tells nothing worth hiding).
 */
export function mediationView(c: MediationCase, viewer: Actor | null): MediationView {
  if (viewer === null || viewer.status !== 'verified') {
    throw new DomainError(NOT_A_MEMBER.code, NOT_A_MEMBER.message)
  }
  if (viewer.villageId !== c.villageId) {
    throw new DomainError(NOT_ALLOWED.code, NOT_ALLOWED.message)
  }
  const full =
    c.partyIds.includes(viewer.memberId) ||
    viewer.memberId === c.legalOfficerId ||
    viewer.roles.includes('committee')
  return full
    ? { access: 'full', case: c }
    : { access: 'summary', matterId: c.matterId, status: MEDIATION_PUBLIC_LABELS[c.status] }
}

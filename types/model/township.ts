/**
 * Stored shapes above the village (issue #14): the district (区) with its townships (乡镇 / 街道) and
 * departments (区直部门, 站所), their staff, the two lists (需求清单 / 服务清单) matched by two-way
 * claiming into the ledger (台账), the whistle (吹哨报到) with its response clock, and the legal
 * officer's mediation case (调解).
 *
 * Ownership: every record has exactly one owner, named by its ids. A village's records carry
 * `villageId` (and, once the village belongs to a district, `townshipId` and `districtId` copied
 * from it, so a township's queries never join); the district's and townships' records carry theirs.
 * Nobody reads another township's private data: the functions check the caller's staff unit
 * against these ids, never an id the request names.
 *
 * Times are `Date` (stored as the database's date); `dueAt`-style deadlines are fixed when the
 * record is written, and whether something is overdue is computed from them and the clock
 * (domain/township/whistle.ts), never stored.
 */
import type { LocalDate } from './common'

// ---------------------------------------------------------------------------------------------
// Tenancy

export interface District {
  _id: string
  name: string
  /** 吹哨报到: the response clock of each tier (configurable per district). */
  whistleTiers: readonly WhistleTierSetting[]
  createdAt: Date
  updatedAt: Date
}

/** 乡镇 or 街道: the same level, named as the place calls itself. */
export type TownshipKind = 'township' | 'subdistrict'

export interface Township {
  _id: string
  districtId: string
  name: string
  kind: TownshipKind
  createdAt: Date
  updatedAt: Date
}

/** 区直部门 (the district's) or 站所 (a township's: `townshipId` set). */
export interface Department {
  _id: string
  districtId: string
  /** Present for a township's 站所; absent for a district department. */
  townshipId?: string
  name: string
  /** The kinds of matter it answers (a whistle's department is chosen among those that do). */
  categories: readonly string[]
  createdAt: Date
  updatedAt: Date
}

/** The unit a staff record belongs to: exactly one. */
export type StaffUnit =
  | { kind: 'district'; districtId: string }
  | { kind: 'township'; districtId: string; townshipId: string }
  | { kind: 'department'; districtId: string; departmentId: string; townshipId?: string }

/**
 * admin: sets up the district or township (units, departments, staff, tiers); staff: works the
 * lists, the ledger and the whistles of the unit. A village role (committee, legalOfficer, …) is a
 * membership of the village, never a staff record.
 */
export type StaffRole = 'admin' | 'staff'

/** A person working for a district, township or department: a record beside any membership. */
export interface Staff {
  _id: string
  /**
   * The WeChat OPENID of the person, once they claimed the record with its 启用码 (claimStaff);
   * absent before. One staff record per person and unit.
   */
  openid?: string
  /** Until claimed: the SHA-256 (hex) of the normalised one-time 启用码, never the code itself. */
  founding?: { codeHash: string; issuedAt: Date }
  /** Mobile number from the import (for the admin's list only). */
  phone: string
  unit: StaffUnit
  role: StaffRole
  name: string
  status: 'active' | 'removed'
  createdAt: Date
  updatedAt: Date
}

// ---------------------------------------------------------------------------------------------
// The two lists and the ledger (双向认领)

/** Who offers a service. */
export type ProviderKind = 'organisation' | 'enterprise' | 'partyMember'

export type NeedStatus = 'open' | 'claimed' | 'matched' | 'withdrawn'
export type ServiceStatus = 'open' | 'claimed' | 'matched' | 'withdrawn'

/** 需求: raised by a village committee, or gathered from a resident's matter. */
export interface Need {
  _id: string
  districtId: string
  townshipId: string
  villageId: string
  category: string
  description: string
  place: string
  /** When it is needed (a date, or a free text such as 每周六上午). */
  when: string
  peopleAffected: number
  /** The matter it was gathered from, when it was. */
  matterId?: string
  status: NeedStatus
  /**
   * The claim waiting for the other side while status is `claimed`; kept once `matched` (who
   * proposed the pair, and when); removed when declined or withdrawn (domain/township/lists.ts).
   */
  claim?: Claim
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** 服务: offered by an organisation, an enterprise or a working party member. */
export interface Service {
  _id: string
  districtId: string
  townshipId: string
  provider: { kind: ProviderKind; name: string; staffId?: string }
  category: string
  what: string
  /** How much of it there is (people, hours, places: free text with a number the list shows). */
  capacity: string
  /** Where it is offered (villages or the whole township). */
  area: string
  time: string
  status: ServiceStatus
  /** As on a need: the claim naming the need, while claimed and once matched. */
  claim?: Claim
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/**
 * One side's claim on the other's entry: a provider claims a need, a village claims a service, or
 * the township assigns a pair. The other side confirms (→ a ledger entry) or declines (→ open again).
 */
export interface Claim {
  by: 'provider' | 'village' | 'township'
  /** The entry on the other list: the service offered for a need, the need a service answers. */
  needId?: string
  serviceId?: string
  /** Who claimed (a staff id or a member id). */
  claimedBy: string
  at: Date
}

export type LedgerStatus = 'inProgress' | 'completed'

/** 台账: one matched pair, its progress, completion and the village's rating. */
export interface LedgerEntry {
  _id: string
  districtId: string
  townshipId: string
  villageId: string
  needId: string
  serviceId: string
  category: string
  /** The month it was matched, `YYYY-MM` in Shanghai: the ledger is kept per category and month. */
  month: string
  status: LedgerStatus
  progress: readonly { at: Date; by: string; text: string }[]
  completedAt?: Date
  /** The village's rating once completed, 1–5 with a comment. */
  rating?: { score: 1 | 2 | 3 | 4 | 5; comment: string; by: string; at: Date }
  createdAt: Date
  updatedAt: Date
}

// ---------------------------------------------------------------------------------------------
// 吹哨报到

/**
 * The tiers of a whistle's response clock, after Beijing 12345's service standard: danger to life
 * or property 2 hours, water, power, gas and heating 24 hours, general 7 days, complex 15 days.
 */
export type WhistleTier = 'danger' | 'utilities' | 'general' | 'complex'

export interface WhistleTierSetting {
  tier: WhistleTier
  label: string
  /** Hours from the whistle to the department's answer (报到 and first feedback). */
  responseHours: number
}

/** Who must answer now: the department, then the township above it, then the district. */
export type WhistleLevel = 'department' | 'township' | 'district'

export type WhistleStepKind =
  'raised' | 'acknowledged' | 'progress' | 'escalated' | 'resolved' | 'returned'

/** A step on a whistle's timeline (each also goes on the matter's timeline as an audit record). */
export interface WhistleStep {
  kind: WhistleStepKind
  at: Date
  /** A member id (the committee), a staff id, or `scheduler` for an escalation by the clock. */
  by: string
  text?: string
  /** For `escalated`: the level it went to. */
  level?: WhistleLevel
  /**
   * For a staff member's step: the level they acted as (the department's own staff, or the
   * township's / district's once the whistle had been escalated to them).
   */
  unit?: WhistleLevel
}

export type WhistleStatus = 'raised' | 'acknowledged' | 'resolved' | 'returned'

export interface Whistle {
  _id: string
  districtId: string
  townshipId: string
  villageId: string
  matterId: string
  departmentId: string
  tier: WhistleTier
  /** The tier's hours when it was blown (a later change of the district's tiers does not move it). */
  responseHours: number
  /** The tier's label when it was blown (copied with its hours; absent: the default label). */
  tierLabel?: string
  /** The committee member's note when blowing it (may be empty). */
  note?: string
  status: WhistleStatus
  raisedAt: Date
  /** raisedAt + responseHours: when the department's answer is due. */
  dueAt: Date
  acknowledgedAt?: Date
  resolvedAt?: Date
  /** When the department returned it (not theirs): an answer, for 响应率. */
  returnedAt?: Date
  /** The level the scheduler last recorded an escalation to (the clock decides; this records it). */
  escalatedTo?: WhistleLevel
  steps: readonly WhistleStep[]
  createdAt: Date
  updatedAt: Date
  /**
   * Moved by a transaction that relies on this document without changing it (a reminder, a staff
   * message: cloudfunctions/_shared/repo.ts `touch`); absent until then. Means nothing else.
   */
  writeSeq?: number
}

// ---------------------------------------------------------------------------------------------
// 调解

export type MediationStatus = 'open' | 'agreed' | 'failed' | 'referred'

/** A meeting of the parties with the legal officer. */
export interface MediationMeeting {
  at: Date
  place: string
  notes: string
  recordedBy: string
}

/** 调解协议: the text, and each party's confirmation on their own phone. */
export interface MediationAgreement {
  text: string
  proposedAt: Date
  /** memberId → when that party confirmed; complete when every party has. */
  confirmations: Readonly<Record<string, Date>>
}

/**
 * A dispute matter handled by the legal officer (法治委员). Only the parties, the legal officer and
 * the village committee see it; other members see the matter's title and 调解中 / 已调解.
 */
export interface MediationCase {
  _id: string
  villageId: string
  matterId: string
  /** The member leading it (role legalOfficer). */
  legalOfficerId: string
  /** The parties: members of the village (two or more). */
  partyIds: readonly string[]
  status: MediationStatus
  meetings: readonly MediationMeeting[]
  agreement?: MediationAgreement
  /** 调解未成: the officer's note on why, when they gave one. */
  failure?: { note: string; at: Date }
  /** 法律援助: where the case was referred, when it was. */
  referral?: { to: string; at: Date; note: string }
  /** The date the case ended (agreed, failed or referred). */
  closedOn?: LocalDate
  createdAt: Date
  updatedAt: Date
}

/** Stored shapes of the `village` aggregate: villages, members, households, persons. */
import type { LocalDate } from './common'

export type Role = 'resident' | 'representative' | 'committee' | 'moderator' | 'legalOfficer'

export const ROLES: readonly Role[] = [
  'resident',
  'representative',
  'committee',
  'moderator',
  'legalOfficer',
]

/**
 * pending: asked to join; verified: approved by the committee; declined: refused, with a reason;
 * left: the member left the village themself (they may ask to join again).
 */
export type MemberStatus = 'pending' | 'verified' | 'declined' | 'left'

export interface VillageSettings {
  /** Most matters on one 说事日's agenda. */
  agendaSize: number
  /** 接诉即办: days within which a raised matter must be accepted or declined. */
  responseDeadlineDays: number
  /** Reports after which a statement is hidden pending review. */
  reportThreshold: number
  /** Days after resolution in which members may rate the handling. */
  ratingWindowDays: number
  /** The least days between opening and closing a poll of a body other than the assembly. */
  pollNoticeDays: number
  /** 代投: ballots one recorder may record on others' behalf in one poll. */
  proxyLimit: number
  /**
   * The assembly's delegation (授权) of Art. 24 matters to the representatives' meeting, when it
   * exists: the date of the assembly's resolution and what it covers. Absent: none recorded.
   */
  delegation?: Delegation
}

/** 村民会议授权村民代表会议 (村民委员会组织法 Art. 24): when, and a note of what it covers. */
export interface Delegation {
  date: LocalDate
  note: string
}

/** Counts the tallies need (村民委员会组织法 Art. 22, 26). */
export interface VillageCounts {
  /** Villagers aged 18 or over. */
  adults: number
  households: number
  representatives: number
}

export interface Village {
  _id: string
  name: string
  /** Days of the month the village meets (domain/talkday validates). */
  talkDays: number[]
  counts: VillageCounts
  settings: VillageSettings
  /**
   * 邀请码: six characters (digits and capitals without 0/O/1/I) a resident types, or scans as a QR
   * code, to find the village. Unique across villages; set by the invite-code migration on villages
   * stored before it, so it is absent only on data not yet migrated.
   */
  inviteCode?: string
  /**
   * Present from `npm run village:create` until the first committee member claims the village
   * (claimVillage): the SHA-256 (hex) of the normalised 村委会启用码, never the code itself.
   */
  founding?: { codeHash: string; issuedAt: Date }
  /**
   * The township (乡镇 / 街道) and district the village belongs to, once a district imported it
   * (#14); absent for a village on its own. Copied onto the village's district-level records.
   */
  townshipId?: string
  districtId?: string
  createdAt: Date
  updatedAt: Date
}

export interface Member {
  _id: string
  villageId: string
  /** The WeChat OPENID the platform injected when this person asked to join. */
  openid: string
  name: string
  /** The household number given when joining (户号). */
  householdNo: string
  householdId?: string
  /**
   * The person on the register this account belongs to, linked by the committee (audited). Several
   * accounts may be linked to one person (a new phone); a ballot belongs to the person, never to
   * an account.
   */
  personId?: string
  phone?: string
  roles: Role[]
  status: MemberStatus
  declineReason?: string
  requestedAt: Date
  reviewedAt?: Date
  reviewedBy?: string
}

export interface Household {
  _id: string
  villageId: string
  /** 户号, unique within the village. */
  number: string
  /** 户主 */
  head: string
  /** Names of the people of the household. */
  people: string[]
  /** People aged 18 or over. */
  adults: number
  /** 户代表: the person who casts the household's vote in a `households` poll (set by the committee). */
  voterPersonId?: string
  /**
   * Set by the persons migration on a household stored before persons whose adult count could not
   * be attributed to names (0 < adults < people): its persons are stored as not adult until the
   * committee re-imports the household (the import clears the mark). `adults` keeps the old count.
   */
  adultsUnknown?: true
}

/**
 * One person on the register (户籍名册), in collection `persons`. `_id` is stable across imports
 * (the same 户号 and 姓名 keep their id), so polls, links and ballots can refer to it.
 */
export interface Person {
  _id: string
  villageId: string
  householdId: string
  name: string
  /** Aged 18 or over (是否成年 in the import). */
  adult: boolean
  /** 村民代表: sits in the 村民代表会议, with or without an account. */
  representative: boolean
  /**
   * The member ids linked to this person: the mirror of `Member.personId` (which is the link the
   * polls read), written in the same transaction, so that rules on the person (an import does not
   * remove a linked person) conflict with a concurrent link. Missing on no stored person the
   * village function writes; read a missing one as [].
   */
  memberIds?: string[]
  createdAt: Date
  updatedAt: Date
}

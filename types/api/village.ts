import type { ActionSpec } from './envelope'
import type {
  Delegation,
  MemberStatus,
  Role,
  VillageCounts,
  VillageSettings,
} from '../model/member'

type Ok = { ok: true }

/** A membership as the app shows it. Dates travel as ISO strings; the OPENID never travels. */
export interface MemberView {
  id: string
  villageId: string
  name: string
  householdNo: string
  /** The registered household it was linked to on approval, when one with that number exists. */
  householdId?: string
  /** The person on the register this account is linked to (committee and the member themself). */
  personId?: string
  /** Only shown to the committee and to the member themself. */
  phone?: string
  roles: Role[]
  status: MemberStatus
  declineReason?: string
  requestedAt: string
  reviewedAt?: string
}

/**
 * One of the caller's memberships, for 切换村子 (#14: a person may belong to several villages).
 * The app sends the chosen `villageId` with every call (FunctionEvent.villageId).
 */
export interface MembershipBrief {
  villageId: string
  villageName: string
  status: MemberStatus
}

/** A village as members see it. */
export interface VillageView {
  id: string
  name: string
  talkDays: number[]
  counts: VillageCounts
  settings: VillageSettings
  /** 邀请码, for the committee only (to print or show as a QR code). */
  inviteCode?: string
}

export interface VillageRef {
  id: string
  name: string
}

export interface RequestJoinRequest {
  villageId: string
  /** The person's name (姓名). */
  name: string
  /** 户号 as the person gives it; linked to the registered household on approval. */
  householdNo: string
  /** Mobile number; '' when not given. */
  phone: string
}

export interface MemberRef {
  memberId: string
}

/** A person on the register as the committee sees them. */
export interface PersonView {
  id: string
  householdId: string
  householdNo: string
  name: string
  adult: boolean
  /** 村民代表 */
  representative: boolean
  /** 户代表: casts the household's vote in a `households` poll. */
  householdVoter: boolean
  /** Accounts (members) linked to this person. */
  accounts: number
  /** The household came from before persons and its adults are not known by name: re-import it. */
  adultUnknown?: true
}

export interface ListPersonsRequest {
  /** Only the persons of this household. */
  householdId?: string
  cursor?: string
  limit: number
}

/** One row of an imported household register (户籍名册): whether it was taken, and why not. */
export interface ImportRowReport {
  /** The row's number in the file, the header being row 1 (as a spreadsheet numbers it). */
  row: number
  ok: boolean
  reason?: string
}

/** A person named in an import's answer. */
export interface RegisterChange {
  householdNo: string
  name: string
}

export interface ImportHouseholdsResponse {
  rows: ImportRowReport[]
  /** Households written for the first time, changed, and found exactly as imported. */
  created: number
  updated: number
  unchanged: number
  /**
   * Persons put on the register, whose adult flag changed, and found as imported; those of the
   * imported households no longer in the file: `removed` from the register, or `kept` because an
   * account is linked to them (unlink it first if they really left).
   */
  persons: {
    created: number
    updated: number
    unchanged: number
    removed: RegisterChange[]
    kept: RegisterChange[]
  }
  /** The village's counts after the import (adults, households, 村民代表 over the whole register). */
  counts: VillageCounts
}

/** Settings as an edit gives them: those given replace; `delegation: null` clears the 授权. */
export type SettingsEdit = Partial<Omit<VillageSettings, 'delegation'>> & {
  delegation?: Delegation | null
}

export interface UpdateVillageRequest {
  name?: string
  talkDays?: number[]
  settings?: SettingsEdit
  counts?: Partial<VillageCounts>
}

/** Actions of the `village` function (villages, members, households, roles). */
export interface VillageApi {
  /** Who the platform says is calling: the caller's OPENID as CloudBase injects it. */
  whoami: ActionSpec<Record<string, never>, { openid: string }>
  /** Any WeChat user asks to join a village; the committee then approves or declines. */
  requestJoin: ActionSpec<RequestJoinRequest, { memberId: string; status: 'pending' }>
  /** What the app shows at start: the caller's membership (or null) and its village. */
  getMe: ActionSpec<
    Record<string, never>,
    {
      /** The membership the call acts as (the named village's, or the default one). */
      member: MemberView | null
      /** The caller's village, with how many days its committee takes to answer a raised matter. */
      village:
        (Pick<VillageView, 'id' | 'name' | 'talkDays'> & { responseDeadlineDays: number }) | null
      /** All the caller's memberships, only when there are two or more (切换村子). */
      memberships?: MembershipBrief[]
    }
  >
  /**
   * 村委会启用码: the one-time code `npm run village:create` printed for a new village. The first
   * WeChat user who enters it (with their name and 户号) becomes the village's first committee
   * member, verified at once (roles resident + committee), and the code is spent: nobody else can
   * use it, also when fifty try at once. Audited. Refused for a caller who already belongs to a
   * village or has asked to join one (pending).
   */
  claimVillage: ActionSpec<
    { code: string; name: string; householdNo: string; phone: string },
    { memberId: string; villageId: string; villageName: string; roles: Role[] }
  >
  /**
   * The villages one may ask to join (public): by a word of the name (`q`, at most 20 answers), or
   * the one with this invite code (邀请码, as typed or read from its QR code); neither: all, by name.
   */
  listVillages: ActionSpec<{ q?: string; inviteCode?: string }, { villages: VillageRef[] }>
  /**
   * The caller leaves their village (audited): the membership becomes `left`, its person link and
   * roles are dropped, and they may ask to join again. The village's last committee member may not.
   */
  leaveVillage: ActionSpec<Record<string, never>, Ok>
  /** Approves a request; with `personId`, links the account to that person on the register. */
  approveMember: ActionSpec<
    MemberRef & { personId?: string },
    { householdId?: string; personId?: string }
  >
  declineMember: ActionSpec<MemberRef & { reason: string }, Ok>
  /** Sets a verified member's roles; 'resident' is always kept. */
  assignRoles: ActionSpec<MemberRef & { roles: Role[] }, { roles: Role[]; changed: boolean }>
  /** Oldest request first, a page at a time (`nextCursor` when more follow). */
  listMembers: ActionSpec<
    { status?: MemberStatus; cursor?: string; limit: number },
    { members: MemberView[]; nextCursor?: string }
  >
  /** CSV with a header row 户号,户主,姓名,是否成年; one row per person. */
  importHouseholds: ActionSpec<{ csv: string }, ImportHouseholdsResponse>
  getVillage: ActionSpec<Record<string, never>, VillageView>
  updateVillage: ActionSpec<UpdateVillageRequest, VillageView & { changed: boolean }>
  /** The register, a page at a time in the order persons were put on it (`nextCursor` when more follow). */
  listPersons: ActionSpec<ListPersonsRequest, { persons: PersonView[]; nextCursor?: string }>
  /**
   * Links a verified member's account to a person of the village (a member links to one person;
   * several accounts may link to one person, e.g. a new phone). Re-linking moves the link.
   */
  linkPerson: ActionSpec<MemberRef & { personId: string }, { changed: boolean }>
  /** Removes a member's link to their person. */
  unlinkPerson: ActionSpec<MemberRef, { changed: boolean }>
  /** Marks a person as 村民代表 or not; the village's count of representatives follows. */
  setRepresentative: ActionSpec<
    { personId: string; representative: boolean },
    { changed: boolean; representatives: number }
  >
  /** 户代表: the person of the household who casts its vote in a `households` poll. */
  setHouseholdVoter: ActionSpec<{ householdId: string; personId: string }, { changed: boolean }>
}

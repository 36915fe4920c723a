/**
 * The `township` function (#14): staff above the village, the two lists (需求清单 / 服务清单) with
 * two-way claiming (双向认领), and the ledger (台账). Dates travel as ISO strings; OPENIDs never
 * travel. Who may do what: the caller's staff record (a township's staff work its lists) or
 * membership (a village committee raises needs, claims services, confirms and rates) — never an id
 * the request names.
 */
import type { ActionSpec } from './envelope'
import type {
  LedgerStatus,
  NeedStatus,
  ProviderKind,
  ServiceStatus,
  StaffRole,
  StaffUnit,
} from '../model/township'

/** A staff record as its holder sees it. */
export interface StaffView {
  id: string
  name: string
  role: StaffRole
  unit: StaffUnit
  /** The unit's name (区, 乡镇 / 街道, or 部门 / 站所). */
  unitName: string
}

export interface ClaimView {
  by: 'provider' | 'village' | 'township'
  needId?: string
  serviceId?: string
  at: string
}

export interface NeedView {
  id: string
  townshipId: string
  villageId: string
  villageName: string
  category: string
  description: string
  place: string
  when: string
  peopleAffected: number
  matterId?: string
  status: NeedStatus
  claim?: ClaimView
  createdAt: string
  /** On the township staff's 需求清单: whether the caller may take back its claim (撤回认领). */
  mayTakeBackClaim?: boolean
}

export interface ServiceView {
  id: string
  townshipId: string
  provider: { kind: ProviderKind; name: string }
  category: string
  what: string
  capacity: string
  area: string
  time: string
  status: ServiceStatus
  claim?: ClaimView
  createdAt: string
  /** On the township staff's 服务清单: whether the caller may take back its claim (撤回认领). */
  mayTakeBackClaim?: boolean
}

export interface LedgerEntryView {
  id: string
  villageId: string
  villageName: string
  needId: string
  serviceId: string
  category: string
  month: string
  status: LedgerStatus
  needDescription: string
  serviceWhat: string
  providerName: string
  progress: { at: string; text: string }[]
  completedAt?: string
  rating?: { score: number; comment: string; at: string }
}

export interface NewNeedRequest {
  category: string
  description: string
  place: string
  when: string
  peopleAffected: number
  /** The resident's matter it was gathered from (of the caller's village). */
  matterId?: string
}

/** Flat, as domain/township/lists.ts SERVICE_INPUT checks it (the provider's kind and name). */
export interface NewServiceRequest {
  providerKind: ProviderKind
  providerName: string
  category: string
  what: string
  capacity: string
  area: string
  time: string
}

export interface PairRequest {
  needId: string
  serviceId: string
}

/** One entry of either list: a need (需求清单) or a service (服务清单), by its id. */
export interface ListingRef {
  kind: 'need' | 'service'
  id: string
}

/** An entry of either list as it is now, its kind saying which. */
export type ListingView =
  { kind: 'need'; need: NeedView } | { kind: 'service'; service: ServiceView }

/**
 * Which township a staff member works on: needed only by one who works for more than one (it must
 * be one of their own; a committee's is its village's, and it names none).
 */
export interface TownshipChoice {
  townshipId?: string
}

export interface ListRequest<S> extends TownshipChoice {
  status?: S
  cursor?: string
}

/** Whose dashboard: the caller's own village (its committee), township or district (their staff). */
export type DashboardUnit = 'village' | 'township' | 'district'

/** A rate as counted (domain/dashboard/metrics.ts): numerator of denominator, and its text. */
export interface RateFigure {
  numerator: number
  denominator: number
  /** `96.5%`, or `—` when nothing was counted. */
  text: string
}

/** One month of a unit (domain/dashboard/metrics.ts says what each figure counts). */
export interface DashboardMonth {
  /** `YYYY-MM`, Shanghai. */
  month: string
  /** Matters raised by residents. */
  raised: number
  responseRate: RateFigure
  resolutionRate: RateFigure
  satisfactionRate: RateFigure
  /** 吹哨 not answered in time, per department (with its name), most first. */
  overdueByDepartment: { departmentId: string; name: string; count: number }[]
  /** Two-list matches (台账 entries) made, and completed, in the month. */
  matchesMade: number
  matchesCompleted: number
}

export interface DashboardView {
  unit: DashboardUnit
  /** The village's, township's or district's id. */
  unitId: string
  /** How many villages the figures cover. */
  villages: number
  /** The month asked for (the current one in Shanghai when none was). */
  current: DashboardMonth
  /** The twelve months ending with it, oldest first. */
  series: DashboardMonth[]
  /** What each rate counts, as the page shows it (METRIC_DEFINITIONS). */
  definitions: Record<
    'responseRate' | 'resolutionRate' | 'satisfactionRate',
    { label: string; definition: string }
  >
}

export interface TownshipApi {
  /** A person enters the 启用码 printed for their staff record by the district's import. */
  claimStaff: ActionSpec<{ code: string }, StaffView>
  /** The caller's staff records (empty when they hold none). */
  myStaff: ActionSpec<Record<string, never>, { staff: StaffView[] }>
  raiseNeed: ActionSpec<NewNeedRequest, NeedView>
  offerService: ActionSpec<NewServiceRequest & TownshipChoice, ServiceView>
  listNeeds: ActionSpec<ListRequest<NeedStatus>, { items: NeedView[]; nextCursor?: string }>
  listServices: ActionSpec<
    ListRequest<ServiceStatus>,
    { items: ServiceView[]; nextCursor?: string }
  >
  /** A provider (through the township's staff) offers one of its services for a need. */
  claimNeed: ActionSpec<PairRequest, NeedView>
  /** A village committee takes up a service for one of its needs. */
  claimService: ActionSpec<PairRequest, ServiceView>
  /** The township matches a need with a service itself. */
  assignPair: ActionSpec<PairRequest, NeedView>
  /** The other side confirms: the pair becomes a ledger entry. */
  confirmClaim: ActionSpec<{ needId: string }, LedgerEntryView>
  declineClaim: ActionSpec<{ needId: string; reason: string }, NeedView>
  /**
   * 撤回认领: the side that claimed takes its claim back before it is answered, named from either
   * end of the pair; both are open again.
   */
  withdrawClaim: ActionSpec<ListingRef, { need: NeedView; service: ServiceView }>
  /**
   * 撤回: an open need taken off the list by its village's committee, an open service by its
   * provider (the staff member who registered it) or the township's staff.
   */
  withdrawListing: ActionSpec<ListingRef, ListingView>
  /** One month's 台账 (the current month in Shanghai when none is named), by category and age. */
  listLedger: ActionSpec<
    { month?: string; category?: string } & TownshipChoice,
    { month: string; items: LedgerEntryView[] }
  >
  addLedgerProgress: ActionSpec<{ entryId: string; text: string }, LedgerEntryView>
  completeLedgerEntry: ActionSpec<{ entryId: string }, LedgerEntryView>
  rateLedgerEntry: ActionSpec<{ entryId: string; score: number; comment: string }, LedgerEntryView>
  /** 台账 of one month as CSV (UTF-8), for the township's spreadsheet. */
  exportLedger: ActionSpec<{ month: string } & TownshipChoice, { filename: string; csv: string }>
  /** 看板: a month's figures and the twelve months', for the caller's own unit. */
  getDashboard: ActionSpec<{ unit: DashboardUnit; month?: string } & TownshipChoice, DashboardView>
}

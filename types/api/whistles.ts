/**
 * The `whistles` function (#14): 吹哨报到. A village committee escalates a matter to a department
 * with a tier that sets its response clock; the department acknowledges (报到), reports progress
 * and resolves (or returns it, not theirs); an unanswered clock escalates to the township, then the
 * district (the scheduler records each step). Whether a whistle is overdue is computed on every
 * answer (domain/township/whistle.ts), never stored.
 */
import type { ActionSpec } from './envelope'
import type { WhistleLevel, WhistleStatus, WhistleStepKind, WhistleTier } from '../model/township'

export interface DepartmentView {
  id: string
  name: string
  /** 区直部门 (district) or a township's 站所. */
  level: 'district' | 'township'
  categories: string[]
}

export interface WhistleTierView {
  tier: WhistleTier
  label: string
  responseHours: number
}

export interface WhistleStepView {
  kind: WhistleStepKind
  at: string
  /** Who: 村委会, the department's name, 乡镇, 区, or 系统 for an escalation by the clock. */
  byLabel: string
  text?: string
  level?: WhistleLevel
}

export interface WhistleView {
  id: string
  matterId: string
  matterTitle: string
  villageId: string
  villageName: string
  departmentId: string
  departmentName: string
  tier: WhistleTier
  tierLabel: string
  status: WhistleStatus
  raisedAt: string
  dueAt: string
  /** Computed at the time of the answer. */
  level: WhistleLevel
  overdue: boolean
  /** The clock in words: 还剩 1 小时 30 分 / 已超时 2 小时 / 已报到 / 已办结. */
  clockWords: string
  steps: WhistleStepView[]
}

export interface WhistlesApi {
  /** The committee's choices: the departments of its district and township, and the tiers. */
  whistleOptions: ActionSpec<
    Record<string, never>,
    { departments: DepartmentView[]; tiers: WhistleTierView[] }
  >
  blowWhistle: ActionSpec<
    { matterId: string; departmentId: string; tier: WhistleTier; note: string },
    WhistleView
  >
  /** Staff: the whistles their unit must answer now (a department's own; a township's and the district's escalated ones). */
  listWhistles: ActionSpec<
    {
      /** Which of them (default `raised`: the ones waiting for an answer). */
      status?: WhistleStatus
      cursor?: string
      /**
       * Which of the caller's staff records to list for, when they hold more than one (default:
       * their first active one). Only ever one of the caller's own: another id is refused.
       */
      staffId?: string
    },
    { items: WhistleView[]; nextCursor?: string }
  >
  /** A matter's whistles, for its village's members and the staff concerned. */
  matterWhistles: ActionSpec<{ matterId: string }, { items: WhistleView[] }>
  acknowledgeWhistle: ActionSpec<{ whistleId: string }, WhistleView>
  reportWhistleProgress: ActionSpec<{ whistleId: string; text: string }, WhistleView>
  resolveWhistle: ActionSpec<{ whistleId: string; text: string }, WhistleView>
  /** Not this department's matter: back to the village with the reason. */
  returnWhistle: ActionSpec<{ whistleId: string; reason: string }, WhistleView>
}

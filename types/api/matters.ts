import type { ActionSpec } from './envelope'
import type { StatementItem } from './discussion'
import type { PollSummary } from './polls'
import type { MemberView, MembershipBrief } from './village'
import type { Role } from '../model/member'
import type { LocalDate } from '../model/common'
import type {
  Handling,
  MatterCategory,
  MatterOrigin,
  MatterStatus,
  ProcedureStepKey,
} from '../model/matter'

type Ok = { ok: true }

/** A matter as lists show it. Dates travel as ISO strings. */
export interface MatterSummary {
  id: string
  title: string
  status: MatterStatus
  origin: MatterOrigin
  urgent: boolean
  raisedByName: string
  raisedAt: string
  talkDay?: LocalDate
  /** 接诉即办: raised and neither accepted nor declined within the village's deadline. */
  overdue: boolean
  photoCount: number
  /** Chosen by the committee on accepting (absent on matters stored before categories). */
  category?: CategoryView
  /** 不予受理: the committee's reason (lists of ended matters show it). */
  declineReason?: string
  /** 已合并: the matter it was merged into (lists link to it). */
  mergedInto?: string
}

/** A matter's category as the detail screen shows it (domain/matters/categories.ts). */
export interface CategoryView {
  key: MatterCategory
  label: string
  /** Reserved by 村民委员会组织法 Art. 24 to the assembly (or its delegates). */
  art24: boolean
  clause?: string
}

/** One recorded 四议 step, in the order of the steps. */
export interface ProcedureStepView {
  step: ProcedureStepKey
  label: string
  date: LocalDate
  expected: number
  present: number
  result: string
  note: string
  at: string
}

export interface TimelineItem {
  at: string
  actorName: string
  action: string
  from?: MatterStatus
  to?: MatterStatus
  note?: string
}

export interface StatementView {
  id: string
  authorName: string
  text: string
  at: string
  replyTo?: string
}

export interface MatterDetail extends MatterSummary {
  body: string
  photos: string[]
  decision?: string
  handling?: Omit<Handling, 'assignedAt' | 'reports'> & {
    assignedAt: string
    reports: Array<{ at: string; by: string; text: string; photos: string[] }>
  }
  outcome?: string
  /** 四议: the steps recorded so far, in order (empty when none). */
  procedure: ProcedureStepView[]
  /**
   * The latest timeline entries, newest first (TIMELINE_PAGE of them); `timelineCursor` goes to
   * listTimeline for older ones. Ratings are not entries: `rating` counts them, never who gave what.
   */
  timeline: TimelineItem[]
  timelineCursor?: string
  /**
   * The discussion's first page exactly as `discussion.listStatements` gives it to this caller
   * (oldest first, DISCUSSION_PAGE of them; `nextCursor` goes to listStatements for more).
   */
  discussion: { items: StatementItem[]; nextCursor?: string }
  /** 会议纪要: what the minutes of each 说事日 say about this matter, oldest day first. */
  minutes: Array<{ talkDay: LocalDate; text: string; at: string }>
  /** The polls on this matter, newest first (drafts only for those who may see drafts). */
  polls: PollSummary[]
  /** Title of the matter this one was merged into (for the link). */
  mergedIntoTitle?: string
  /** The name of the matter's village (the notice board's heading). */
  villageName: string
  /** End of the rating window (民意测评), once resolved. */
  ratingEndsAt?: string
  rating: { count: number; average: number | null; ratedByMe: boolean }
  /**
   * 调解, when the matter has a case: how it stands, in the words the caller may read — the case's
   * status for its parties, its legal officer and the committee (调解中 / 已调解 / 调解未成 /
   * 已转法律援助), the public word for everyone else (调解中 / 已调解 / 调解结束). The case itself:
   * mediation.getMediation.
   */
  mediation?: { statusLabel: string }
  /** What the caller may do next (for the buttons on the screen). */
  can: string[]
}

export interface MatterRef {
  matterId: string
}

export interface RaiseMatterRequest {
  title: string
  body: string
  photos: string[]
}

export interface OpenTopicRequest extends RaiseMatterRequest {
  urgent: boolean
  category: MatterCategory
}

export interface AcceptMatterRequest extends MatterRef {
  /** 遇事解事: handle at once, not on an agenda. */
  urgent: boolean
  /** Put it on this 说事日 instead of the next one with room. */
  talkDay?: LocalDate
  /** What it is about (domain/matters/categories.ts). */
  category: MatterCategory
}

export interface RecordProcedureStepRequest extends MatterRef {
  step: ProcedureStepKey
  date: LocalDate
  /** 应到 / 实到 */
  expected: number
  present: number
  result: string
  note: string
}

export interface ListMattersRequest {
  status?: MatterStatus
  /** Any of these statuses (the 议事 tab of ended matters); not with `status`. */
  statuses?: MatterStatus[]
  /** A word of the title or the body (搜索); normalised like all text, at most 20 characters. */
  q?: string
  talkDay?: LocalDate
  mine: boolean
  /** Only matters past the 接诉即办 deadline (the committee's list). */
  overdue: boolean
  cursor?: string
  limit: number
}

/** What 首页 shows, in one call. Anyone may call it: a non-member sees only `member` (or null). */
export interface HomeView {
  /**
   * The caller's membership the call acts as (the village the app named, or the default one of
   * domain/village/memberships), whatever its status (pending, declined, left …), or null.
   */
  member: MemberView | null
  /** All the caller's memberships, only when there are two or more (切换村子 on 我的). */
  memberships?: MembershipBrief[]
  /** The caller's village: only for a verified member. */
  village: { id: string; name: string; talkDays: number[]; responseDeadlineDays: number } | null
  /** The next 说事日 (today until the day ends) and its agenda in order: verified members only. */
  nextTalkDay: { date: LocalDate; items: MatterSummary[] } | null
  /** 遇事解事: urgent matters being handled (accepted, in discussion, decided or handling). */
  urgent: MatterSummary[]
  /** The caller's own matters, latest raised first (at most HOME_MINE of them). */
  mine: MatterSummary[]
}

/** Actions of the `matters` function (民事民提、民事民议、民事民办). */
export interface MattersApi {
  raiseMatter: ActionSpec<RaiseMatterRequest, { matterId: string }>
  openTopic: ActionSpec<OpenTopicRequest, { matterId: string; talkDay?: LocalDate }>
  withdrawMatter: ActionSpec<MatterRef, Ok>
  acceptMatter: ActionSpec<AcceptMatterRequest, { talkDay?: LocalDate }>
  declineMatter: ActionSpec<MatterRef & { reason: string }, Ok>
  mergeMatter: ActionSpec<MatterRef & { intoId: string }, Ok>
  /** The committee changes a matter's category (audited); refused once a poll on it has opened. */
  changeCategory: ActionSpec<MatterRef & { category: MatterCategory }, Ok>
  /** 四议: the committee records (or corrects) a step before an Art. 24 matter is put to the vote. */
  recordProcedureStep: ActionSpec<RecordProcedureStepRequest, Ok>
  startDiscussion: ActionSpec<MatterRef, Ok>
  recordDecision: ActionSpec<MatterRef & { decision: string }, Ok>
  assignHandling: ActionSpec<MatterRef & { handlerId: string; deadline: LocalDate }, Ok>
  reportProgress: ActionSpec<MatterRef & { text: string; photos: string[] }, Ok>
  resolveMatter: ActionSpec<MatterRef & { outcome: string }, Ok>
  closeMatter: ActionSpec<MatterRef, Ok>
  rateMatter: ActionSpec<MatterRef & { score: number; comment: string }, Ok>
  moveAgendaItem: ActionSpec<MatterRef & { talkDay: LocalDate }, Ok>
  reorderAgenda: ActionSpec<{ talkDay: LocalDate; matterIds: string[] }, Ok>
  recordMinutes: ActionSpec<MatterRef & { talkDay: LocalDate; text: string }, Ok>
  getMatter: ActionSpec<MatterRef, MatterDetail>
  /** 首页 in one call (see HomeView). */
  getHome: ActionSpec<Record<string, never>, HomeView>
  /** Older timeline entries of a matter, newest first, from `getMatter`'s `timelineCursor`. */
  listTimeline: ActionSpec<
    MatterRef & { cursor?: string; limit: number },
    { items: TimelineItem[]; nextCursor?: string }
  >
  listMatters: ActionSpec<ListMattersRequest, { items: MatterSummary[]; nextCursor?: string }>
}

/** A raised matter waiting for the committee's answer, with its 接诉即办 clock. */
export interface IncomingMatter extends MatterSummary {
  /** When the village's response deadline runs out (raisedAt + responseDeadlineDays). */
  respondBy: string
  /** Whole hours left until `respondBy` (rounded down); negative once overdue. */
  hoursLeft: number
}

/** One coming 说事日 with its agenda in order. */
export interface TalkDayAgenda {
  date: LocalDate
  items: MatterSummary[]
  /** Places the agenda still has (settings.agendaSize − items). */
  room: number
}

/** 村务: what the committee's console shows first, in one call (committee and moderators). */
export interface ConsoleView {
  /** The caller's roles (the console shows the committee's and the moderator's rows by them). */
  roles: Role[]
  village: { id: string; name: string; talkDays: number[]; responseDeadlineDays: number }
  /** Join requests waiting (pending members). */
  pendingMembers: number
  /** Raised matters waiting for an answer, the nearest deadline (or longest overdue) first. */
  incoming: IncomingMatter[]
  /** How many of `incoming` are past the deadline. */
  overdue: number
  /** The next three 说事日 (today until it ends, first) with their agendas. */
  talkDays: TalkDayAgenda[]
  /** Matters being carried out (decided or handling): assign handling, report, resolve. */
  handling: MatterSummary[]
  /** Resolved matters whose rating window has ended: the moderator closes them. */
  toClose: MatterSummary[]
  /** Statements reported or hidden pending a moderator's review. */
  moderationPending: number
  /** Polls open now on the village's matters (for the meeting screen). */
  openPolls: Array<{
    id: string
    matterId: string
    matterTitle: string
    question: string
    closesAt: string
  }>
}

/** One item of a talk day's run sheet (议程), in agenda order. */
export interface RunSheetItem extends MatterSummary {
  body: string
  /** What the minutes of this talk day say about it ('' when none yet). */
  minutes: string
  /** Its polls, newest first. */
  polls: PollSummary[]
  /** What the caller may do with it now (the detail's `can`). */
  can: string[]
}

/** 主持人: a talk day's run sheet, in one call. */
export interface RunSheetView {
  talkDay: LocalDate
  /** Whether `talkDay` is today (Shanghai). */
  today: boolean
  items: RunSheetItem[]
  /** Statements reported or hidden pending review (the moderator's queue). */
  moderationPending: number
  /** Resolved matters whose rating window has ended (to close). */
  toClose: MatterSummary[]
}

/** Actions the console adds to the `matters` function. */
export interface MattersConsoleApi {
  /** The committee's console (committee and moderators). */
  getConsole: ActionSpec<Record<string, never>, ConsoleView>
  /** The run sheet of a talk day; without `talkDay`, the next one (today until it ends). */
  getRunSheet: ActionSpec<{ talkDay?: LocalDate }, RunSheetView>
}

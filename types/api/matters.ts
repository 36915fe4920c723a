import type { ActionSpec } from './envelope'
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
  declineReason?: string
  mergedInto?: string
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
  latestStatements: StatementView[]
  rating: { count: number; average: number | null; ratedByMe: boolean }
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
  talkDay?: LocalDate
  mine: boolean
  /** Only matters past the 接诉即办 deadline (the committee's list). */
  overdue: boolean
  cursor?: string
  limit: number
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
  /** Older timeline entries of a matter, newest first, from `getMatter`'s `timelineCursor`. */
  listTimeline: ActionSpec<
    MatterRef & { cursor?: string; limit: number },
    { items: TimelineItem[]; nextCursor?: string }
  >
  listMatters: ActionSpec<ListMattersRequest, { items: MatterSummary[]; nextCursor?: string }>
}

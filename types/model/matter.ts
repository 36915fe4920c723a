/** Stored shapes of the `matters` aggregate: matters, their timeline, agendas and ratings. */
import type { LocalDate } from './common'

/**
 * raised 待受理 → accepted 已受理 | declined 不予受理 | merged 已合并 | withdrawn 已撤回;
 * accepted → discussing 议事中 → deciding 表决中 → decided 已决议 → handling 办理中 →
 * resolved 已办结 → closed 已关闭. The transition table is `domain/matters/lifecycle.ts`.
 */
export type MatterStatus =
  | 'raised'
  | 'accepted'
  | 'declined'
  | 'merged'
  | 'withdrawn'
  | 'discussing'
  | 'deciding'
  | 'decided'
  | 'handling'
  | 'resolved'
  | 'closed'

/**
 * What a matter is about. The eight Art. 24 categories (村民委员会组织法 第二十四条) are decided only
 * by the assembly or, by delegation, the representatives' meeting; the table with labels and the
 * Art. 24 mark is `domain/matters/categories.ts`.
 */
export type MatterCategory =
  | 'allowances'
  | 'collectiveIncome'
  | 'publicWelfare'
  | 'landContracting'
  | 'collectiveEnterprise'
  | 'homestead'
  | 'landCompensation'
  | 'collectiveProperty'
  | 'roadsUtilities'
  | 'environment'
  | 'publicOrder'
  | 'neighbourhood'
  | 'services'
  | 'other'

/** 四议: proposal 党支部会提议, consultation 两委会商议, review 党员大会审议 (the fourth is the vote). */
export type ProcedureStepKey = 'proposal' | 'consultation' | 'review'

export interface ProcedureStep {
  date: LocalDate
  /** 应到 / 实到 */
  expected: number
  present: number
  result: string
  note: string
  by: string
  at: Date
}

export type Procedure = Partial<Record<ProcedureStepKey, ProcedureStep>>

/** resident: 民事民提; committee: 开题 (a topic the committee opens). */
export type MatterOrigin = 'resident' | 'committee'

export interface ProgressReport {
  at: Date
  by: string
  text: string
  photos: string[]
}

/** 民事民办: who carries out the decision, by when, and how it goes. */
export interface Handling {
  handlerId: string
  handlerName: string
  deadline: LocalDate
  assignedAt: Date
  reports: ProgressReport[]
}

export interface Matter {
  _id: string
  villageId: string
  title: string
  body: string
  /** Cloud file ids (at most 9). */
  photos: string[]
  origin: MatterOrigin
  /** 遇事解事: handled at once, not put on a 说事日's agenda. */
  urgent: boolean
  status: MatterStatus
  raisedBy: string
  raisedByName: string
  raisedAt: Date
  /** Chosen by the committee when it accepts a matter or opens a topic (domain/matters/categories.ts). */
  category?: MatterCategory
  /** 四议 steps recorded by the committee before an Art. 24 matter is put to the vote. */
  procedure?: Procedure
  /** Set when the first poll on this matter opens (the polls function writes it): no category change after. */
  pollOpenedAt?: Date
  /** The 说事日 whose agenda holds this matter. */
  talkDay?: LocalDate
  declineReason?: string
  mergedInto?: string
  /** What was decided (民事民决). */
  decision?: string
  handling?: Handling
  /** The published result of carrying it out (结果公开). */
  outcome?: string
  /** When each status was entered. */
  statusAt: Partial<Record<MatterStatus, Date>>
  /** 接诉即办: by when the committee must accept or decline (set when raised). */
  respondBy: Date
  /** End of the rating window (set when resolved). */
  ratingEndsAt?: Date
  /**
   * 吹哨报到 (the whistles function writes these, in the transaction of each whistle it opens or
   * ends): how many whistles were blown on this matter (the next one's id is
   * `<matterId>_w<count + 1>`), and the departments with one still open (raised or acknowledged):
   * at most one open whistle per department.
   */
  whistleCount?: number
  openWhistles?: string[]
  /** 民意测评 so far; `raters` are member ids, so one read tells whether the caller rated. */
  rating: { count: number; sum: number; raters: string[] }
  updatedAt: Date
  /**
   * Moved by a transaction that relies on this document without changing it (a reminder, a staff
   * message: cloudfunctions/_shared/repo.ts `touch`); absent until then. Means nothing else.
   */
  writeSeq?: number
}

/**
 * One place on a 说事日's agenda (议程): `_id` is `<villageId>_<date>_<slot>` with slot 1 … the
 * village's agendaSize. A day's agenda is its slots in `position` order. The database's unique
 * `_id` decides who gets a place: two accepts onto one day contend only when they take the same
 * slot, and a day never holds more matters than it has slots.
 */
export interface AgendaSlot {
  _id: string
  villageId: string
  date: LocalDate
  slot: number
  matterId: string
  /** Order on the agenda, ascending: the placement time (ms) until the committee reorders (1, 2 …). */
  position: number
  /** 会议纪要 of this matter on this day. */
  minutes?: { text: string; by: string; at: Date }
  placedAt: Date
}

/**
 * The stored shape of an agenda before agenda slots: one document `<villageId>_<date>` per day.
 * Only the migration (cloudfunctions/matters/migrateAgendas.ts) reads it, turning it into slots.
 */
export interface LegacyAgenda {
  _id: string
  villageId: string
  date: LocalDate
  matterIds: string[]
  minutes: Record<string, { text: string; by: string; at: Date }>
  updatedAt: Date
}

/** 民意测评: one member's rating of how a matter was handled. */
export interface Rating {
  _id: string
  villageId: string
  matterId: string
  memberId: string
  score: 1 | 2 | 3 | 4 | 5
  comment?: string
  at: Date
}

import type { ActionSpec } from './envelope'
import type { PollBody, PollKind, PollOption, PollStatus, VoteChannel } from '../model/poll'

type Ok = { ok: true }

export interface PollRef {
  pollId: string
}

/** What the committee (or the moderator on the matter's talk day) writes before opening. */
export interface PollDraft {
  question: string
  kind: PollKind
  /** `choice` polls: 2–10 option labels, in order (they become `o1` … `o10`). */
  options: string[]
  /** `choice` polls: how many options one ballot may select (default 1). */
  maxSelections: number
  body: PollBody
  /** Secret ballot, the default. Fixed once the poll opens. */
  secret: boolean
  /** When voting ends (ISO 8601); left out: the earliest the law allows from now (defaultClosingTime). */
  closesAt?: string
}

export type DraftPollRequest = PollDraft & { matterId: string }
export type UpdateDraftRequest = PollDraft & PollRef

/** A ballot: yesNo `yes` / `no` / `abstain`; choice polls the selected option ids. */
export interface CastBallotRequest extends PollRef {
  choice: string | string[]
}

/** draft, open (voting), counting (closed for casting, not yet counted), closed (result published). */
export type PollPhase = 'draft' | 'open' | 'counting' | 'closed'

/** The published result: only after the count, for everyone alike. */
export interface PollResultView {
  counts: Record<string, number>
  spoiled: number
  present: number
  householdsPresent?: number
  turnout: number
  electorate: { size: number; adults: number; households: number; representatives: number }
  valid: boolean
  passed: boolean
  decides: boolean
  winner?: string
  tie?: string[]
  ruleVersion: string
  sentence: string
  digest: string
  ballots: number
  unconfirmedPaper: number
  countedAt: string
}

/**
 * A poll as a member sees it. While it is open nobody (the committee included) sees the split,
 * only how many have voted; the caller sees their own current choice.
 */
export interface PollView {
  id: string
  matterId: string
  question: string
  kind: PollKind
  options: PollOption[]
  maxSelections: number
  body: PollBody
  secret: boolean
  status: PollStatus
  phase: PollPhase
  closesAt: string
  openedAt?: string
  /** Persons in the frozen electorate (from opening). */
  electorateSize?: number
  /** How many of them have voted (from opening). */
  turnout?: number
  /** Whether the caller may cast online in this poll (their account was linked at opening). */
  eligible: boolean
  /** The caller's own current choice, as cast (`o1+o3` for choice polls); null: not cast. */
  myChoice: string | null
  result?: PollResultView
  /** What the caller may do next (for the buttons). */
  can: string[]
}

export interface PollSummary {
  id: string
  question: string
  body: PollBody
  secret: boolean
  phase: PollPhase
  closesAt: string
  passed?: boolean
}

/** One person of the frozen electorate: whether they voted (and how), never when nor what. */
export interface VoterView {
  personId: string
  name: string
  voted: boolean
  channel?: VoteChannel
}

/** The ballots CSV (domain/polls/export.ts) of a counted poll, with the published digest. */
export interface BallotsExport {
  fileName: string
  csv: string
  digest: string
}

/** Actions of the `polls` function (民事民决). */
export interface PollsApi {
  draftPoll: ActionSpec<DraftPollRequest, { pollId: string; closesAt: string }>
  updateDraft: ActionSpec<UpdateDraftRequest, { closesAt: string }>
  /** Checks the design, freezes the electorate, moves the matter to 表决中. */
  openPoll: ActionSpec<PollRef, { closesAt: string; electorateSize: number }>
  castBallot: ActionSpec<CastBallotRequest, Ok>
  getPoll: ActionSpec<PollRef, PollView>
  listPolls: ActionSpec<{ matterId: string }, { items: PollSummary[] }>
  /** The committee: who of the electorate has voted (the turnout list). */
  listVoters: ActionSpec<PollRef, { items: VoterView[] }>
  /**
   * Early (once everyone has voted): casting stops now and the count follows within a minute;
   * past the closing time: counts it now if the scheduler has not yet.
   */
  closePoll: ActionSpec<PollRef, { phase: PollPhase; closesAt: string }>
  exportBallots: ActionSpec<PollRef, BallotsExport>
}

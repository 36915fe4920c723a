import type { ActionSpec } from './envelope'
import type {
  PollBody,
  PollKind,
  PollOption,
  PollStatus,
  ProxyConsent,
  VoteChannel,
} from '../model/poll'

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
  /** How the caller's person has voted, when they have (paper: they may not cast online now). */
  myChannel?: VoteChannel
  /** A 代投 recorded for the caller's person: by whom and how they consented (they may change it). */
  proxy?: { byName: string; consent: ProxyConsent }
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

/** One poll of the caller's village in which the caller's person may vote (我的投票). */
export interface MyVoteItem extends PollSummary {
  matterId: string
  matterTitle: string
  options: PollOption[]
  /** The caller's person has voted (online, on paper or by 代投). */
  voted: boolean
  /** The caller's own current choice as cast online or by 代投 (`o1+o3`); null: none or on paper. */
  myChoice: string | null
  myChannel?: VoteChannel
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
  /**
   * Secret polls, at the meeting until the closing time: the committee ticks off a person who
   * votes on paper; their online or 代投 ballot, if any, is withdrawn unread.
   */
  markPaperVoter: ActionSpec<PersonRef, { paperVoters: number }>
  /** Secret polls: the box's counts (each choice and 废票), adding up to the persons ticked off. */
  enterPaperCounts: ActionSpec<PaperCountsRequest, { total: number }>
  /**
   * A different committee member confirms by entering the same counts again (a second count of
   * the tally sheet: nobody is shown the split before the close). Only confirmed counts count.
   */
  confirmPaperCounts: ActionSpec<PaperCountsRequest, { total: number }>
  /** Open polls: one named paper ballot (the person's one ballot), not yet counted. */
  enterPaperBallot: ActionSpec<PaperBallotRequest, Ok>
  /** Open polls: a different committee member confirms it with the same choice; then it counts. */
  confirmPaperBallot: ActionSpec<PaperBallotRequest, Ok>
  /**
   * 代投: a member of the voter's household, or a committee member, records the voter's ballot
   * with how they consented; at most the village's `proxyLimit` voters per recorder and poll.
   */
  castProxyBallot: ActionSpec<ProxyBallotRequest, { remaining: number }>
  /**
   * 我的投票: the open and counted polls whose frozen electorate holds the caller's person, open
   * ones first then the latest closed, a page at a time.
   */
  listMyVotes: ActionSpec<
    { cursor?: string; limit: number },
    { items: MyVoteItem[]; nextCursor?: string }
  >
  /** 送达: how many of the electorate have been reached, and who has not (to visit or phone). */
  reachReport: ActionSpec<PollRef, ReachReport>
}

export interface PersonRef extends PollRef {
  personId: string
}

/** One line of a paper box: a choice (as cast: `yes`, or option ids) or `spoiled` (废票). */
export interface PaperCountLine {
  choice: string | string[]
  count: number
}

export interface PaperCountsRequest extends PollRef {
  counts: PaperCountLine[]
}

export interface PaperBallotRequest extends PersonRef {
  choice: string | string[]
}

export interface ProxyBallotRequest extends PersonRef {
  choice: string | string[]
  consent: ProxyConsent
}

export interface ReachReport {
  electorateSize: number
  /** Opened the poll in the app, or voted in any way (on paper, 代投 with their consent, online). */
  reached: number
  /** Everyone else, by name: to visit or phone. */
  notReached: Array<{ personId: string; name: string }>
}

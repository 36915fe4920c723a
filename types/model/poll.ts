/** Stored shapes of the `polls` aggregate (民事民决): polls, ballots, the frozen electorate. */

/**
 * Who decides: assembly 村民会议, representatives 村民代表会议, households one vote per household
 * (by its 户代表), consult 民意征询 (advisory: no quorum, decides nothing).
 */
export type PollBody = 'assembly' | 'representatives' | 'households' | 'consult'

/** yesNo: 赞成 / 反对 / 弃权, always all three; choice: 2–10 options, at most `maxSelections`. */
export type PollKind = 'yesNo' | 'choice'

/**
 * A ballot's choice as stored and as written in the canonical ballot list: for yesNo polls one of
 * these; for choice polls the selected option ids (`o1` … `o10`) ascending, joined by `+`
 * (`o1+o3`). Paper counts also have `spoiled` (废票).
 */
export type YesNoChoice = 'yes' | 'no' | 'abstain'
export const SPOILED = 'spoiled'

/** draft: being written (editable); open: voting (electorate frozen); closed: counted, result stored. */
export type PollStatus = 'draft' | 'open' | 'closed'

/** How a voter's ballot came in: on the phone, on paper at the meeting, or recorded for them (代投). */
export type VoteChannel = 'online' | 'paper' | 'proxy'

/** One option of a `choice` poll; ids are `o1` … `o10` in the order drafted. */
export interface PollOption {
  id: string
  label: string
}

/** The electorate as frozen at opening: its size and the denominators the law's quorum uses. */
export interface FrozenElectorate {
  /** Persons who may vote (pollVoters documents). */
  size: number
  /** Adults on the register (村民会议 quorum). */
  adults: number
  /** Households on the register (村民会议 by households, and `households` polls). */
  households: number
  /** Representatives on the register (村民代表会议 quorum). */
  representatives: number
}

/**
 * Paper counts of one ballot box (point 10, filled in by a later issue): per choice and `spoiled`,
 * entered by one committee member and confirmed by a different one. Only confirmed counts count.
 */
export interface PaperCount {
  choice: string
  count: number
  enteredBy: string
  enteredAt: Date
  confirmedBy?: string
  confirmedAt?: Date
}

/** The immutable result stored when a poll is counted. */
export interface PollResult {
  /** Ballots per choice (yesNo: yes/no/abstain; choice: per option id), online and confirmed paper. */
  counts: Record<string, number>
  /** Spoiled paper ballots (废票): present, never yes. */
  spoiled: number
  /** Everyone who cast (abstentions and 废票 included). */
  present: number
  /**
   * Households with at least one ballot: counted (over the turnout) only when the law asks for it —
   * `households` polls, and an assembly not valid by its adults alone.
   */
  householdsPresent?: number
  /** Persons who voted, by any channel (each has one ballot, online or in the paper counts: = present). */
  turnout: number
  electorate: FrozenElectorate
  /** Quorum met (会议有效). */
  valid: boolean
  /** yesNo: the motion passed; choice: an option was decided (2·votes > present). */
  passed: boolean
  /** choice: the decided option; `tie`: ids tied for first place. */
  winner?: string
  tie?: string[]
  /** false for `consult` (advisory). */
  decides: boolean
  ruleVersion: string
  /** The plain sentence that explains the result. */
  sentence: string
  /** SHA-256 (hex) over the canonical ballot list (domain/polls/digest.ts). */
  digest: string
  /** Online ballots in the list, and paper ballots left unconfirmed (not counted). */
  ballots: number
  unconfirmedPaper: number
  countedAt: Date
}

/** A poll on a matter (民事民决), collection `polls`. */
export interface Poll {
  _id: string
  villageId: string
  matterId: string
  question: string
  kind: PollKind
  /** `choice` polls only. */
  options?: PollOption[]
  /** `choice` polls only: how many options a ballot may select (1 … options.length). */
  maxSelections?: number
  body: PollBody
  /** Secret ballot (default); fixed once opened. */
  secret: boolean
  status: PollStatus
  /** When casting stops; the count follows once no cast begun before it can still land. */
  closesAt: Date
  createdBy: string
  createdAt: Date
  updatedAt: Date
  openedAt?: Date
  openedBy?: string
  /** Frozen at opening. */
  electorate?: FrozenElectorate
  /** Paper ballot boxes (point 10): the tally adds the confirmed counts. */
  paper?: PaperCount[]
  /**
   * Secret polls: persons ticked off as voting on paper (markPaperVoter). The box's counts must
   * add up to it; kept on the poll so that ticking off and entering the counts write one document
   * (and so conflict). Absent: none.
   */
  paperVoters?: number
  /** Open polls: named paper ballots entered but not yet confirmed (not counted). Absent: none. */
  paperPending?: number
  closedAt?: Date
  /** The member who closed it early, or `scheduler`. */
  closedBy?: string
  result?: PollResult
}

/**
 * One voter's ballot, collection `ballots`. `_id` = HMAC-SHA256(secret, `<pollId>:<personId>`)
 * in hex: one per person, created (without a choice) for every voter when the poll opens, so
 * neither the id nor the order of the documents tells who cast it. A secret ballot stores no voter
 * and no time; an open poll's ballot names its person.
 */
export interface Ballot {
  _id: string
  pollId: string
  /** Absent until cast (and again when withdrawn for a paper ballot). */
  choice?: string
  /** Open polls only. */
  personId?: string
  /**
   * Open polls: a named paper ballot entered by one committee member and not yet confirmed by
   * another; it counts (becomes `choice`) only once confirmed.
   */
  pending?: { choice: string; enteredBy: string; enteredAt: Date }
}

/**
 * One person of a poll's frozen electorate and whether they have voted (the turnout), collection
 * `pollVoters`, `_id` = `<pollId>_<personId>`. Says who voted, never when nor what.
 */
export interface PollVoter {
  _id: string
  pollId: string
  villageId: string
  personId: string
  householdId: string
  name: string
  /** Member accounts linked to the person when the poll opened: only these may cast online. */
  accounts: string[]
  voted: boolean
  /** How the counted ballot came in (set with `voted`). */
  channel?: VoteChannel
  /**
   * 代投 (point 11): who recorded it and how consent was given; present only while `channel` is
   * 'proxy' (the voter's own cast, or a paper ballot, removes it).
   */
  proxy?: { by: string; byName: string; consent: ProxyConsent }
  /**
   * 送达 (point 12): the person has been reached — opened the poll in the app (the first getPoll),
   * or voted on paper, or consented to a 代投 — and when that was first recorded.
   */
  reached?: boolean
  reachedAt?: Date
}

/** How a voter consented to a 代投: 当面 (in person) or 电话 (by phone). */
export type ProxyConsent = 'inPerson' | 'phone'

/**
 * The 代投 one recorder made in one poll, collection `proxyCounters`, `_id` =
 * `<pollId>_<recorderMemberId>`: every proxy cast by that recorder writes it, so the village's
 * `proxyLimit` holds however many casts run at once.
 */
export interface ProxyCounter {
  _id: string
  pollId: string
  villageId: string
  recorderId: string
  /** The voters recorded for (a change for the same voter takes no new place). */
  personIds: string[]
  updatedAt: Date
}

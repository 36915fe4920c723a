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

/** Polls as the app shows them: the split only once counted, for everyone alike. */
import type { PollResultView } from '../../types/api/polls'
import type { Poll, PollResult } from '../../types/model/poll'
import { CAST_GRACE_MS } from './access'

export { phaseOf, pollSummary } from '../_shared/polls'

/** Whether an open poll may be counted now: its closing time lies a grace behind. */
export function countable(poll: Poll, now: Date): boolean {
  return (
    poll.status === 'open' && now.getTime() >= new Date(poll.closesAt).getTime() + CAST_GRACE_MS
  )
}

export function resultView(r: PollResult): PollResultView {
  return {
    counts: r.counts,
    spoiled: r.spoiled,
    present: r.present,
    ...(r.householdsPresent !== undefined ? { householdsPresent: r.householdsPresent } : {}),
    turnout: r.turnout,
    electorate: r.electorate,
    valid: r.valid,
    passed: r.passed,
    decides: r.decides,
    ...(r.winner ? { winner: r.winner } : {}),
    ...(r.tie ? { tie: r.tie } : {}),
    ruleVersion: r.ruleVersion,
    sentence: r.sentence,
    digest: r.digest,
    ballots: r.ballots,
    unconfirmedPaper: r.unconfirmedPaper,
    countedAt: new Date(r.countedAt).toISOString(),
  }
}

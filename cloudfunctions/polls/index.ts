// The `polls` function: 民事民决 — drafting, opening, casting, closing and exporting polls.
import type { PollsApi } from '../../types/api/polls'
import type { Envelope } from '../../types/api'
import { createMain, type Handlers } from '../_shared/handler'
import { castBallot } from './handlers/castBallot'
import { closePoll } from './handlers/closePoll'
import { draftPoll } from './handlers/draftPoll'
import { exportBallots } from './handlers/exportBallots'
import { getPoll } from './handlers/getPoll'
import { listMyVotes } from './handlers/listMyVotes'
import { listPolls } from './handlers/listPolls'
import { listVoters } from './handlers/listVoters'
import { openPoll } from './handlers/openPoll'
import { updateDraft } from './handlers/updateDraft'
import { markPaperVoter } from './handlers/markPaperVoter'
import { enterPaperCounts } from './handlers/enterPaperCounts'
import { confirmPaperCounts } from './handlers/confirmPaperCounts'
import { enterPaperBallot } from './handlers/enterPaperBallot'
import { confirmPaperBallot } from './handlers/confirmPaperBallot'
import { castProxyBallot } from './handlers/castProxyBallot'
import { reachReport } from './handlers/reachReport'
import { hasBallotSecret } from './repo'

export const HANDLERS: Handlers<PollsApi> = {
  draftPoll,
  updateDraft,
  openPoll,
  castBallot,
  getPoll,
  listPolls,
  listVoters,
  closePoll,
  exportBallots,
  markPaperVoter,
  enterPaperCounts,
  confirmPaperCounts,
  enterPaperBallot,
  confirmPaperBallot,
  castProxyBallot,
  listMyVotes,
  reachReport,
}

const run = createMain<PollsApi>('polls', HANDLERS)

/** Without its ballot secret (POLLS_BALLOT_SECRET, 32+ characters) the function does nothing. */
export async function main(event: unknown): Promise<Envelope<unknown>> {
  if (!hasBallotSecret()) {
    console.error('polls: POLLS_BALLOT_SECRET is not configured')
    return {
      ok: false,
      error: { code: 'INTERNAL', message: '投票服务还没有配置好，请联系村委会。' },
    }
  }
  return run(event)
}

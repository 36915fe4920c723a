/**
 * Every member may download a counted poll's ballots as CSV (secret polls: ballot ids and
 * choices, no voters), with the published digest, to check the count (`npm run verify-tally`).
 */
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { authorize, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { fail, handler } from '../../_shared/handler'
import { pollSubject } from '../access'
import { confirmedPaper } from '../count'
import { ballotsCsv } from '../law'
import { castBallots, findPoll, NOT_FOUND_POLL, votersOf } from '../repo'

export const exportBallots = handler(POLL_SCHEMAS.exportBallots, async ({ pollId }, ctx) => {
  const [actor, found] = await verifiedActorAnd(ctx, findPoll(ctx.db, pollId))
  const poll = found ?? refuse(NOT_FOUND_POLL)
  authorize(actor, 'exportBallots', pollSubject(poll), NOT_FOUND_POLL)
  if (poll.status !== 'closed' || !poll.result) {
    fail('CONFLICT', '计票公布以后才能下载选票。')
  }
  const [ballots, voters] = await Promise.all([
    castBallots(ctx.db, poll._id, poll.secret),
    poll.secret ? Promise.resolve([]) : votersOf(ctx.db, poll._id),
  ])
  const names = new Map(voters.map((v) => [v.personId, v.name]))
  const sorted = ballots.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const paper = confirmedPaper(poll).paper
  const csv = poll.secret
    ? ballotsCsv({
        secret: true,
        ballots: sorted.map((b) => ({ ballot: b.key, choice: b.choice })),
        paper,
      })
    : ballotsCsv({
        secret: false,
        ballots: sorted.map((b) => ({
          person: b.key,
          name: names.get(b.key) ?? '',
          choice: b.choice,
        })),
        paper,
      })
  return { fileName: `ballots-${poll._id}.csv`, csv, digest: poll.result.digest }
})

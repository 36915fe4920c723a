/**
 * A poll as a member sees it: question, options, phase, how many have voted, the caller's own
 * current choice. While it is open nobody, the committee included, sees the split.
 */
import type { PollView } from '../../../types/api/polls'
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { can } from '../../../domain/permissions'
import { authorize, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { handler } from '../../_shared/handler'
import { pollSubject } from '../access'
import { recordReach } from '../channels'
import { countVoted, findBallot, findPoll, findVoter, NOT_FOUND_POLL } from '../repo'
import { phaseOf, resultView } from '../views'

export const getPoll = handler(POLL_SCHEMAS.getPoll, async ({ pollId }, ctx) => {
  const [actor, found] = await verifiedActorAnd(ctx, findPoll(ctx.db, pollId))
  const poll = found ?? refuse(NOT_FOUND_POLL)
  const who = authorize(actor, 'viewPoll', pollSubject(poll), NOT_FOUND_POLL)
  const subject = pollSubject(poll)
  const drafter = can(who, 'draftPoll', subject).allowed
  // A draft is the committee's work in progress.
  if (poll.status === 'draft' && !drafter) refuse(NOT_FOUND_POLL)
  const phase = phaseOf(poll, ctx.now)
  const opened = poll.status !== 'draft'
  const [voter, ballot, turnout] = await Promise.all([
    opened && who.personId ? findVoter(ctx.db, poll._id, who.personId) : undefined,
    opened && who.personId ? findBallot(ctx.db, poll._id, who.personId) : undefined,
    opened ? countVoted(ctx.db, poll._id) : undefined,
  ])
  const eligible = !!voter && voter.accounts.includes(who.memberId)
  // 送达: the first time the voter opens the poll (one write, then never again)
  if (voter && !voter.reached && phase === 'open') await recordReach(ctx.db, voter, ctx.now)
  const actions: string[] = []
  if (phase === 'draft' && drafter) actions.push('updateDraft', 'openPoll')
  if (phase === 'open' && eligible && voter.channel !== 'paper') actions.push('castBallot')
  if ((phase === 'open' || phase === 'counting') && can(who, 'closePoll', subject).allowed) {
    actions.push('closePoll')
  }
  if (phase === 'closed') actions.push('exportBallots')
  const view: PollView = {
    id: poll._id,
    matterId: poll.matterId,
    question: poll.question,
    kind: poll.kind,
    options: poll.options ?? [],
    maxSelections: poll.maxSelections ?? 1,
    body: poll.body,
    secret: poll.secret,
    status: poll.status,
    phase,
    closesAt: new Date(poll.closesAt).toISOString(),
    ...(poll.openedAt ? { openedAt: new Date(poll.openedAt).toISOString() } : {}),
    ...(poll.electorate ? { electorateSize: poll.electorate.size } : {}),
    ...(turnout !== undefined ? { turnout } : {}),
    eligible,
    myChoice: eligible ? (ballot?.choice ?? null) : null,
    ...(voter?.channel ? { myChannel: voter.channel } : {}),
    ...(voter?.channel === 'proxy' && voter.proxy
      ? { proxy: { byName: voter.proxy.byName, consent: voter.proxy.consent } }
      : {}),
    ...(poll.status === 'closed' && poll.result ? { result: resultView(poll.result) } : {}),
    can: actions,
  }
  return view
})

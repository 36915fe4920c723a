/**
 * Opening a poll: the design check, then in ONE transaction the frozen electorate (one pollVoters
 * document per person who may vote, with the accounts linked at this moment), one empty ballot per
 * voter (ids in HMAC order, so neither ids nor the documents' order tell whose is whose), the poll
 * opened, the matter moved to 表决中 with `pollOpenedAt`, and the audit records. Inserts go in
 * batches of a thousand, so 2,000 voters cost a handful of requests, not 4,000.
 */
import type { Ballot, PollVoter } from '../../../types/model/poll'
import { POLL_SCHEMAS } from '../../../domain/polls/schemas'
import { freezeElectorate } from '../../../domain/polls/electorate'
import { matterSubject } from '../../../domain/matters/actions'
import { transition } from '../../../domain/matters/lifecycle'
import { audit } from '../../_shared/audit'
import { authorize, NOT_FOUND, refuse, verifiedActorAnd } from '../../_shared/authorize'
import { runTransaction } from '../../_shared/cloud'
import { COLLECTION } from '../../_shared/collections'
import { handler } from '../../_shared/handler'
import { loadMatter, updateMatter } from '../../_shared/matters'
import { loadVillage } from '../../_shared/villages'
import { assertDiscussing, assertDraft, assertMayRun, pollSettings } from '../access'
import { checkPollDesign } from '../law'
import {
  ballotId,
  findPoll,
  insertMany,
  loadPoll,
  NOT_FOUND_POLL,
  readRegister,
  updatePoll,
  voterId,
} from '../repo'

export const openPoll = handler(POLL_SCHEMAS.openPoll, async ({ pollId }, ctx) => {
  const [actor, found] = await verifiedActorAnd(ctx, findPoll(ctx.db, pollId))
  const draft = found ?? refuse(NOT_FOUND_POLL)
  authorize(actor, 'openPoll', { villageId: draft.villageId }, NOT_FOUND_POLL)
  // The register as it stands now: who may vote, and which accounts are theirs.
  const register = await readRegister(ctx.db, draft.villageId)
  return runTransaction(ctx.db, async (t) => {
    const poll = await loadPoll(t, pollId)
    const matter = await loadMatter(t, poll.matterId)
    const who = authorize(actor, 'openPoll', matterSubject(matter), NOT_FOUND.matter)
    assertMayRun(who, matter, ctx.now)
    assertDraft(poll)
    assertDiscussing(matter)
    const to = transition(matter.status, 'openPoll')
    const village = await loadVillage(t, poll.villageId)
    const settings = pollSettings(village)
    const { voters, counts } = freezeElectorate(poll.body, register)
    checkPollDesign({
      body: poll.body,
      kind: poll.kind,
      options: poll.options?.map((o) => o.label),
      maxSelections: poll.maxSelections,
      category: matter.category,
      procedure: matter.procedure,
      delegation: settings.delegation,
      openingAt: ctx.now,
      closesAt: new Date(poll.closesAt),
      talkDays: village.talkDays,
      noticeDays: settings.noticeDays,
      electorateSize: counts.size,
    })
    const voterDocs: PollVoter[] = voters.map((v) => ({
      _id: voterId(poll._id, v.personId),
      pollId: poll._id,
      villageId: poll.villageId,
      personId: v.personId,
      householdId: v.householdId,
      name: v.name,
      accounts: v.accounts,
      voted: false,
    }))
    const ballots: Ballot[] = voters
      .map((v) => ({
        _id: ballotId(poll._id, v.personId),
        pollId: poll._id,
        ...(poll.secret ? {} : { personId: v.personId }),
      }))
      .sort((a, b) => (a._id < b._id ? -1 : 1))
    await insertMany(t, COLLECTION.pollVoters, voterDocs)
    await insertMany(t, COLLECTION.ballots, ballots)
    await updatePoll(t, poll._id, {
      status: 'open',
      openedAt: ctx.now,
      openedBy: who.memberId,
      electorate: counts,
      updatedAt: ctx.now,
    })
    await updateMatter(t, matter._id, {
      status: to,
      statusAt: { ...matter.statusAt, [to]: ctx.now },
      pollOpenedAt: matter.pollOpenedAt ?? ctx.now,
      updatedAt: ctx.now,
    })
    const record = { villageId: poll.villageId, actorId: who.memberId, actorName: who.name }
    await audit(t, {
      ...record,
      subjectType: 'matter',
      subjectId: matter._id,
      action: 'openPoll',
      at: ctx.now,
      from: matter.status,
      to,
      note: poll.question,
    })
    await audit(t, {
      ...record,
      subjectType: 'poll',
      subjectId: poll._id,
      action: 'openPoll',
      at: ctx.now,
      note: `选民 ${counts.size} 人`,
    })
    return { closesAt: new Date(poll.closesAt).toISOString(), electorateSize: counts.size }
  })
})
